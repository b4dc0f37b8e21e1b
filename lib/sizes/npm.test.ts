import { describe, expect, it } from 'vitest';
import { APK_PIP } from './apk-pip-data';
import { npmCacheBytes, npmClosure, npmPackage } from './index';
import generated from './generated/npm.json';

const MB = 1_000_000;
const measured = APK_PIP.caches.npm;

describe('npmClosure', () => {
  // Real installs on this machine, 2026-11-27 (npm 11.19.1): the sum of regular-file sizes in
  // node_modules, which is what Docker counts for a layer (its tree walk skips directory entries;
  // `du -sb` adds 4 KiB per directory: 2,952,656 and 43,468,473 B, as in PACKAGE-SIZES.md).
  const EXPRESS_4_FILE_BYTES = 2_399_682; // `npm install express@4` (4.22.3): 635 files
  const TS_ESLINT_FILE_BYTES = 42_468_964; // `npm install typescript eslint` (7.0.2, 10.15.0): 1,731 files

  it('sizes express@4 within 5 % of a real install', () => {
    const c = npmClosure({ express: '4' });
    expect(c.unknown).toEqual([]);
    expect(c.packages.length).toBeGreaterThan(60);
    expect(c.packages.length).toBeLessThan(80);
    expect(c.totalBytes).toBeGreaterThan(EXPRESS_4_FILE_BYTES * 0.95);
    expect(c.totalBytes).toBeLessThan(EXPRESS_4_FILE_BYTES * 1.05);
  });

  it('sizes typescript + eslint within 5 % of a real install', () => {
    const c = npmClosure({ typescript: 'latest', eslint: 'latest' });
    expect(c.totalBytes).toBeGreaterThan(TS_ESLINT_FILE_BYTES * 0.95);
    expect(c.totalBytes).toBeLessThan(TS_ESLINT_FILE_BYTES * 1.05);
  });

  it('leaves devDependencies out unless asked', () => {
    const deps = { express: '^4.21.2' };
    const devDeps = { jest: '^29.7.0', eslint: '^9.30.0' };
    const prod = npmClosure(deps, { devDeps });
    const all = npmClosure(deps, { devDeps, includeDev: true });
    expect(all.totalBytes).toBeGreaterThan(prod.totalBytes + 10 * MB);
    expect(prod.totalBytes).toBe(npmClosure(deps).totalBytes);
  });

  it('installs a package once even when several dependents need it', () => {
    const c = npmClosure({ express: '^4.21.2', 'body-parser': '^1.20.3' });
    const names = c.packages.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('picks the musl build of a platform package on Alpine', () => {
    const glibc = npmClosure({ sharp: 'latest' })
      .packages.map((p) => p.name)
      .join(' ');
    const musl = npmClosure({ sharp: 'latest' }, { libc: 'musl' })
      .packages.map((p) => p.name)
      .join(' ');
    expect(glibc).toMatch(/sharp-linux-x64/);
    expect(glibc).not.toMatch(/linuxmusl/);
    expect(musl).toMatch(/sharp-linuxmusl-x64/);
  });

  it('installs the required peers (react-dom needs react)', () => {
    const c = npmClosure({ 'react-dom': '^19.0.0' });
    expect(c.packages.some((p) => p.name.startsWith('react@'))).toBe(true);
  });

  it("resolves the lesson projects' pinned dependencies exactly", () => {
    const c = npmClosure(
      { cors: '2.8.5', dotenv: '16.6.1', express: '4.21.2', helmet: '8.1.0', pino: '9.7.0' },
      {
        includeDev: true,
        devDeps: { eslint: '9.30.0', jest: '29.7.0', nodemon: '3.1.10', supertest: '7.1.1' },
      },
    );
    expect(c.unknown).toEqual([]);
    expect(c.approximate).toEqual([]);
  });

  it('reports names that are in no table', () => {
    expect(npmClosure({ 'no-such-package-xyz': '^1.0.0' }).unknown).toEqual([
      'no-such-package-xyz',
    ]);
  });

  it('sizes next larger than express', () => {
    expect(npmClosure({ next: '^16.0.0' }).totalBytes).toBeGreaterThan(
      npmClosure({ express: '^4' }).totalBytes * 10,
    );
  });
});

describe('npmPackage', () => {
  it('resolves the highest stored version in a range', () => {
    const p = npmPackage('express', '^4.0.0');
    expect(p?.version.startsWith('4.')).toBe(true);
    expect(p?.unpackedBytes).toBeGreaterThan(50_000);
    expect(p?.deps).toContain('body-parser');
  });
});

describe('npmCacheBytes', () => {
  it('reproduces the two cache measurements it was fitted to', () => {
    for (const m of measured) {
      const n = Number(/\((\d+) packages\)/.exec(m.install)?.[1]);
      const fake = {
        packages: Array.from({ length: n }, () => ({ name: 'x', bytes: 0 })),
        totalBytes: m.nodeModulesBytes,
        unknown: [],
      };
      expect(Math.abs(npmCacheBytes(fake) - m.cacheBytes)).toBeLessThan(1000);
    }
  });
});

describe('npm table', () => {
  const lines = (generated as unknown as { lines: string }).lines.split('\n');

  it('names a valid package in every dependency entry', () => {
    const valid = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;
    for (const line of lines) {
      const fields = line.split('|');
      expect(fields).toHaveLength(7);
      for (const list of fields.slice(3, 6)) {
        for (const dep of list ? list.split(',') : []) {
          expect(dep.slice(0, dep.indexOf('@', 1)), `${fields[0]}: ${dep}`).toMatch(valid);
        }
      }
    }
  });

  it('sizes every stored version', () => {
    for (const line of lines) expect(Number(line.split('|')[2])).toBeGreaterThan(0);
  });
});
