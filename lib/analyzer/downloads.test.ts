import { describe, expect, it } from 'vitest';
import { analyze } from './index';
import { resolveBaseImage } from '../sizes';
import { staticBaseIndex } from '../sizes/base-index-static';
import {
  RUBY_SLIM_KEEPS,
  RUST_SLIM_KEEPS,
  differenceLessApt,
  imageCopy,
  knownDownload,
} from './downloads';

const PY_BUILD = `RUN set -eux; \\
  savedAptMark="$(apt-mark showmanual)"; \\
  apt-get update; \\
  apt-get install -y --no-install-recommends gcc libc6-dev libssl-dev make wget xz-utils zlib1g-dev; \\
  wget -O python.tar.xz "https://www.python.org/ftp/python/3.12.13/Python-3.12.13.tar.xz"; \\
  mkdir -p /usr/src/python; \\
  tar -xJC /usr/src/python --strip-components=1 -f python.tar.xz; \\
  cd /usr/src/python; ./configure --enable-shared; make -j "$(nproc)"; make install; \\
  cd /; rm -rf /usr/src/python python.tar.xz; \\
  apt-mark auto '.*' > /dev/null; \\
  apt-mark manual $savedAptMark; \\
  apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\
  rm -rf /var/lib/apt/lists/*`;

describe('knownDownload', () => {
  it('sizes a Python source release from python:X-slim minus its Debian parent', () => {
    const d = knownDownload(
      'https://www.python.org/ftp/python/3.12.13/Python-3.12.13.tar.xz',
      {},
      'trixie',
    );
    expect(d?.isMeasured).toBe(true);
    expect(d?.bytes).toBeGreaterThan(30e6);
    expect(d?.bytes).toBeLessThan(60e6);
    expect(d?.source).toMatch(/python:3\.12-slim.*minus debian:trixie-slim/);
  });

  it('gives a range, not a figure, for a release with no measured image', () => {
    const d = knownDownload(
      'https://static.rust-lang.org/rustup/dist/x86_64-unknown-linux-gnu/rustup-init',
      {},
      'bookworm',
    );
    expect(d?.isMeasured).toBe(false);
    expect(d?.rangeBytes[1]).toBeGreaterThan(d?.rangeBytes[0] ?? Infinity);
  });

  it('sizes the Rust toolchain as rust:1-slim-bookworm − debian:bookworm-slim − its kept apt packages', () => {
    // The published sizes (repo-info, data/repo-info-sizes.json and data/base-images.json).
    expect(resolveBaseImage('rust:1-slim-bookworm')?.record.uncompressedBytes).toBe(910_360_000);
    expect(resolveBaseImage('debian:bookworm-slim')?.record.uncompressedBytes).toBe(74_830_000);
    const d = differenceLessApt('rust:1-slim-bookworm', 'debian:bookworm-slim', RUST_SLIM_KEEPS);
    // gcc and libc6-dev with their closure: about 210 MB over the bookworm apt table.
    expect(d?.aptBytes).toBeGreaterThan(200e6);
    expect(d?.aptBytes).toBeLessThan(220e6);
    expect(d?.bytes).toBe(910_360_000 - 74_830_000 - (d?.aptBytes ?? NaN));
    const k = knownDownload(
      'https://static.rust-lang.org/rustup/archive/1.28.2/x86_64-unknown-linux-gnu/rustup-init',
      {},
      'bookworm',
    );
    expect(k?.bytes).toBe(d?.bytes);
    expect(k?.source).toMatch(/rust:1-slim-bookworm .*minus debian:bookworm-slim .*minus the apt/);
  });

  it('sizes Ruby 3.4 as ruby:3.4-slim-trixie − debian:trixie-slim − its kept apt packages', () => {
    expect(resolveBaseImage('ruby:3.4-slim-trixie')?.record.uncompressedBytes).toBe(157_040_000);
    expect(resolveBaseImage('debian:trixie-slim')?.record.uncompressedBytes).toBe(78_640_000);
    const d = differenceLessApt('ruby:3.4-slim-trixie', 'debian:trixie-slim', RUBY_SLIM_KEEPS);
    // ca-certificates and the few libraries ldd finds: a few MB.
    expect(d?.aptBytes).toBeGreaterThan(1e6);
    expect(d?.aptBytes).toBeLessThan(10e6);
    expect(d?.bytes).toBe(157_040_000 - 78_640_000 - (d?.aptBytes ?? NaN));
    const url = 'https://cache.ruby-lang.org/pub/ruby/3.4/ruby-3.4.10.tar.xz';
    const k = knownDownload(url, {}, 'bookworm');
    expect(k).toMatchObject({ name: 'Ruby 3.4', bytes: d?.bytes, isMeasured: true });
    // Another version line: the same figure as an estimate, with a range.
    const other = knownDownload(
      'https://cache.ruby-lang.org/pub/ruby/3.3/ruby-3.3.9.tar.xz',
      {},
      'bookworm',
    );
    expect(other).toMatchObject({ name: 'Ruby 3.3', bytes: d?.bytes, isMeasured: false });
    expect(other?.rangeBytes[0]).toBeLessThan(d?.bytes ?? 0);
    expect(other?.rangeBytes[1]).toBeGreaterThan(d?.bytes ?? Infinity);
  });

  it('knows nothing about other URLs', () => {
    expect(knownDownload('https://example.com/app.tar.gz', {}, 'bookworm')).toBeUndefined();
  });
});

describe('imageCopy', () => {
  const slim = resolveBaseImage('node:22-bookworm-slim')!.record.uncompressedBytes;
  const debian = resolveBaseImage('debian:bookworm-slim')!.record.uncompressedBytes;

  it('sizes /usr/local of the node image it was measured on as that image minus its parent, ±10 %', () => {
    const c = imageCopy('node:22-slim', '/usr/local/', staticBaseIndex())!;
    expect(c.bytes).toBe(slim - debian);
    expect(c.isMeasured).toBe(true);
    expect(c.rangeBytes[0]).toBeCloseTo(c.bytes * 0.9);
    expect(c.rangeBytes[1]).toBeCloseTo(c.bytes * 1.1);
  });

  it('sizes the node binary as part of that install, at most all of it', () => {
    const c = imageCopy('node:22-slim', '/usr/local/bin/node', staticBaseIndex())!;
    expect(c.isMeasured).toBe(false);
    expect(c.bytes).toBeLessThan(slim - debian);
    expect(c.rangeBytes[1]).toBeLessThanOrEqual((slim - debian) * 1.1);
  });

  it('sizes /usr/local/go of a Go version the table lacks from the measured tree, with a wider range', () => {
    const measured = imageCopy('golang:1.26-alpine', '/usr/local/go', staticBaseIndex())!;
    const other = imageCopy('golang:1.24', '/usr/local/go', staticBaseIndex())!;
    expect(measured.isMeasured).toBe(true);
    expect(other.isMeasured).toBe(false);
    expect(other.rangeBytes[1] - other.rangeBytes[0]).toBeGreaterThan(
      measured.rangeBytes[1] - measured.rangeBytes[0],
    );
    expect(other.rangeBytes[1]).toBeLessThan(500e6);
  });

  it('bounds any other path by the size of the image it comes from', () => {
    const c = imageCopy('nginx:alpine', '/etc/nginx/nginx.conf', staticBaseIndex())!;
    expect(c.bytes).toBe(0);
    expect(c.rangeBytes).toEqual([0, resolveBaseImage('nginx:alpine')!.record.uncompressedBytes]);
  });

  it('knows nothing of an image the table does not hold', () => {
    expect(imageCopy('ghcr.io/astral-sh/uv', '/uv', staticBaseIndex())).toBeUndefined();
  });

  it('a COPY --from of a runtime install no longer widens the range by 500 MB', () => {
    const r = analyze({
      dockerfile:
        'FROM debian:bookworm-slim\nCOPY --from=node:22-slim /usr/local/bin/node /usr/local/bin/node\nCMD ["node"]\n',
    }).size;
    expect(r.bytes).toBeGreaterThan(debian + 50e6);
    expect(r.sizeRange[1]).toBeLessThan(debian + (slim - debian) * 1.2);
  });
});

describe('official-image patterns in the simulated build', () => {
  it('apt-mark auto + purge --auto-remove drops the build dependencies of the same RUN', () => {
    const r = analyze({ dockerfile: `FROM debian:trixie-slim\n${PY_BUILD}\n` });
    expect(r.final.packages).not.toContain('gcc');
    expect(r.final.packages).not.toContain('libssl-dev');
    expect(r.findings.map((f) => f.rule)).not.toContain('build-tools-in-final');
    expect(r.findings.map((f) => f.rule)).not.toContain('single-stage-build');
    // python:3.12-slim (trixie) is 119.2 MB in the table; this RUN skips its first small layer.
    expect(r.size.bytes).toBeGreaterThan(110e6);
    expect(r.size.bytes).toBeLessThan(130e6);
  });

  it('without the purge the toolchain ships and is flagged', () => {
    const r = analyze({
      dockerfile:
        'FROM debian:trixie-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc make && make && rm -rf /var/lib/apt/lists/*\n',
    });
    expect(r.final.packages).toContain('gcc');
    expect(r.findings.map((f) => f.rule)).toContain('build-tools-in-final');
    expect(r.findings.map((f) => f.rule)).toContain('single-stage-build');
  });

  it('packages requested before apt-mark showmanual stay installed', () => {
    const r = analyze({
      dockerfile: `FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && savedAptMark="$(apt-mark showmanual)" && apt-get install -y --no-install-recommends gcc && apt-mark auto '.*' && apt-mark manual $savedAptMark && apt-get purge -y --auto-remove && rm -rf /var/lib/apt/lists/*\n`,
    });
    expect(r.final.packages).toContain('curl');
    expect(r.final.packages).not.toContain('gcc');
  });

  it('dpkg --purge removes a package, dpkg -i of a local file is an unknown with a range', () => {
    const r = analyze({
      dockerfile:
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && dpkg --purge curl && rm -rf /var/lib/apt/lists/*\nRUN dpkg -i /tmp/tool.deb\n',
    });
    expect(r.final.packages).not.toContain('curl');
    const u = r.size.unknowns.find((x) => x.name === '/tmp/tool.deb');
    expect(u?.line).toBe(2);
    expect(r.size.confidence).not.toBe('high');
  });

  it('a Node.js release archive piped into tar is sized from node:22-bookworm-slim minus its parent', () => {
    const r = analyze({
      dockerfile:
        'FROM debian:bookworm-slim\nENV NODE_VERSION 22.23.1\nRUN curl -fsSL "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-x64.tar.xz" | tar -xJ -C /usr/local --strip-components=1 && find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name linux-x86_64 -exec rm -rf {} \\;\n',
    });
    // node:22-bookworm-slim 227.33 MB in the table (its Dockerfile deletes those headers too).
    expect(r.size.bytes).toBeGreaterThan(0.85 * 227.33e6);
    expect(r.size.bytes).toBeLessThan(1.1 * 227.33e6);
    expect(r.size.unknowns.map((u) => u.name)).not.toContain('tar');
  });
});

describe('knownDownload on a full base', () => {
  const url = 'https://www.python.org/ftp/python/3.13.14/Python-3.13.14.tar.xz';

  it('bounds a CPython build on buildpack-deps by the measured full pair', () => {
    const slim = knownDownload(url, {}, 'bookworm');
    const full = knownDownload(url, {}, 'bookworm', 'buildpack-deps:bookworm');
    expect(slim?.isMeasured).toBe(true);
    expect(full?.isMeasured).toBe(false);
    expect(full?.bytes).toBe(slim?.bytes);
    // python:3.13-bookworm (1020 MB) minus buildpack-deps:bookworm (929.95 MB).
    expect(full?.rangeBytes[1]).toBeGreaterThan(85e6);
    expect(full?.rangeBytes[1]).toBeLessThan(95e6);
  });

  it('leaves a slim base alone', () => {
    expect(knownDownload(url, {}, 'bookworm', 'debian:bookworm-slim')?.isMeasured).toBe(true);
  });
});
