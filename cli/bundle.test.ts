import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from './main';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const fixture = (name: string) => join(here, 'fixtures', name, 'Dockerfile');
const out = join(mkdtempSync(join(tmpdir(), 'layerlab-bundle-')), 'layerlab.mjs');

describe('npm run build:cli', () => {
  beforeAll(() => {
    const b = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), out], {
      encoding: 'utf8',
    });
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
  }, 60_000);

  it('bundles a CLI that runs with plain Node and no TypeScript loader', () => {
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/from ["']tsx["']|\.ts["']\)/);
    const args = ['--json', fixture('multi'), fixture('python-app')];
    const compiled = spawnSync(process.execPath, [out, ...args], { encoding: 'utf8' });
    const direct = run(args);
    expect(compiled.status).toBe(direct.code);
    // The same reports as the sources give, timing aside.
    const strip = (s: string) => s.replace(/"elapsedMs": [\d.e+-]+,?/g, '');
    expect(strip(compiled.stdout)).toBe(strip(direct.stdout));
  });

  it.each([
    [['--max-size', '1kB', fixture('multi')], 1],
    [['--target', 'nope', fixture('multi')], 2],
    [['/dev/zero'], 2],
    [[fixture('binary')], 2],
  ])('gives the same output and exit code as the sources for %j', (args, code) => {
    const compiled = spawnSync(process.execPath, [out, ...args], { encoding: 'utf8' });
    const direct = run(args);
    expect(compiled.status).toBe(code);
    expect(direct.code).toBe(code);
    expect(compiled.stdout).toBe(direct.stdout);
    expect(compiled.stderr).toBe(direct.stderr);
  });
});
