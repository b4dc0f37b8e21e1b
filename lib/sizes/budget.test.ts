import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./generated/', import.meta.url));
const KB = 1000;

describe('size tables shipped to the browser', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const gzipped = (f: string) => gzipSync(readFileSync(dir + f), { level: 9 }).length;

  // base-index.json is not bundled with the analyzer: the browser loads it on demand
  // (base-index-load.ts), so it has a budget of its own.
  const bundled = files.filter((f) => f !== 'base-index.json');

  it('ship the expected tables', () => {
    expect(files.sort()).toEqual([
      'apk-pip.json',
      'apt.json',
      'base-images.json',
      'base-index.json',
      'eol-dates.json',
      'npm.json',
      'third-party-images.json',
    ]);
  });

  it('stay well under 500 KB gzip all together', () => {
    const total = bundled.reduce((s, f) => s + gzipped(f), 0);
    expect(total).toBeLessThan(450 * KB);
  });

  it('keep the on-demand official-tag index under 40 KB gzip', () => {
    expect(gzipped('base-index.json')).toBeLessThan(40 * KB);
  });
});
