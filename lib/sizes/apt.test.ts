import { describe, expect, it } from 'vitest';
import {
  APT_LISTS_BYTES,
  APT_RELEASES,
  aptInstallClosure,
  aptPackage,
  aptPackageNames,
  aptProviders,
  aptTableInfo,
  dpkgStateBytesPerPackage,
  guessBaseImage,
  listBaseImages,
  type AptRelease,
} from './index';
import generated from './generated/apt.json';

const MB = 1_000_000;
const slim = guessBaseImage('debian:bookworm-slim').record;
const slimInstalled = new Set(slim.packages ?? []);
const install = (names: string[], recommends: boolean, release: AptRelease = 'bookworm') =>
  aptInstallClosure(release, names, { recommends, installed: slimInstalled, excludesDocs: true });

describe('aptInstallClosure', () => {
  it('sizes `apt-get install --no-install-recommends curl` on bookworm-slim between 4 and 20 MB', () => {
    const c = install(['curl'], false);
    expect(c.totalBytes).toBeGreaterThan(4 * MB);
    expect(c.totalBytes).toBeLessThan(20 * MB);
    expect(c.packages.map((p) => p.name)).toEqual(expect.arrayContaining(['curl', 'libcurl4']));
    expect(c.unknown).toEqual([]);
  });

  it('adds ca-certificates to curl only with recommends', () => {
    expect(install(['curl'], false).packages.map((p) => p.name)).not.toContain('ca-certificates');
    expect(install(['curl'], true).packages.map((p) => p.name)).toContain('ca-certificates');
  });

  it.each(['curl', 'git', 'python3-pip', 'build-essential', 'imagemagick', 'nginx', 'libpq-dev'])(
    'costs no more without recommends than with them (%s)',
    (name) => {
      expect(install([name], false).totalBytes).toBeLessThanOrEqual(
        install([name], true).totalBytes,
      );
    },
  );

  it('sizes build-essential in the range of a real install (150-400 MB)', () => {
    const c = install(['build-essential'], false);
    expect(c.totalBytes).toBeGreaterThan(150 * MB);
    expect(c.totalBytes).toBeLessThan(400 * MB);
  });

  it('charges nothing for packages the base image already has', () => {
    expect(install(['bash', 'coreutils', 'tzdata'], true).totalBytes).toBe(0);
  });

  it('charges nothing for a package installed by an earlier step', () => {
    const first = install(['curl'], false);
    const installed = new Set([...slimInstalled, ...first.packages.map((p) => p.name)]);
    const again = aptInstallClosure('bookworm', ['curl'], {
      recommends: false,
      installed,
      excludesDocs: true,
    });
    expect(again.totalBytes).toBe(0);
  });

  it('shares dependencies between two packages of one install', () => {
    const both = install(['curl', 'wget'], false);
    const names = both.packages.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(both.totalBytes).toBeLessThan(
      install(['curl'], false).totalBytes + install(['wget'], false).totalBytes,
    );
  });

  it('costs more where docs are kept (full Debian) than on slim', () => {
    const args = ['git'];
    const onSlim = aptInstallClosure('bookworm', args, {
      recommends: false,
      installed: slimInstalled,
      excludesDocs: true,
    });
    const onFull = aptInstallClosure('bookworm', args, {
      recommends: false,
      installed: slimInstalled,
      excludesDocs: false,
    });
    expect(onFull.totalBytes).toBeGreaterThan(onSlim.totalBytes);
  });

  it('adds byte-compiled files for python packages', () => {
    const c = install(['python3'], false);
    const pkg = aptPackage('bookworm', 'libpython3.11-stdlib');
    expect(pkg?.pycBytes).toBeGreaterThan(1 * MB);
    expect(c.packages.find((p) => p.name === 'libpython3.11-stdlib')?.bytes).toBeGreaterThan(
      (pkg?.installedBytes ?? 0) - (pkg?.docBytes ?? 0),
    );
  });

  it('resolves a virtual package to a provider', () => {
    expect(aptProviders('bookworm', 'netcat').length).toBeGreaterThan(0);
    const c = install(['netcat'], false);
    expect(c.unknown).toEqual([]);
    expect(c.packages.length).toBeGreaterThan(0);
  });

  it('strips version pins, target releases and architectures from names', () => {
    expect(install(['curl=7.88.1-10+deb12u5'], false).totalBytes).toBe(
      install(['curl'], false).totalBytes,
    );
    expect(install(['curl:amd64'], false).totalBytes).toBe(install(['curl'], false).totalBytes);
  });

  it('lists names in no table as unknown', () => {
    expect(install(['no-such-package-xyz'], true).unknown).toEqual(['no-such-package-xyz']);
  });

  it('sizes the same install on every release', () => {
    for (const release of APT_RELEASES) {
      const c = aptInstallClosure(release, ['curl'], {
        recommends: false,
        installed: new Set(),
        excludesDocs: false,
      });
      expect(c.totalBytes).toBeGreaterThan(1 * MB);
    }
  });
});

describe('apt table coverage', () => {
  const table = generated as unknown as {
    releases: Record<
      string,
      { missingSeeds: string[]; virtuals: Record<string, string[]>; names: string; rows: string }
    >;
  };

  it.each(APT_RELEASES)(
    'resolves every dependency name in %s (package or listed virtual)',
    (release) => {
      const names = new Set(aptPackageNames(release));
      const dangling: string[] = [];
      for (const name of names) {
        const pkg = aptPackage(release, name);
        for (const group of [...(pkg?.depends ?? []), ...(pkg?.recommends ?? [])]) {
          for (const alt of group) {
            if (!names.has(alt) && aptProviders(release, alt).length === 0)
              dangling.push(`${name} → ${alt}`);
          }
        }
      }
      expect(dangling).toEqual([]);
    },
  );

  it.each(APT_RELEASES)('holds every package of the base images built on %s', (release) => {
    const names = new Set(aptPackageNames(release));
    const images = listBaseImages().filter(
      (r) => r.packageManager === 'apt' && r.osRelease.includes(release) && r.packages,
    );
    for (const image of images) {
      expect(
        (image.packages ?? []).filter((p) => !names.has(p)),
        image.ref,
      ).toEqual([]);
    }
  });

  it('covers the common Dockerfile packages on bookworm', () => {
    const names = new Set(aptPackageNames('bookworm'));
    for (const n of [
      'build-essential',
      'curl',
      'git',
      'python3-pip',
      'libpq-dev',
      'chromium',
      'ffmpeg',
      'openjdk-17-jre-headless',
      'nodejs',
      'tini',
      'gosu',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
    expect(names.size).toBeGreaterThan(1500);
    // The generator reports the few seed names bookworm does not have (Ubuntu- or trixie-only).
    expect(table.releases.bookworm.missingSeeds.length).toBeLessThan(15);
  });

  it('records where each table comes from', () => {
    for (const release of APT_RELEASES) {
      const info = aptTableInfo(release);
      expect(info.newestInRelease).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(info.packagesInArchive).toBeGreaterThan(30000);
    }
  });
});

describe('APT_LISTS_BYTES', () => {
  it('keeps the bookworm figure measured in PACKAGE-SIZES.md (19.87 MB)', () => {
    expect(APT_LISTS_BYTES.bookworm).toBe(19_872_227);
  });

  it('has a positive figure for every release, larger for Ubuntu (four components)', () => {
    for (const release of APT_RELEASES) expect(APT_LISTS_BYTES[release]).toBeGreaterThan(10 * MB);
    expect(APT_LISTS_BYTES.jammy).toBeGreaterThan(APT_LISTS_BYTES.bookworm);
  });
});

describe('doc exclusion calibration', () => {
  it.each([
    ['bookworm', 'debian:bookworm', 'debian:bookworm-slim'],
    ['trixie', 'debian:trixie', 'debian:trixie-slim'],
  ] as const)(
    'matches the measured gap between the full and slim %s images within 5 %%',
    (release, fullRef, slimRef) => {
      // Same package set; the slim image drops docs, man pages and locales (BASE-IMAGES.md caveat 5).
      const full = guessBaseImage(fullRef).record;
      const slimImage = guessBaseImage(slimRef).record;
      const gap = full.uncompressedBytes - slimImage.uncompressedBytes;
      const docs = (slimImage.packages ?? []).reduce(
        (s, n) => s + (aptPackage(release, n)?.docBytes ?? 0),
        0,
      );
      expect(docs).toBeGreaterThan(gap * 0.95);
      expect(docs).toBeLessThan(gap * 1.05);
    },
  );

  it.each([
    'debian:bookworm-slim',
    'debian:bookworm',
    'debian:trixie-slim',
    'debian:trixie',
    'ubuntu:20.04',
    'ubuntu:22.04',
    'ubuntu:24.04',
  ])(
    'sums the files of the packages of %s to 88-100 %% of its measured size (the rest is dpkg state)',
    (ref) => {
      const image = guessBaseImage(ref).record;
      const release = image.aptRelease as AptRelease;
      const sum = aptInstallClosure(release, image.packages ?? [], {
        recommends: false,
        installed: new Set(),
        excludesDocs: image.excludesDocs,
      }).packages.filter((p) => image.packages?.includes(p.name));
      const bytes = sum.reduce((s, p) => s + p.bytes, 0);
      expect(bytes).toBeGreaterThan(image.uncompressedBytes * 0.88);
      expect(bytes).toBeLessThan(image.uncompressedBytes);
    },
  );

  it('keeps docBytes within installedBytes for every package', () => {
    const bad = APT_RELEASES.flatMap((release) =>
      aptPackageNames(release)
        .map((n) => aptPackage(release, n))
        .filter((p) => !p || p.docBytes > p.installedBytes || p.docBytes < 0 || p.pycBytes < 0)
        .map((p) => `${release} ${p?.name}`),
    );
    expect(bad).toEqual([]);
  });
});

describe('dpkgStateBytesPerPackage', () => {
  it('is tens of kilobytes, as the base images show', () => {
    expect(dpkgStateBytesPerPackage()).toBeGreaterThan(20_000);
    expect(dpkgStateBytesPerPackage()).toBeLessThan(100_000);
  });
});

describe('derived package lists', () => {
  it('gives golang:1.26-bookworm the packages its Dockerfiles install, so they cost nothing again', () => {
    const golang = guessBaseImage('golang:1.26-bookworm').record;
    expect(golang.packagesStatus).toBe('derived');
    const installed = new Set(golang.packages ?? []);
    const c = aptInstallClosure('bookworm', ['git', 'gcc', 'make', 'curl'], {
      recommends: false,
      installed,
      excludesDocs: false,
    });
    expect(c.totalBytes).toBe(0);
  });

  it('leaves about the size of the Go toolchain beside its packages (150-300 MB)', () => {
    // golang:1.26-alpine (241.35 MB) is mostly the same toolchain on an 8 MB Alpine.
    const golang = guessBaseImage('golang:1.26-bookworm').record;
    const files = aptInstallClosure('bookworm', golang.packages ?? [], {
      recommends: false,
      installed: new Set(),
      excludesDocs: false,
    }).packages.filter((p) => golang.packages?.includes(p.name));
    const rest = golang.uncompressedBytes - files.reduce((s, p) => s + p.bytes, 0);
    expect(rest).toBeGreaterThan(150 * MB);
    expect(rest).toBeLessThan(300 * MB);
  });
});
