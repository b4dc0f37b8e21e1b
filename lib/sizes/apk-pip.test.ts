import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  APK_INDEX_CACHE_BYTES,
  apkAddClosure,
  apkAddObservations,
  apkPackage,
  guessBaseImage,
  normalizePipName,
  pipCacheBytes,
  pipClosure,
  pypiPackage,
} from './index';
import { citationProblems } from '../../scripts/gen-apk-pip';
import { APK_PIP } from './apk-pip-data';

const MiB = 1024 * 1024;
const alpineBase = new Set(guessBaseImage('alpine:3.22').record.packages ?? []);

describe('apkAddClosure', () => {
  it('sizes curl with its libraries between 1 and 10 MiB on plain alpine', () => {
    const c = apkAddClosure(['curl'], alpineBase);
    expect(c.totalBytes).toBeGreaterThan(1 * MiB);
    expect(c.totalBytes).toBeLessThan(10 * MiB);
    expect(c.packages.map((p) => p.name)).toContain('libcurl');
  });

  it('charges nothing for packages the image already has', () => {
    expect(apkAddClosure(['musl', 'busybox'], alpineBase).totalBytes).toBe(0);
  });

  it('does not count a dependency twice', () => {
    const c = apkAddClosure(['curl', 'git', 'curl'], alpineBase);
    const names = c.packages.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('sizes build-base in the range apk reports (200-300 MiB)', () => {
    const c = apkAddClosure(['build-base'], alpineBase);
    expect(c.totalBytes).toBeGreaterThan(200 * MiB);
    expect(c.totalBytes).toBeLessThan(300 * MiB);
  });

  it('adds up build-base from its measured pieces instead of one estimate', () => {
    expect(apkPackage('build-base')?.includesDeps).toBeUndefined();
    expect(apkPackage('g++')?.estimated).toBeUndefined();
    expect(apkPackage('libstdc++-dev')?.estimated).toBeUndefined();
    const names = apkAddClosure(['build-base'], alpineBase).packages.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['gcc', 'g++', 'libstdc++-dev', 'musl-dev', 'make', 'libmagic']),
    );
  });

  it('counts g++ and make once after build-base, directly or through the meta package', () => {
    const base = apkAddClosure(['build-base'], alpineBase);
    const installed = new Set([...alpineBase, ...base.packages.map((p) => p.name)]);
    expect(apkAddClosure(['g++', 'make'], installed).totalBytes).toBe(0);
    expect(apkAddClosure(['build-base', 'g++', 'make'], alpineBase).totalBytes).toBe(
      base.totalBytes,
    );
  });

  it('expands alpine-sdk into abuild, build-base and git (aports main/alpine-sdk/APKBUILD)', () => {
    expect(apkPackage('alpine-sdk')?.deps).toEqual(['abuild', 'build-base', 'git']);
    const c = apkAddClosure(['alpine-sdk'], alpineBase);
    const names = c.packages.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['build-base', 'gcc', 'g++', 'git']));
    // abuild has no record: flagged, not silently counted as nothing.
    expect(c.unknown).toEqual(['abuild']);
    expect(c.totalBytes).toBeGreaterThan(apkAddClosure(['build-base'], alpineBase).totalBytes);
  });

  it('lists names in no table as unknown', () => {
    expect(apkAddClosure(['no-such-package-xyz'], alpineBase).unknown).toEqual([
      'no-such-package-xyz',
    ]);
  });

  it('resolves provides names and version pins', () => {
    expect(apkPackage('postgresql-dev')?.name).toBe('postgresql17-dev');
    expect(apkPackage('curl=8.5.0-r0')?.name).toBe('curl');
  });

  it('sizes packages read from the Alpine 3.24 image reports at their printed installed size', () => {
    // libxml2 2.13.9-r2: "1046 KiB" in nextcloud:34.0.3-fpm-alpine's report.
    expect(apkPackage('libxml2')).toMatchObject({ branch: '3.24', installedBytes: 1046 * 1024 });
    // su-exec was an estimate for 3.2x; rabbitmq:4.3.5-alpine (3.23.5) prints 13 KiB.
    expect(apkPackage('su-exec')).toMatchObject({ branch: '3.23', installedBytes: 13 * 1024 });
    expect(apkPackage('su-exec')?.estimated).toBeUndefined();
    // shadow 4.18.0-r1: "1302 KiB" in friendica:2026.05-fpm-alpine's report.
    expect(apkPackage('shadow')).toMatchObject({ branch: '3.24', installedBytes: 1302 * 1024 });
  });

  it('resolves renamed packages to the name the reports list', () => {
    expect(apkPackage('procps')?.name).toBe('procps-ng');
    expect(apkPackage('ttf-dejavu')?.name).toBe('font-dejavu');
  });

  it('expands the 0 B meta packages the reports show with their dependencies', () => {
    const gnupg = apkAddClosure(['gnupg'], alpineBase);
    expect(gnupg.packages.map((p) => p.name)).toEqual(
      expect.arrayContaining(['gnupg', 'gpg', 'gpg-agent', 'gpgv', 'libgcrypt']),
    );
    expect(gnupg.totalBytes).toBeGreaterThan(5 * MiB);
    expect(gnupg.totalBytes).toBeLessThan(10 * MiB);
    const mysql = apkAddClosure(['mysql-client'], alpineBase);
    expect(mysql.packages.map((p) => p.name)).toContain('mariadb-client');
    expect(mysql.totalBytes).toBeGreaterThan(35 * MiB);
  });

  it('renames the libraries older dependency lists name, so git has no unknown dependency', () => {
    const git = apkAddClosure(['git'], alpineBase);
    expect(git.unknown).toEqual([]);
    expect(git.packages.map((p) => p.name)).toContain('libexpat');
  });

  it('keeps the index cache and observations', () => {
    expect(APK_INDEX_CACHE_BYTES).toBeGreaterThan(1 * MiB);
    expect(APK_INDEX_CACHE_BYTES).toBeLessThan(5 * MiB);
    const buildBase = apkAddObservations.find((o) => o.command.includes('build-base'));
    expect(buildBase?.totalBytes).toBeGreaterThan(200 * MiB);
  });
});

describe('normalizePipName', () => {
  it.each([
    ['Django>=4.2', 'django'],
    ['psycopg2_binary==2.9.9', 'psycopg2-binary'],
    ['uvicorn[standard] ; python_version >= "3.8"', 'uvicorn'],
    ['# a comment', ''],
    ['-r base.txt', ''],
    ['mypkg @ https://example.com/mypkg.whl', 'mypkg'],
  ])('%s → %s', (line, name) => {
    expect(normalizePipName(line)).toBe(name);
  });
});

describe('pipClosure', () => {
  it('leaves out a dependency only Windows installs (click needs colorama there alone)', () => {
    const closure = pipClosure(['flask']);
    expect(closure.packages.map((p) => p.name)).toContain('click');
    expect(closure.unknown).not.toContain('colorama');
  });

  it('adds the dependencies of flask', () => {
    const names = pipClosure(['flask']).packages.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['flask', 'werkzeug', 'jinja2', 'markupsafe']));
  });

  it('sizes pandas with numpy between 80 and 250 MB', () => {
    const c = pipClosure(['pandas']);
    expect(c.totalBytes).toBeGreaterThan(80e6);
    expect(c.totalBytes).toBeLessThan(250e6);
  });

  it('counts installed bytes above the wheel bytes (unpacked plus .pyc)', () => {
    const c = pipClosure(['requests']);
    expect(c.totalBytes).toBeGreaterThan(c.wheelBytes);
    expect(pipCacheBytes(c)).toBeGreaterThan(0);
    expect(pipCacheBytes(c)).toBeLessThanOrEqual(c.totalBytes);
  });

  it('charges nothing for installed packages', () => {
    expect(pipClosure(['six'], new Set(['six'])).totalBytes).toBe(0);
  });

  it('reports unknown names', () => {
    expect(pipClosure(['definitely-not-on-pypi-xyz']).unknown).toEqual([
      'definitely-not-on-pypi-xyz',
    ]);
  });
});

describe('pypiPackage', () => {
  it('knows which packages compile or fail on musl', () => {
    expect(pypiPackage('scikit-learn')?.needsCompileOnMusl).toBe(true);
    expect(pypiPackage('torch')?.unavailableOnMusl).toBe(true);
    expect(pypiPackage('numpy')?.needsCompileOnMusl).toBe(false);
    expect(pypiPackage('protobuf')?.needsCompileOnMusl).toBe(false);
    expect(pypiPackage('requests')?.musllinuxWheels).toBeNull();
  });
});

describe('apk records read from a named file', () => {
  const record = {
    name: 'libxml2',
    version: '2.13.9-r2',
    alpineBranch: '3.24',
    alpineRelease: '3.24.1',
    confidence: 'high' as const,
    sourceFile: {
      repo: 'docker-library/repo-info',
      path: 'repos/nextcloud/local/34.0.3-fpm-alpine.md',
      commit: 'dbfab89afd04a3f7020373188717f9430e9179f6',
    },
  };

  it('accept a full citation', () => {
    expect(citationProblems(record)).toEqual([]);
  });

  it('reject a short commit, a missing path and a release off the branch', () => {
    const bad = {
      ...record,
      alpineRelease: '3.23.5',
      sourceFile: { ...record.sourceFile, path: '', commit: 'dbfab89' },
    };
    const problems = citationProblems(bad);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/commit "dbfab89"/);
    expect(problems.join('\n')).toMatch(/no path/);
    expect(problems.join('\n')).toMatch(/3\.23\.5 is not on branch 3\.24/);
  });

  it('hold for every record in the data that names its file, and each such name is in the table', () => {
    const data = JSON.parse(
      readFileSync(new URL('../../data/package-sizes.json', import.meta.url), 'utf8'),
    ) as { alpine: { packages: Parameters<typeof citationProblems>[0][] } };
    const newer = data.alpine.packages.filter((p) => p.sourceFile);
    expect(newer.length).toBeGreaterThan(150);
    expect(newer.flatMap(citationProblems)).toEqual([]);
    const names = new Set(APK_PIP.apk.packages.map((p) => p.name));
    for (const p of newer) expect(names.has(p.name)).toBe(true);
  });
});
