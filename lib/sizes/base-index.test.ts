import { describe, expect, it } from 'vitest';
import data from './generated/base-index.json';
import {
  baseIndexOf,
  baseIndexSource,
  isOfficialRepo,
  officialTagGroup,
  type BaseIndexData,
} from './base-index';
import { staticBaseIndex } from './base-index-static';
import { guessBaseImage, isWindowsImageRef, resolveBaseImage } from './base-images';
import { readFileSync } from 'node:fs';
import { buildMeasured, osHintOf, virtualBytes, type TagSizes } from '../../scripts/gen-base-index';

// Without the index (what a host passes when it has none): the measured table alone.
describe('without the index', () => {
  it('answers nothing and resolution uses the measured table alone', () => {
    expect(baseIndexSource(undefined)).toBeUndefined();
    expect(officialTagGroup(undefined, 'python', '3')).toBeUndefined();
    expect(isOfficialRepo(undefined, 'python')).toBeUndefined();
    expect(resolveBaseImage('buildpack-deps:oldstable')).toBeUndefined();
    expect(resolveBaseImage('buildpack-deps:bookworm')?.record.ref).toBe('buildpack-deps:bookworm');
  });
});

const index = baseIndexOf(data as BaseIndexData);

describe('staticBaseIndex', () => {
  it('is the bundled index, made once', () => {
    expect(staticBaseIndex()).toBe(staticBaseIndex());
    expect(staticBaseIndex().byTag.size).toBe(index.byTag.size);
  });
});

describe('officialTagGroup', () => {
  it('groups every tag of one build', () => {
    const group = officialTagGroup(index, 'buildpack-deps', 'oldstable');
    expect(group?.tags).toEqual(expect.arrayContaining(['bookworm', 'oldstable']));
    expect(group?.isWindows).toBe(false);
    expect(baseIndexSource(index)?.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('gives a shared tag to the Linux build, not the Windows one', () => {
    const group = officialTagGroup(index, 'python', '3');
    expect(group?.isWindows).toBe(false);
    expect(group?.tags.some((t) => t.endsWith('-trixie'))).toBe(true);
  });

  it('knows which repositories are official', () => {
    expect(isOfficialRepo(index, 'buildpack-deps')).toBe(true);
    expect(isOfficialRepo(index, 'bitnami/nginx')).toBe(false);
  });
});

describe('resolveBaseImage with the index', () => {
  it.each([
    ['buildpack-deps:oldstable', 'buildpack-deps:bookworm'],
    ['buildpack-deps:stable-curl', 'buildpack-deps:trixie-curl'],
    ['debian:11.11-slim', 'debian:bullseye-slim'],
    ['debian:11-slim', 'debian:bullseye-slim'],
    ['haproxy:latest', 'haproxy:3.4-trixie'],
    ['memcached:latest', 'memcached:1.6-trixie'],
    ['maven:3.9-eclipse-temurin-17', 'maven:3.9-eclipse-temurin-17-noble'],
    ['traefik:latest', 'traefik:v3.7'],
    ['node', 'node:26-trixie'],
    ['eclipse-temurin:21-noble', 'eclipse-temurin:21-jdk-noble'],
  ])('%s is the same build as the measured %s', (ref, measured) => {
    const res = resolveBaseImage(ref, index);
    expect(res?.record.ref).toBe(measured);
    expect(res?.isExact).toBe(true);
    expect(res?.reason).toMatch(/same build as .*docker-library\/official-images/);
  });

  it('rust:1-slim is the measured trixie build (an alias), not a bookworm stand-in', () => {
    const res = resolveBaseImage('rust:1-slim', index);
    expect(res?.record.ref).toBe('rust:1-slim-trixie');
    expect(res?.isExact).toBe(true);
  });

  it('an Alpine image read from repo-info is a musl/apk record with the package list of its file', () => {
    const r = resolveBaseImage('traefik:latest', index)?.record;
    expect(r).toMatchObject({ libc: 'musl', packageManager: 'apk', osFamily: 'alpine' });
    expect(r?.aptRelease).toBeUndefined();
    expect(r?.packages).toEqual(expect.arrayContaining(['busybox', 'ca-certificates', 'musl']));
    expect(r?.source).toMatch(/repo-info @c1eccc3, repos\/traefik\/local\/v3\.7\.11\.md/);
  });

  it('an unmeasured official tag is still a labelled guess of its own family', () => {
    const g = guessBaseImage('ruby:3.3-alpine3.23', index);
    expect(g.isExact).toBe(false);
    expect(g.reason).toMatch(/an official tag/);
  });

  it('an unmeasured tag is guessed from a build of its repository the index measured', () => {
    // php:8.3-fpm-alpine's build was not read, php:fpm-alpine's was; without the index the
    // guess falls back to the plain alpine image, which leaves PHP out of the size.
    const withIndex = guessBaseImage('php:8.3-fpm-alpine', index);
    const without = guessBaseImage('php:8.3-fpm-alpine');
    expect(withIndex.isExact).toBe(false);
    expect(withIndex.record.ref).toBe('php:fpm-alpine');
    expect(withIndex.record.osFamily).toBe('alpine');
    expect(without.record.ref).toMatch(/^alpine:/);
    expect(withIndex.record.uncompressedBytes).toBeGreaterThan(
      5 * without.record.uncompressedBytes,
    );
  });
});

describe('every tag group of data/repo-info-tag-sizes.json', () => {
  const sizes = JSON.parse(
    readFileSync(new URL('../../data/repo-info-tag-sizes.json', import.meta.url), 'utf8'),
  ) as TagSizes;
  it.each(sizes.images.map((e) => [`${e.image}:${e.indexTag ?? e.file}`, e] as const))(
    '%s resolves to its own repo-info size',
    (ref, e) => {
      const res = resolveBaseImage(ref, index);
      expect(res?.isExact).toBe(true);
      expect(res?.record.uncompressedBytes).toBe(virtualBytes(e.virtualSize));
      expect(res?.record.source).toContain(`@${e.commit.slice(0, 7)}`);
    },
  );
});

describe('a point release of an official tag resolves to the build measured for that tag', () => {
  it.each([
    // the release tag's build is measured under another of its tags (bundled table)
    ['php:8.3.34-apache', 'php:8.3-apache-trixie'],
    ['node:26.7.1', 'node:26-trixie'],
    ['ruby:3.4.11-slim', 'ruby:3.4-slim-trixie'],
    // postgres numbers its releases by the major: 18.7 is a point release of 18
    ['postgres:18.7-alpine', 'postgres:18.6-alpine3.24'],
    ['postgres:18.7', 'postgres:18-trixie'],
    // the cli builds, measured by repo-info
    ['php:8.3', 'php:8.3-trixie'],
    ['php:8.3.35-cli', 'php:8.3-trixie'],
    ['php:latest', 'php:8-cli-trixie'],
  ])('%s → %s', (ref, want) => {
    const res = resolveBaseImage(ref, index);
    expect(res?.isExact).toBe(true);
    expect(res?.record.ref).toBe(want);
  });

  it('a new minor release is not a point release', () => {
    expect(resolveBaseImage('php:8.6-apache', index)).toBeUndefined();
    expect(resolveBaseImage('ruby:3.5-slim', index)).toBeUndefined();
  });
});

describe('a guess takes a tag of the same variant and OS kind, or none', () => {
  it('wordpress:cli is measured: WP-CLI on Alpine, not the Debian fpm image', () => {
    const res = resolveBaseImage('wordpress:cli', index);
    expect(res?.isExact).toBe(true);
    expect(res?.record).toMatchObject({ osFamily: 'alpine', libc: 'musl' });
    expect(res?.record.uncompressedBytes).toBe(212_710_000);
  });

  it.each([
    // another build of the cli variant (its directory is docker-library/wordpress/cli/php8.2/alpine; no tag says so)
    ['wordpress:cli-php8.2', 'wordpress:cli'],
    // a tag the snapshot does not list: the cli builds it lists are all on Alpine
    ['wordpress:cli-2.11-php8.1', 'wordpress:cli'],
  ])('%s is sized as %s', (ref, want) => {
    const g = guessBaseImage(ref, index);
    expect(g.isExact).toBe(false);
    expect(g.record.ref).toBe(want);
    expect(g.record.osFamily).toBe('alpine');
    expect(g.reason).toMatch(/same cli variant and OS kind \(Alpine\)/);
  });

  it('an fpm tag is sized as an fpm build on Debian, an Alpine one as fpm-alpine', () => {
    const fpm = guessBaseImage('wordpress:6.5-fpm', index).record;
    expect(fpm.ref).toMatch(/-fpm$/);
    expect(fpm.osFamily).toBe('debian');
    const alpine = guessBaseImage('wordpress:6-fpm-alpine', index).record;
    expect(alpine.ref).toMatch(/-fpm-alpine$/);
    expect(alpine.osFamily).toBe('alpine');
  });

  it('a tag with no variant word means the default variant (latest: apache)', () => {
    expect(guessBaseImage('wordpress:6.0', index).record.ref).toBe('wordpress:7.1.0');
  });

  it('jre and jdk are different variants', () => {
    expect(guessBaseImage('eclipse-temurin:22-jre', index).record.ref).toMatch(/jre/);
    expect(guessBaseImage('eclipse-temurin:22-jdk', index).record.ref).toMatch(/jdk/);
  });

  it('with no tag of the same variant it falls back to the OS image, not another variant', () => {
    // sonarqube measures only the community build; a developer edition is not sized as it.
    const g = guessBaseImage('sonarqube:2026.4.1-developer', index);
    expect(g.record.ref).not.toMatch(/community/);
    expect(g.reason).not.toMatch(/nearest measured sonarqube tag/);
  });
});

describe('an unmeasured build of an OS that is not Debian', () => {
  it.each(['rockylinux:9-minimal', 'oraclelinux:8-slim', 'registry.access.redhat.com/ubi9-micro'])(
    '%s is not sized as Debian: it says the OS is not measured, with a range',
    (ref) => {
      const g = guessBaseImage(ref, index);
      expect(g.isExact).toBe(false);
      expect(g.record).toMatchObject({ osFamily: 'rpm', confidence: 'low', packages: null });
      expect(g.record.ref).not.toMatch(/debian/);
      expect(g.reason).toMatch(/an rpm-based distribution and this build of it is not measured/);
      expect(g.reason).toMatch(/not as Debian/);
      const [lo, hi] = g.range!.bytes;
      // the range holds every measured rpm-based image it cites, and the figure
      for (const [r, bytes] of [
        ['photon:5.0', 48_710_000],
        ['oraclelinux:9', 240_210_000],
      ] as const) {
        expect(resolveBaseImage(r, index)?.record.uncompressedBytes).toBe(bytes);
        expect(lo).toBeLessThan(bytes);
        expect(hi).toBeGreaterThan(bytes);
      }
      expect(g.record.uncompressedBytes).toBeGreaterThan(lo);
      expect(g.record.uncompressedBytes).toBeLessThan(hi);
    },
  );

  it('a build of a measured repository takes its nearest tag, with the same range', () => {
    const g = guessBaseImage('fedora:42', index);
    expect(g.record.ref).toBe('fedora:44');
    expect(g.range?.note).toMatch(/rockylinux:9 176 MB/);
  });

  it('Arch Linux is sized from the measured Arch image, not Debian', () => {
    const g = guessBaseImage('archlinux:base-devel', index);
    expect(g.record.osRelease).toMatch(/Arch Linux/);
    expect(g.record.uncompressedBytes).toBe(397_520_000);
  });

  it('a repository measured only on Ubuntu guesses another variant from Ubuntu', () => {
    const g = guessBaseImage('sonarqube:2026.4.1-developer', index);
    expect(g.record.ref).toBe('ubuntu:24.04');
    expect(g.reason).toMatch(/the OS its measured builds run on/);
  });
});

describe('osHintOf', () => {
  it.each([
    [{ tags: ['cli-2.12.0', 'cli'], dir: 'cli/php8.3/alpine' }, 'alpine'],
    [{ tags: ['v3.7.11'], dir: 'v3.7/alpine' }, 'alpine'],
    [{ tags: ['7.1.0-fpm-alpine'], dir: 'latest/php8.3/fpm-alpine' }, undefined],
    [{ tags: ['3.14-trixie'], dir: '3.14/trixie' }, undefined],
    [{ tags: ['19.0'], dir: '19.0' }, undefined],
  ])('%o → %s', (group, want) => {
    expect(osHintOf(group)).toBe(want);
  });
});

describe('resolveBaseImage for a build repo-info measured without a package list', () => {
  it('python:3.14-slim has its own measured size, with the package list of the same template on trixie', () => {
    const res = resolveBaseImage('python:3.14-slim', index);
    const template = resolveBaseImage('python:3.12-slim-trixie', index)!.record;
    expect(res?.isExact).toBe(true);
    expect(res?.record.uncompressedBytes).toBe(119_660_000);
    expect(res?.record).toMatchObject({
      confidence: 'high',
      aptRelease: 'trixie',
      excludesDocs: true,
      runtimes: { python: '3.14' },
      packagesStatus: 'same-as:python:3.12-slim-trixie',
    });
    expect(res?.record.packages).toEqual(template.packages);
    expect(res?.record.source).toMatch(
      /repo-info @87d2c47, repos\/python\/local\/3-slim-trixie\.md/,
    );
    expect(res?.reason).toMatch(/measured by repo-info/);
  });

  it('a stand-in alias gives way to the measurement of the build itself', () => {
    // python:3.13-slim used to be sized as the bookworm build (a stand-in); trixie is measured.
    const res = resolveBaseImage('python:3.13-slim', index);
    expect(res?.record.ref).toBe('python:3.13-slim-trixie');
    expect(res?.record.osRelease).toMatch(/trixie/);
  });

  it('an image of another template or OS is sized, with medium confidence and a stand-in list', () => {
    const res = resolveBaseImage('rust:1-alpine', index);
    expect(res?.record).toMatchObject({ osFamily: 'alpine', libc: 'musl', confidence: 'medium' });
    expect(res?.record.uncompressedBytes).toBeGreaterThan(1e9);
  });

  it('a build on a release with no apt table of its own says whose table sizes its installs', () => {
    // gradle:latest runs on Ubuntu 26.04 (resolute); the apt tables stop at 24.04 (noble).
    const res = resolveBaseImage('gradle:latest', index);
    expect(res?.record).toMatchObject({ osRelease: '26.04 (resolute)', aptRelease: 'noble' });
    expect(res?.record.notes.join(' ')).toMatch(
      /no apt table for Ubuntu 26\.04 \(resolute\).*noble/,
    );
    expect(res?.reason).toMatch(/no apt table for Ubuntu 26\.04/);
    // A release with a table of its own is sized with it and says nothing about it.
    const own = resolveBaseImage('buildpack-deps:noble-curl', index);
    expect(own?.record.aptRelease).toBe('noble');
    expect(own?.record.notes.join(' ')).not.toMatch(/no apt table/);
  });

  it('an rpm-based image (mysql on Oracle Linux) is sized, with no package list', () => {
    const res = resolveBaseImage('mysql', index);
    expect(res?.record).toMatchObject({
      osFamily: 'rpm',
      packageManager: 'rpm',
      packages: null,
      confidence: 'medium',
    });
    expect(res?.record.uncompressedBytes).toBe(945_140_000);
  });
});

describe('buildMeasured', () => {
  const tags = { source: { repo: '', commit: '', committedOn: '' }, images: { python: [] } };
  const entry = {
    image: 'python',
    file: '3-slim',
    tagRead: 'python:3.14.7-slim-trixie',
    virtualSize: '119.66 Mb',
    created: '2026-09-19',
    commit: '87d2c47713d426149a0b9e05abd3f4e6878051e0',
    osCode: 'debian13',
  };
  it('writes one line per file with the runtime the header tag names', () => {
    const m = buildMeasured(tags, { source: { repo: 'r' }, images: [entry] });
    expect(m.images.python).toEqual(['3-slim|119660000|2026-09-19|87d2c47|debian13|python 3.14']);
  });
  it.each([
    ['an image that is not official', { image: 'nope' }],
    ['an OS it does not know', { osCode: 'plan9' }],
    ['a short commit', { commit: '87d2c47' }],
    ['an unreadable size', { virtualSize: '120 MiB' }],
  ])('throws on %s', (_, bad) => {
    expect(() =>
      buildMeasured(tags, { source: { repo: 'r' }, images: [{ ...entry, ...bad }] }),
    ).toThrow();
  });
  it('throws on a tag read twice', () => {
    expect(() => buildMeasured(tags, { source: { repo: 'r' }, images: [entry, entry] })).toThrow(
      /twice/,
    );
  });
});

describe('isWindowsImageRef', () => {
  it.each([
    'mcr.microsoft.com/windows/servercore:ltsc2022',
    'mcr.microsoft.com/windows/nanoserver:ltsc2025',
    'mcr.microsoft.com/windows:ltsc2019',
    'mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022',
    'python:3.13-windowsservercore-ltsc2022',
    'golang:1.26-nanoserver',
  ])('%s is a Windows image', (ref) => {
    expect(isWindowsImageRef(ref, index)).toBe(true);
    expect(guessBaseImage(ref, index).record.osFamily).toBe('windows');
    expect(guessBaseImage(ref, index).record.uncompressedBytes).toBe(0);
  });

  it.each(['python:3.13-slim', 'mcr.microsoft.com/dotnet/runtime:8.0', 'debian:trixie'])(
    '%s is not',
    (ref) => {
      expect(isWindowsImageRef(ref, index)).toBe(false);
    },
  );
});

describe('distroless debug tags', () => {
  it.each([
    ['gcr.io/distroless/python3-debian12:debug', 'gcr.io/distroless/python3-debian12'],
    [
      'gcr.io/distroless/static-debian12:debug-nonroot',
      'gcr.io/distroless/static-debian12:nonroot',
    ],
  ])('%s is %s with a busybox shell', (ref, plain) => {
    const res = resolveBaseImage(ref, index);
    expect(res?.record.ref).toBe(plain);
    expect(res?.record.hasShell).toBe(true);
    expect(res?.isExact).toBe(false);
    expect(res?.reason).toMatch(/busybox/);
  });
});

describe('distroless language images: a cited figure, or a plain "unsure" with a range', () => {
  const refs = [
    'nodejs20',
    'nodejs22',
    'nodejs24',
    'python3',
    'java17',
    'java21',
    'java25',
  ].flatMap((lang) =>
    ['debian12', 'debian13'].flatMap((rel) =>
      ['latest', 'nonroot', 'debug', 'debug-nonroot'].map(
        (tag) => `gcr.io/distroless/${lang}-${rel}:${tag}`,
      ),
    ),
  );
  it.each(refs)('%s', (ref) => {
    const res = resolveBaseImage(ref, index) ?? guessBaseImage(ref, index);
    const repo = ref.slice(0, ref.lastIndexOf(':'));
    const cited =
      res.record.ref.startsWith(repo) &&
      !res.record.estimateMethod &&
      !/no published figure/.test(res.record.source);
    if (cited) {
      expect(res.range).toBeUndefined();
      expect(res.record.confidence).not.toBe('low');
    } else {
      expect(res.record.confidence).toBe('low');
      expect(res.reason).toMatch(/Unsure: an? (estimate|stand-in), range/);
      const [lo, hi] = res.range!.bytes;
      expect(lo).toBeLessThan(res.record.uncompressedBytes);
      expect(hi).toBeGreaterThan(res.record.uncompressedBytes);
      expect(res.range!.note).toMatch(/half the smallest to twice the largest/);
    }
    // the runtime the name states, whichever figure stands in
    const node = /nodejs(\d+)/.exec(ref)?.[1];
    if (node) expect(res.record.runtimes.node).toBe(node);
    const java = /java(\d+)/.exec(ref)?.[1];
    if (java && !res.record.ref.startsWith(repo)) expect(res.record.runtimes.java).toBe(java);
  });

  it('nodejs20-debian12 cites its figure; nodejs22-debian12 says its 209 MB is an estimate', () => {
    expect(resolveBaseImage('gcr.io/distroless/nodejs20-debian12', index)?.range).toBeUndefined();
    const n22 = resolveBaseImage('gcr.io/distroless/nodejs22-debian12', index);
    expect(n22?.record.uncompressedBytes).toBe(209_410_000);
    expect(n22?.range?.note).toMatch(
      /an estimate: gcr\.io\/distroless\/nodejs20-debian12 \(181 MB/,
    );
  });
});

describe('known images no size could be cited for', () => {
  it.each([
    ['cgr.dev/chainguard/static', false],
    ['cgr.dev/chainguard/python:latest-dev', true],
    ['gcr.io/distroless/python3-debian13', false],
    ['gcr.io/distroless/static-debian13:debug', true],
  ])('%s is named as known and unmeasured, at low confidence', (ref, hasShell) => {
    const g = guessBaseImage(ref);
    expect(g.isExact).toBe(false);
    expect(g.record.confidence).toBe('low');
    expect(g.record.hasShell).toBe(hasShell);
    expect(g.record.runtimes).toEqual({});
    expect(g.reason).toMatch(/is a known .* with no size that could be cited/);
  });
});

describe('third-party bases', () => {
  it.each([
    ['mcr.microsoft.com/dotnet/aspnet:8.0', 'debian:bookworm-slim'],
    ['mcr.microsoft.com/dotnet/sdk:10.0', 'ubuntu:24.04'],
    ['mcr.microsoft.com/dotnet/runtime:10.0-alpine', 'alpine:3.22'],
  ])('%s is guessed from the OS image it is built on (%s)', (ref, os) => {
    const g = guessBaseImage(ref, index);
    expect(g.record.ref).toBe(os);
    expect(g.isExact).toBe(false);
    expect(g.record.confidence).toBe('low');
    expect(g.reason).toMatch(/is built on .* not counted/);
  });
});
