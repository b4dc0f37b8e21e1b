import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./generated/', import.meta.url));
const KB = 1000;

describe('size tables shipped to the browser', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const gzipped = (f: string) => gzipSync(readFileSync(dir + f), { level: 9 }).length;

  it('ship the expected tables', () => {
    expect(files.sort()).toEqual(['apk-pip.json', 'apt.json', 'base-images.json', 'npm.json']);
  });

  it('stay well under 500 KB gzip all together', () => {
    const total = files.reduce((s, f) => s + gzipped(f), 0);
    expect(total).toBeLessThan(450 * KB);
  });
});
