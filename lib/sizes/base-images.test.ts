import { describe, expect, it } from 'vitest';
import {
  guessBaseImage,
  listBaseImages,
  parseImageRef,
  resolveBaseImage,
  smallerVariants,
} from './index';

const MB = 1_000_000;
const size = (ref: string) => guessBaseImage(ref).record.uncompressedBytes;

describe('parseImageRef', () => {
  it.each([
    ['docker.io/library/python:3.12-slim', 'python', '3.12-slim'],
    ['library/node', 'node', 'latest'],
    ['index.docker.io/library/alpine:3.22@sha256:abcd', 'alpine', '3.22'],
    ['gcr.io/distroless/static-debian12:nonroot', 'gcr.io/distroless/static-debian12', 'nonroot'],
    ['localhost:5000/app', 'localhost:5000/app', 'latest'],
  ])('%s → %s:%s', (ref, repo, tag) => {
    expect(parseImageRef(ref)).toMatchObject({ repo, tag });
  });
});

describe('resolveBaseImage', () => {
  const sameImage: [string, string, string][] = [
    ['the slim tag pointed to trixie when measured', 'python:3.12-slim', 'python:3.12-slim-trixie'],
    [
      'an explicit variant is its own canonical ref',
      'python:3.12-slim-trixie',
      'python:3.12-slim-trixie',
    ],
    ['node:22 still pointed to bookworm', 'node:22', 'node:22-bookworm'],
    ['node slim tags follow the same Debian release', 'node:22-slim', 'node:22-bookworm-slim'],
    [
      'a patch release sizes as its minor line',
      'python:3.13.2-slim-bookworm',
      'python:3.13-slim-bookworm',
    ],
    [
      'a full node version sizes as its major line',
      'node:22.23.1-bookworm-slim',
      'node:22-bookworm-slim',
    ],
    [
      'unsuffixed distroless names are the debian12 build',
      'gcr.io/distroless/python3',
      'gcr.io/distroless/python3-debian12',
    ],
    ['the Ubuntu codename names the same release', 'ubuntu:noble', 'ubuntu:24.04'],
    [
      'Docker Hub prefixes and digests do not change the image',
      'docker.io/library/node:22@sha256:0123',
      'node:22-bookworm',
    ],
    ['a Debian point release is its major release', 'debian:12.7-slim', 'debian:bookworm-slim'],
    [
      'a dated Debian build is the release',
      'debian:bookworm-20260901-slim',
      'debian:bookworm-slim',
    ],
    ['debian:latest follows stable, which is trixie', 'debian', 'debian:trixie'],
    ['an Alpine point release is its minor line', 'alpine:3.22.6', 'alpine:3.22'],
    ['busybox:latest is the glibc 1.38 build', 'busybox', 'busybox:1.38'],
  ];
  it.each(sameImage)('%s (%s → %s)', (_reason, ref, canonical) => {
    const r = resolveBaseImage(ref);
    expect(r?.record.ref).toBe(canonical);
    expect(r?.isExact).toBe(true);
  });

  const standIns: [string, string, string][] = [
    ['alpine:latest moved to 3.24, newest measured is used', 'alpine', 'alpine:3.22'],
    ['unsuffixed -alpine tags moved to Alpine 3.24', 'node:22-alpine', 'node:22-alpine3.23'],
    [
      'python slim tags moved to trixie, bookworm build measured',
      'python:3.13-slim',
      'python:3.13-slim-bookworm',
    ],
    ['ubuntu:latest is 26.04, not measured', 'ubuntu', 'ubuntu:24.04'],
  ];
  it.each(standIns)('%s (%s → %s, not exact)', (_reason, ref, canonical) => {
    const r = resolveBaseImage(ref);
    expect(r?.record.ref).toBe(canonical);
    expect(r?.isExact).toBe(false);
    expect(r?.reason).toBeTruthy();
    expect(r?.record.confidence).not.toBe('high');
  });

  it('gives scratch an exact empty record', () => {
    const r = resolveBaseImage('scratch');
    expect(r?.isExact).toBe(true);
    expect(r?.record.uncompressedBytes).toBe(0);
    expect(r?.record.hasShell).toBe(false);
  });

  it('returns undefined for an image that is not in the table', () => {
    expect(resolveBaseImage('ruby:3.3-slim')).toBeUndefined();
  });
});

describe('guessBaseImage', () => {
  it.each([
    ['an unknown tag of a known repo uses the same variant', 'python:3.8-slim-buster', 'slim'],
    ['an unknown repo with -alpine uses Alpine', 'ruby:3.3-alpine', 'alpine'],
    ['an unknown repo with -slim uses Debian slim', 'ruby:3.3-slim', 'slim'],
    ['a private image uses Debian', 'registry.example.com/team/app:1.2', 'debian'],
  ])('%s (%s)', (_reason, ref, expected) => {
    const g = guessBaseImage(ref);
    expect(g.isExact).toBe(false);
    expect(g.record.confidence).toBe('low');
    expect(g.reason).toMatch(/not (measured|in the table)/);
    expect(g.record.uncompressedBytes).toBeGreaterThan(0);
    expect(g.record.ref).toContain(expected === 'debian' ? 'debian:' : expected);
  });

  it.each([
    // [ref, the family image it is sized as, a size its range must hold]
    // prometheus/busybox: busybox:uclibc plus a CA bundle, zoneinfo and /etc/services (a few MB).
    ['quay.io/prometheus/busybox:latest', 'busybox:', 5 * MB],
    ['quay.io/prometheus/busybox-linux-amd64:latest', 'busybox:', 5 * MB],
    ['prom/busybox:glibc', 'busybox:', 5 * MB],
    ['ghcr.io/linuxserver/baseimage-alpine:3.20', 'alpine:3.20', 40 * MB],
    // bitnami/minideb#160: dive reports minideb:bookworm at 120 MB.
    ['docker.io/bitnami/minideb:bookworm', 'debian:bookworm', 120 * MB],
    ['registry.example.com/team/ubuntu-base:22.04', 'ubuntu:22.04', 300 * MB],
    ['ghcr.io/linuxserver/baseimage-ubuntu:jammy', 'ubuntu:22.04', 150 * MB],
    ['registry.example.com/team/debian-slim:bookworm', 'debian:bookworm-slim', 100 * MB],
  ])('a third-party image whose last path segment names a base family: %s', (ref, like, real) => {
    const g = guessBaseImage(ref);
    expect(g.isExact).toBe(false);
    expect(g.record.confidence).toBe('low');
    expect(g.record.ref).toContain(like);
    expect(g.reason).toMatch(/its name says it is built on .*Unsure: a guess, range/);
    const [lo, hi] = g.range!.bytes;
    expect(lo).toBeLessThan(real);
    expect(hi).toBeGreaterThan(real);
    expect(g.range!.note).toMatch(/\(|@/);
  });

  it('a busybox-named image is sized as busybox, not as Debian', () => {
    expect(size('quay.io/prometheus/busybox:latest')).toBeLessThan(10 * MB);
    expect(guessBaseImage('quay.io/prometheus/busybox:latest').record.osFamily).toBe('busybox');
  });

  it('an official busybox tag that is not measured is sized from a measured busybox build', () => {
    for (const ref of ['busybox:musl', 'busybox:uclibc', 'busybox:1.36-musl'])
      expect(guessBaseImage(ref).record.ref).toMatch(/^busybox:/);
  });

  it('a family word elsewhere than the last segment, or inside a word, is not a family', () => {
    expect(guessBaseImage('registry.example.com/alpine/app:1.2').record.ref).toContain('debian:');
    expect(guessBaseImage('registry.example.com/team/alpineapp:1.2').record.ref).toContain(
      'debian:',
    );
  });

  it('picks the same Python line for an unmeasured distro variant', () => {
    expect(guessBaseImage('python:3.12-slim-bookworm').record.runtimes.python).toBe('3.12');
  });

  it('picks a node image for node:lts-alpine', () => {
    const g = guessBaseImage('node:lts-alpine');
    expect(g.record.runtimes.node).toBeDefined();
    expect(g.record.libc).toBe('musl');
  });
});

describe('base image sizes', () => {
  it('orders python variants: alpine < slim < full', () => {
    expect(size('python:3.12-alpine')).toBeLessThan(size('python:3.12-slim'));
    expect(size('python:3.12-slim')).toBeLessThan(size('python:3.12'));
  });

  it('orders node variants: alpine < slim < full', () => {
    expect(size('node:22-alpine')).toBeLessThan(size('node:22-slim'));
    expect(size('node:22-slim')).toBeLessThan(size('node:22'));
  });

  it('keeps the measured Debian slim size within its published range', () => {
    expect(size('debian:bookworm-slim')).toBeGreaterThan(70 * MB);
    expect(size('debian:bookworm-slim')).toBeLessThan(80 * MB);
  });

  it('has no zero-sized record except scratch', () => {
    for (const r of listBaseImages()) expect(r.uncompressedBytes).toBeGreaterThan(1 * MB);
  });

  it('lists every alias on its record', () => {
    const node22 = listBaseImages().find((r) => r.ref === 'node:22-bookworm');
    expect(node22?.aliases).toContain('node:22');
  });
});

describe('smallerVariants', () => {
  const refs = (ref: string) => smallerVariants(guessBaseImage(ref).record).map((r) => r.ref);

  it('offers slim and alpine for python:3.12, slim first', () => {
    expect(refs('python:3.12')).toEqual(['python:3.12-slim-trixie', 'python:3.12-alpine3.23']);
  });

  it('offers slim and alpine for node:22', () => {
    expect(refs('node:22')).toEqual(['node:22-bookworm-slim', 'node:22-alpine3.23']);
  });

  it('offers the slim build for debian:bookworm and nothing from another OS', () => {
    expect(refs('debian:bookworm')).toEqual(['debian:bookworm-slim']);
  });

  it('offers nothing smaller for an alpine image', () => {
    expect(refs('python:3.12-alpine')).toEqual([]);
  });

  it('only offers smaller images', () => {
    for (const r of listBaseImages()) {
      for (const s of smallerVariants(r))
        expect(s.uncompressedBytes).toBeLessThan(r.uncompressedBytes);
    }
  });
});

describe('guessBaseImage apt release', () => {
  it('keeps the apt release of the record whose package list it uses', () => {
    for (const ref of ['python:3.12-slim-bookworm', 'python:3.13-slim-trixie', 'node:lts-slim']) {
      const r = guessBaseImage(ref).record;
      expect(r.aptRelease && r.osRelease.includes(r.aptRelease)).toBe(true);
    }
  });
});
