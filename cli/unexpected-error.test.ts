import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// An analyzer that throws stands for any error the CLI does not expect.
vi.mock('../lib/analyzer/index', () => ({
  createAnalyzerCache: () => ({}),
  analyze: () => {
    throw new TypeError('boom\n    at absPath (model.ts:1:1)');
  },
}));

const { run } = await import('./main');
const here = fileURLToPath(new URL('.', import.meta.url));

describe('run', () => {
  it('turns an unexpected error into one line on stderr and exit 2, not 1', () => {
    const file = join(here, 'fixtures', 'multi', 'Dockerfile');
    const r = run(['--max-size', '1GB', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`layerlab: ${file}: unexpected error: TypeError: boom\n`);
  });
});
