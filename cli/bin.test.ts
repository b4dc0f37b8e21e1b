import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * bin/layerlab.mjs in a small tree of its own: a "bundle" and "sources" that only say which of
 * them ran, so the test sees the bin's choice without building anything.
 */
describe('bin/layerlab.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-bin-'));
  const bundle = join(dir, 'dist', 'cli', 'layerlab.mjs');
  const source = join(dir, 'lib', 'analyzer', 'x.ts');
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);
  const runBin = () =>
    spawnSync(process.execPath, [join(dir, 'bin', 'layerlab.mjs'), 'arg'], { encoding: 'utf8' });

  beforeAll(() => {
    for (const d of ['bin', 'dist/cli', 'cli', 'lib/analyzer'])
      mkdirSync(join(dir, d), { recursive: true });
    copyFileSync(join(root, 'bin', 'layerlab.mjs'), join(dir, 'bin', 'layerlab.mjs'));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(bundle, "console.log('bundle', process.argv.slice(2).join(' '));\n");
    writeFileSync(
      join(dir, 'cli', 'entry.ts'),
      "const by: string = 'sources';\nconsole.log(by, process.argv.slice(2).join(' '));\n",
    );
    writeFileSync(source, 'export {};\n');
    writeFileSync(join(dir, 'lib', 'analyzer', 'x.test.ts'), 'export {};\n');
  });

  it('runs the bundle when no source is newer, ignoring tests', () => {
    at(join(dir, 'cli', 'entry.ts'), 1_000);
    at(source, 1_000);
    at(bundle, 2_000);
    at(join(dir, 'lib', 'analyzer', 'x.test.ts'), 3_000);
    const r = runBin();
    expect(r.stdout).toBe('bundle arg\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('runs the sources, and says so once, when a file under lib/ changed after the build', () => {
    at(source, 3_000);
    const r = runBin();
    expect(r.stdout).toBe('sources arg\n');
    expect(r.stderr).toMatch(/^layerlab: dist\/cli\/layerlab\.mjs is older than the sources.*\n$/);
    expect(r.status).toBe(0);
  }, 30_000);
});
