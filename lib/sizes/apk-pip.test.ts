import { describe, expect, it } from 'vitest';
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

  it('lists names in no table as unknown', () => {
    expect(apkAddClosure(['no-such-package-xyz'], alpineBase).unknown).toEqual([
      'no-such-package-xyz',
    ]);
  });

  it('resolves provides names and version pins', () => {
    expect(apkPackage('postgresql-dev')?.name).toBe('postgresql17-dev');
    expect(apkPackage('curl=8.5.0-r0')?.name).toBe('curl');
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
