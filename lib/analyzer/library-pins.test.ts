import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

describe('the library whose internals shell.ts reads', () => {
  // A range would let an install pick a release whose internals differ; shell.test.ts's
  // differential tests then check the version that is installed.
  const root = new URL('../../', import.meta.url);
  const json = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
  it('mvdan-sh is pinned exactly, and that version is installed', () => {
    const pin = json('package.json').dependencies['mvdan-sh'] as string;
    expect(pin).toMatch(/^\d+\.\d+\.\d+$/);
    expect(json('node_modules/mvdan-sh/package.json').version).toBe(pin);
  });
});
