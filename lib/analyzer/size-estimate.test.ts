import { describe, expect, it } from 'vitest';
import { analyze } from './index';
import type { AnalyzeInput } from './types';

const size = (dockerfile: string, extra: Partial<AnalyzeInput> = {}) =>
  analyze({ dockerfile, ...extra }).size;
const relErr = (estimate: number, real: number) => Math.abs(estimate / real - 1);

// The buildpack-deps images are official images built from debian:bookworm by apt-get alone, and
// docker-library/repo-info records their on-disk size (Virtual Size, decimal MB). The Dockerfiles
// are docker-library/buildpack-deps debian/bookworm/{curl,scm,.}/Dockerfile.
const CURL_RUN =
  'RUN set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates curl gnupg netbase sq wget; rm -rf /var/lib/apt/lists/*';
const SCM_RUN =
  'RUN apt-get update && apt-get install -y --no-install-recommends git git-lfs mercurial openssh-client subversion procps && rm -rf /var/lib/apt/lists/*';
// The real file picks default-libmysqlclient-dev with `$(apt-cache show …)`; on bookworm it resolves to that name.
const FULL_RUN =
  'RUN set -ex; apt-get update; apt-get install -y --no-install-recommends autoconf automake bzip2 dpkg-dev file g++ gcc imagemagick libbz2-dev libc6-dev libcurl4-openssl-dev libdb-dev libevent-dev libffi-dev libgdbm-dev libglib2.0-dev libgmp-dev libjpeg-dev libkrb5-dev liblzma-dev libmagickcore-dev libmagickwand-dev libmaxminddb-dev libncurses5-dev libncursesw5-dev libpng-dev libpq-dev libreadline-dev libsqlite3-dev libssl-dev libtool libwebp-dev libxml2-dev libxslt-dev libyaml-dev make patch unzip xz-utils zlib1g-dev default-libmysqlclient-dev; rm -rf /var/lib/apt/lists/*';

describe('estimateSize: accuracy against official images built with apt', () => {
  it('buildpack-deps:bookworm-curl within 5 % (repo-info local/bookworm-curl.md: 164.98 MB, 2026-08-05)', () => {
    const s = size(`FROM debian:bookworm\n${CURL_RUN}\n`);
    expect(relErr(s.bytes, 164.98e6)).toBeLessThan(0.05);
  });

  it('buildpack-deps:bookworm within 5 % (repo-info local/bookworm.md: 929.95 MB, 2026-07-14)', () => {
    const s = size(`FROM debian:bookworm\n${CURL_RUN}\n${SCM_RUN}\n${FULL_RUN}\n`);
    expect(relErr(s.bytes, 929.95e6)).toBeLessThan(0.05);
  });

  it('buildpack-deps:trixie-curl within 5 % (repo-info local/trixie-curl.md: 180.11 MB, 2026-08-25)', () => {
    const s = size(`FROM debian:trixie\n${CURL_RUN}\n`);
    expect(relErr(s.bytes, 180.11e6)).toBeLessThan(0.05);
  });

  it('installs the same package set buildpack-deps ships (node:22-bookworm list in the base table)', () => {
    const r = analyze({
      dockerfile: `FROM debian:bookworm\n${CURL_RUN}\n${SCM_RUN}\n${FULL_RUN}\n`,
    });
    const node22 = analyze({ dockerfile: 'FROM node:22-bookworm\n' }).final.packages;
    const ours = new Set(r.final.packages);
    const missing = node22.filter((p) => !ours.has(p));
    expect(missing.length).toBeLessThanOrEqual(5);
  });
});

describe('estimateSize: orderings', () => {
  const install = 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*';

  it('a -slim base with the same installs is smaller than the full base', () => {
    expect(size(`FROM debian:bookworm-slim\n${install}\n`).bytes).toBeLessThan(
      size(`FROM debian:bookworm\n${install}\n`).bytes,
    );
  });

  it('--no-install-recommends never adds bytes, and apt lists cost ~20 MB until removed in the same layer', () => {
    const rec = size(
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n',
    );
    const norec = size(
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*\n',
    );
    expect(norec.bytes).toBeLessThan(rec.bytes);
    const kept = size(
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends git\n',
    );
    const later = size(
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends git\nRUN rm -rf /var/lib/apt/lists/*\n',
    );
    expect(kept.bytes - norec.bytes).toBeGreaterThan(18e6);
    expect(kept.bytes - norec.bytes).toBeLessThan(22e6);
    expect(later.bytes).toBe(kept.bytes);
    expect(later.wastedBytes).toBeGreaterThan(18e6);
  });

  it('an apt config file written in the RUN turns Recommends off like the flag', () => {
    const conf = size(
      'FROM debian:bookworm-slim\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norec && apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n',
    );
    const flag = size(
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*\n',
    );
    expect(Math.abs(conf.bytes - flag.bytes)).toBeLessThan(100_000);
  });

  it('apk: --no-cache leaves no index, and a --virtual group deleted in the same RUN ships nothing', () => {
    const cached = size('FROM alpine:3.22\nRUN apk add curl\n');
    const clean = size('FROM alpine:3.22\nRUN apk add --no-cache curl\n');
    expect(cached.bytes - clean.bytes).toBeGreaterThan(2e6);
    const virtual = size(
      'FROM alpine:3.22\nRUN apk add --no-cache --virtual .build gcc musl-dev && apk del .build\n',
    );
    expect(virtual.layersBytes).toBeLessThan(100_000);
  });

  it('pip: the cache ships unless --no-cache-dir; packages count whatever the flag', () => {
    const cached = size('FROM python:3.12-slim\nRUN pip install flask requests\n');
    const clean = size('FROM python:3.12-slim\nRUN pip install --no-cache-dir flask requests\n');
    expect(clean.layersBytes).toBeGreaterThan(1e6);
    expect(cached.bytes).toBeGreaterThan(clean.bytes);
  });

  it('npm: --omit=dev and a cleaned cache make node_modules layers smaller', () => {
    const files = [
      {
        path: 'package.json',
        sizeBytes: 80,
        content: JSON.stringify({
          dependencies: { express: '^4.21.0' },
          devDependencies: { typescript: '^5.6.0' },
        }),
      },
    ];
    const base = 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json .\n';
    const dev = size(`${base}RUN npm install\n`, { context: { files } });
    const prod = size(`${base}RUN npm install --omit=dev\n`, { context: { files } });
    const cleaned = size(`${base}RUN npm install --omit=dev && npm cache clean --force\n`, {
      context: { files },
    });
    expect(prod.bytes).toBeLessThan(dev.bytes);
    expect(cleaned.bytes).toBeLessThan(prod.bytes);
    expect(cleaned.layersBytes).toBeGreaterThan(1e6);
  });

  it('a multi-stage build ships only its final stage', () => {
    const single = size(
      'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir flask\n',
    );
    const multi = size(
      'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir --user flask\nFROM python:3.12-slim\nCOPY --from=build /root/.local /root/.local\n',
    );
    expect(multi.bytes).toBeLessThan(single.bytes);
    expect(multi.bytes).toBeGreaterThan(size('FROM python:3.12-slim\n').bytes);
  });
});

describe('estimateSize: compressed size and confidence', () => {
  it('uses the measured registry size of the base when the table has it', () => {
    const s = size('FROM debian:bookworm-slim\n');
    // repo-info remote/bookworm-slim.md: 28,232,590 bytes for linux/amd64.
    expect(s.compressedBytes).toBe(28_232_590);
    expect(s.compressedMethod).toMatch(/measured/);
  });

  it('is smaller than the uncompressed size and grows with the layers', () => {
    const a = size('FROM python:3.12-slim\n');
    const b = size('FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n');
    expect(a.compressedBytes).toBeLessThan(a.bytes);
    expect(b.compressedBytes).toBeGreaterThan(a.compressedBytes);
  });

  it('is high for a measured base with known packages, lower with unknowns, low for a guessed base', () => {
    expect(
      size(
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      ).confidence,
    ).toBe('high');
    const unknownPkg = size(
      'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends no-such-package-xyz && rm -rf /var/lib/apt/lists/*\n',
    );
    expect(unknownPkg.confidence).not.toBe('high');
    expect(
      unknownPkg.unknowns.some((u) => u.name === 'no-such-package-xyz' && u.assumedBytes > 0),
    ).toBe(true);
    const guessed = size('FROM example.com/team/thing:1.0\n');
    expect(guessed.confidence).toBe('low');
    expect(guessed.bytes).toBeGreaterThan(0);
    expect(guessed.unknowns.some((u) => u.kind === 'base-image')).toBe(true);
  });

  it('adds shipped layers and the base up to the total', () => {
    const r = analyze({
      dockerfile:
        'FROM node:22 AS b\nRUN npm install -g typescript\nFROM node:22-slim\nRUN npm install -g express\n',
    });
    const shipped = r.layers.filter((l) => l.isShipped).reduce((s, l) => s + l.sizeBytes, 0);
    expect(r.size.bytes).toBe(r.base.sizeBytes + shipped);
    expect(r.layers.some((l) => !l.isShipped && l.sizeBytes > 0)).toBe(true);
  });
});

describe('estimateSize: unknowns on any line of a step', () => {
  it('an unsized command on a continuation line is listed and lowers confidence like one on the first line', () => {
    const one = size('FROM debian:bookworm-slim\nRUN set -eux; make install\n');
    const two = size('FROM debian:bookworm-slim\nRUN set -eux; \\\n    make install\n');
    expect(one.unknowns.map((u) => u.name)).toContain('make');
    expect(two.unknowns.map((u) => u.name)).toContain('make');
    expect(two.unknowns.find((u) => u.name === 'make')?.line).toBe(2);
    expect(two.confidence).not.toBe('high');
    expect(two.confidence).toBe(one.confidence);
  });

  it('an unknown in a builder stage that is not copied from is still left out', () => {
    const s = size(
      'FROM debian:bookworm-slim AS tools\nRUN set -eux; \\\n  make install\nFROM debian:bookworm-slim\n',
    );
    expect(s.unknowns.map((u) => u.name)).not.toContain('make');
  });
});

describe('estimateSize: sizeRange and confidence', () => {
  it('the range holds the estimate, and a measured base with apt installs is high', () => {
    const s = size(`FROM debian:bookworm\n${CURL_RUN}\n`);
    expect(s.sizeRange[0]).toBeLessThanOrEqual(s.bytes);
    expect(s.sizeRange[1]).toBeGreaterThanOrEqual(s.bytes);
    expect(s.confidence).toBe('high');
    expect(s.sizeRange[0]).toBeLessThan(164.98e6);
    expect(s.sizeRange[1]).toBeGreaterThan(164.98e6);
  });

  it('an unsized command widens the range and takes confidence below high', () => {
    const plain = size('FROM debian:bookworm-slim\nRUN echo hi\n');
    const make = size('FROM debian:bookworm-slim\nRUN set -eux; \\\n  make install\n');
    expect(make.sizeRange[1] - make.sizeRange[0]).toBeGreaterThan(
      plain.sizeRange[1] - plain.sizeRange[0],
    );
    expect(make.confidence).not.toBe('high');
  });

  it('a guessed base image is low confidence with a wide range', () => {
    const s = size('FROM example.com/team/base:7\nRUN echo hi\n');
    expect(s.confidence).toBe('low');
    expect(s.sizeRange[1] / s.bytes).toBeGreaterThan(1.25);
  });
});

describe('estimateSize: calibrated bands (npm run calibrate)', () => {
  it('a version query or a read-only program is not an unknown and keeps confidence high', () => {
    const plain = size(`FROM debian:bookworm\n${CURL_RUN}\n`);
    const smoke = size(
      `FROM debian:bookworm\n${CURL_RUN}\nRUN set -eux; curl --version; gpg --version; dpkg-architecture --query DEB_BUILD_GNU_TYPE\n`,
    );
    expect(smoke.unknowns.filter((u) => u.kind === 'command')).toEqual([]);
    expect(smoke.confidence).toBe(plain.confidence);
    expect(smoke.confidence).toBe('high');
  });

  it('a command that does write is still an unknown', () => {
    const s = size('FROM debian:bookworm-slim\nRUN set -eux; ./configure --prefix=/usr/local\n');
    expect(s.unknowns.map((u) => u.kind)).toContain('command');
    expect(s.confidence).not.toBe('high');
  });

  it('the unsized commands of one RUN widen the range once; two RUNs widen it twice', () => {
    const build = 'RUN set -eux; ./configure; make -j4; make install';
    const base = size('FROM debian:bookworm-slim\nRUN echo hi\n');
    const one = size(`FROM debian:bookworm-slim\n${build}\n`);
    const two = size(
      `FROM debian:bookworm-slim\n${build}\nRUN set -eux; ./configure; make install\n`,
    );
    const width = (s: typeof base) => s.sizeRange[1] - s.sizeRange[0];
    const added = width(one) - width(base);
    expect(added).toBeGreaterThan(0);
    // One RUN with three unsized commands adds what its widest one adds, not three times that.
    expect(added).toBeLessThanOrEqual(500e6);
    expect(width(two) - width(base)).toBeCloseTo(2 * added, -3);
  });

  it('an unsized download can hold a JDK: the range reaches 400 MB above the estimate', () => {
    const s = size(
      'FROM debian:bookworm-slim\nRUN set -eux; wget -O /tmp/jdk.tgz https://example.com/jdk.tgz; tar -xzf /tmp/jdk.tgz -C /opt; rm /tmp/jdk.tgz\n',
    );
    expect(s.sizeRange[1] - s.bytes).toBeGreaterThan(400e6);
    expect(s.confidence).toBe('low');
  });

  it('a guessed base may be ten times the guess (buildpack-deps is 930 MB against a 120 MB guess)', () => {
    const s = size('FROM example.com/team/base:7\n');
    expect(s.sizeRange[1]).toBeGreaterThanOrEqual(s.baseBytes * 10);
    expect(s.sizeRange[0]).toBeLessThanOrEqual(s.baseBytes * 0.05 + 1);
  });
});

describe('a venv’s own pip', () => {
  const head = 'FROM python:3.11-slim-bookworm\n';
  const venv = 'RUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir flask';
  const bytes = (dockerfile: string) => size(head + dockerfile).bytes;
  const withPip = bytes(`${venv}\n`);

  it.each([
    ['pip uninstall by the venv’s path', `${venv} && /opt/venv/bin/pip uninstall -y pip\n`],
    [
      'pip uninstall through PATH',
      `ENV PATH=/opt/venv/bin:$PATH\n${venv.replace('/opt/venv/bin/pip', 'pip')} && pip uninstall -y pip\n`,
    ],
    ['python -m pip of the venv', `${venv} && /opt/venv/bin/python -m pip uninstall -y pip\n`],
    ['rm of its pip folder', `${venv} && rm -rf /opt/venv/lib/python3.11/site-packages/pip\n`],
  ])('%s in the same RUN takes pip’s bytes out', (_how, dockerfile) => {
    expect(bytes(dockerfile)).toBeLessThan(withPip - 5_000_000);
  });

  it('--without-pip makes a venv of a few kB', () => {
    expect(bytes('RUN python -m venv --without-pip /opt/venv\n')).toBeLessThan(
      bytes('RUN python -m venv /opt/venv\n') - 5_000_000,
    );
  });

  it('the system pip’s uninstall leaves the venv alone, and a later RUN’s only hides it', () => {
    expect(bytes(`${venv} && pip uninstall -y pip\n`)).toBe(withPip);
    expect(bytes(`${venv}\nRUN /opt/venv/bin/pip uninstall -y pip\n`)).toBe(withPip);
  });
});

describe('estimateSize: a build that fails for certain', () => {
  const build = (install: string) =>
    analyze({
      dockerfile: `FROM debian:bookworm-slim\nRUN ${install}apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCMD ["curl", "--version"]\n`,
    });
  it('is never high or medium: the figure is of an image that will never exist', () => {
    const failing = build('');
    expect(failing.findings.some((f) => f.rule === 'apt-lists-missing')).toBe(true);
    expect(failing.size.confidence).toBe('low');
  });
  it('keeps its confidence once the step works', () => {
    const working = build('apt-get update && ');
    expect(working.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(working.size.confidence).not.toBe('low');
  });
});

describe('estimateSize: an install that runs only on some paths', () => {
  const run = (script: string) =>
    analyze({
      dockerfile: `FROM debian:bookworm-slim\nRUN ${script} && rm -rf /var/lib/apt/lists/*\nCMD ["sh"]\n`,
    });
  it('is counted, listed as unsure, and the range reaches down to the image without it', () => {
    const always = run('apt-get update && apt-get install -y --no-install-recommends curl');
    const sometimes = run(
      'apt-get update && if [ -n "$WITH_CURL" ]; then apt-get install -y --no-install-recommends curl; fi',
    );
    const none = run('apt-get update');
    expect(sometimes.size.bytes).toBe(always.size.bytes);
    expect(always.size.confidence).toBe('high');
    expect(sometimes.size.confidence).not.toBe('high');
    const unsure = sometimes.size.unknowns.find((u) => u.message.includes('only on some paths'));
    expect(unsure?.line).toBe(1);
    expect(sometimes.size.sizeRange[0]).toBeLessThanOrEqual(none.size.bytes);
    expect(sometimes.size.sizeRange[1]).toBeGreaterThanOrEqual(always.size.bytes);
  });
  it('after || too, but not after &&', () => {
    const orElse = run('apt-get update && (command -v curl || apt-get install -y curl)');
    expect(orElse.size.unknowns.some((u) => u.message.includes('only on some paths'))).toBe(true);
    const andThen = run('apt-get update && true && apt-get install -y curl');
    expect(andThen.size.unknowns.some((u) => u.message.includes('only on some paths'))).toBe(false);
  });
});

describe('estimateSize: a base image the analyzer cannot size', () => {
  // Without the tag index these official builds are unknown: the range must still hold them
  // (repo-info local/9.14.1-bookworm.md: 4.44 GB; odoo local/18.0-20260817.md: 2 GB).
  it.each([
    ['haskell:9.14.1-bookworm', 4.44e9],
    ['odoo:18.0', 2e9],
  ])('%s: low confidence, and a range that contains its real size', (ref, real) => {
    const s = size(`FROM ${ref}\n`);
    expect(s.confidence).toBe('low');
    expect(s.sizeRange[0]).toBeLessThanOrEqual(real);
    expect(s.sizeRange[1]).toBeGreaterThanOrEqual(real);
  });
});
