/**
 * Installed sizes of official release downloads (Python's source tarball, Node's and Go's binary
 * archives, Ruby's source tarball, the Rust toolchain rustup-init installs), derived from
 * published image sizes: the official image minus its parent image (and, for Ruby and Rust, minus
 * the apt packages the image's own Dockerfile keeps, sized over the apt table as the model sizes
 * them), all from the base-image table (docker-library/repo-info, see data/BASE-IMAGES.md), read
 * through `resolveBaseImage` so a larger table flows in. Downloads with no such pair get an
 * honest range instead of a figure.
 */
import {
  APT_INFO_BYTES_PER_PACKAGE,
  aptInstallClosure,
  parseImageRef,
  resolveBaseImage,
  type BaseIndex,
} from '../sizes';
import { formatBytes } from '../format';

/** A download whose installed size is known, or bounded. */
export interface KnownDownload {
  /** `python 3.12`, `node 22`, `go`. */
  name: string;
  /** Installed bytes assumed. */
  bytes: number;
  /** Fewest and most installed bytes. */
  rangeBytes: [number, number];
  /** True when `bytes` comes from a measured image pair of the same version line. */
  isMeasured: boolean;
  /** How the figure was worked out, with its sources. */
  source: string;
}

/**
 * `image − parent − the apt packages its Dockerfile keeps`: what the download itself installs when
 * the image's Dockerfile also installs (and keeps) apt packages. The packages are sized as the
 * model sizes an install of them (--no-install-recommends closure over the parent's package
 * list, plus dpkg's files per package), so the estimate of that Dockerfile adds back what is
 * subtracted here. Undefined unless both images are in the table.
 */
export function differenceLessApt(
  image: string,
  parent: string,
  keeps: readonly string[],
  index?: BaseIndex,
): { bytes: number; aptBytes: number; source: string } | undefined {
  const a = resolveBaseImage(image, index);
  const b = resolveBaseImage(parent, index);
  const release = a?.record.aptRelease;
  if (!a || !b || !a.isExact || !release) return undefined;
  let aptBytes = 0;
  try {
    const closure = aptInstallClosure(release, keeps, {
      recommends: false,
      installed: new Set(b.record.packages ?? []),
      excludesDocs: false,
    });
    if (closure.unknown.length > 0) return undefined;
    aptBytes = closure.totalBytes + closure.packages.length * APT_INFO_BYTES_PER_PACKAGE;
  } catch {
    return undefined;
  }
  const bytes = a.record.uncompressedBytes - b.record.uncompressedBytes - aptBytes;
  if (bytes <= 0) return undefined;
  return {
    bytes,
    aptBytes,
    source:
      `${a.record.ref} (${a.record.source}) minus ${b.record.ref} (${b.record.source}) minus ` +
      `the apt packages its Dockerfile keeps (${keeps.join(' ')}: ${formatBytes(aptBytes)} over the ${release} apt table)`,
  };
}

/** `image − parent` from the table; undefined unless both are in it. */
function difference(
  image: string,
  parent: string,
  index: BaseIndex | undefined,
): { bytes: number; source: string } | undefined {
  const a = resolveBaseImage(image, index);
  const b = resolveBaseImage(parent, index);
  if (!a || !b || !a.isExact) return undefined;
  const bytes = a.record.uncompressedBytes - b.record.uncompressedBytes;
  if (bytes <= 0) return undefined;
  return {
    bytes,
    source: `${a.record.ref} (${a.record.source}) minus ${b.record.ref} (${b.record.source})`,
  };
}

function measured(
  name: string,
  pairs: [string, string][],
  fallback: [number, number],
  index: BaseIndex | undefined,
): KnownDownload {
  for (const [image, parent] of pairs) {
    const d = difference(image, parent, index);
    if (d)
      return {
        name,
        bytes: d.bytes,
        // The pair also holds the image's own small extras (ca-certificates, tzdata, yarn…)
        // and another patch release may differ: ±10 %.
        rangeBytes: [d.bytes * 0.9, d.bytes * 1.1],
        isMeasured: true,
        source: `installed size of ${name} = ${d.source}`,
      };
  }
  const mid = Math.round((fallback[0] + fallback[1]) / 2);
  return {
    name,
    bytes: mid,
    rangeBytes: fallback,
    isMeasured: false,
    source: `no measured image of ${name}; range of the measured versions' sizes`,
  };
}

/**
 * On a full Debian base (buildpack-deps) CPython finds more of the base's libraries to link and
 * keeps more modules than on slim: python:3.13-bookworm minus buildpack-deps:bookworm, both
 * built 2026-07-14, is 90 MB against 40–55 MB for the slim pairs. That full pair also holds the
 * Dockerfile's own apt layer, so it bounds the build from above instead of replacing the slim
 * figure, and the slim figure becomes an estimate (an unknown with that range).
 */
function onFullBase(
  d: KnownDownload,
  v: string | undefined,
  baseRef: string | undefined,
  index: BaseIndex | undefined,
): KnownDownload {
  if (!v || !baseRef) return d;
  const base = resolveBaseImage(baseRef, index);
  if (!base?.isExact || !base.record.ref.startsWith('buildpack-deps:')) return d;
  const release = base.record.aptRelease ?? 'bookworm';
  const full = difference(`python:${v}-${release}`, base.record.ref, index);
  if (!full || full.bytes <= d.rangeBytes[1]) return d;
  // Not a measured figure for this base any more: reported as an estimate with that range.
  return {
    ...d,
    isMeasured: false,
    rangeBytes: [d.rangeBytes[0], full.bytes],
    source: `${d.source}; on a full base at most ${full.source}`,
  };
}

/** What rust:1-slim-bookworm's Dockerfile installs and keeps (wget is purged in the same RUN). */
export const RUST_SLIM_KEEPS = ['ca-certificates', 'gcc', 'libc6-dev'] as const;

/**
 * What ruby:3.4-slim-trixie keeps: ca-certificates and the libraries its ldd step marks manual
 * (data/repo-info-sizes.json, ruby:3.4-slim-trixie `packages.install`).
 */
export const RUBY_SLIM_KEEPS = [
  'ca-certificates',
  'libffi8',
  'libgmp10',
  'libssl3t64',
  'libyaml-0-2',
  'libgdbm6t64',
  'libgdbm-compat4t64',
  'libncursesw6',
  'zlib1g',
] as const;

/** The Debian release or `alpine` a stage runs, for picking the matching image pair. */
export type DistroKind = 'alpine' | 'bookworm' | 'trixie' | 'other';

/**
 * What an official release download installs, from its URL (variables already expanded where
 * they could be) and the stage's ENV. `undefined` for any other URL.
 */
export function knownDownload(
  url: string,
  env: Record<string, string>,
  distro: DistroKind,
  baseRef?: string,
  index?: BaseIndex,
): KnownDownload | undefined {
  if (/python\.org\/ftp\/python\//.test(url)) {
    const v =
      /Python-(\d+\.\d+)/.exec(url)?.[1] ?? /^(\d+\.\d+)/.exec(env.PYTHON_VERSION ?? '')?.[1];
    const pairs: [string, string][] = [];
    if (v) {
      if (distro === 'alpine') pairs.push([`python:${v}-alpine`, 'alpine:3.22']);
      pairs.push([
        `python:${v}-slim-${distro === 'trixie' ? 'trixie' : 'bookworm'}`,
        `debian:${distro === 'trixie' ? 'trixie' : 'bookworm'}-slim`,
      ]);
      pairs.push([`python:${v}-slim-bookworm`, 'debian:bookworm-slim']);
      pairs.push([`python:${v}-slim-trixie`, 'debian:trixie-slim']);
    }
    // python:3.10–3.13 slim minus debian slim: 40.6–55.2 MB in the table.
    return onFullBase(
      measured(`Python ${v ?? ''}`.trim(), pairs, [35e6, 60e6], index),
      v,
      baseRef,
      index,
    );
  }
  if (/nodejs\.org\/dist\/|unofficial-builds\.nodejs\.org/.test(url)) {
    const major =
      /node-v(\d+)\./.exec(url)?.[1] ??
      /\/v(\d+)\./.exec(url)?.[1] ??
      /^(\d+)/.exec(env.NODE_VERSION ?? '')?.[1];
    const pairs: [string, string][] = [];
    if (major) {
      if (distro === 'alpine') pairs.push([`node:${major}-alpine`, 'alpine:3.22']);
      pairs.push([`node:${major}-bookworm-slim`, 'debian:bookworm-slim']);
    }
    // node:18–24 bookworm-slim minus debian:bookworm-slim: 117–152 MB in the table.
    return measured(`Node.js ${major ?? ''}`.trim(), pairs, [110e6, 165e6], index);
  }
  if (/(dl\.google\.com\/go\/|go\.dev\/dl\/|golang\.org\/dl\/)go\d/.test(url)) {
    return measured('Go', [['golang:1.26-alpine3.23', 'alpine:3.22']], [150e6, 300e6], index);
  }
  if (/static\.rust-lang\.org\/rustup|sh\.rustup\.rs/.test(url)) {
    // rust:1-slim-bookworm keeps gcc and libc6-dev for the linker and purges wget
    // (rust-lang/docker-rust stable/bookworm/slim/Dockerfile). The figure is one toolchain
    // version with `--profile minimal`; other versions and profiles differ, so it stays an
    // estimate with the measured versions' range.
    const d = differenceLessApt(
      'rust:1-slim-bookworm',
      'debian:bookworm-slim',
      RUST_SLIM_KEEPS,
      index,
    );
    return {
      name: 'Rust (rustup)',
      bytes: d ? d.bytes : 600e6,
      rangeBytes: [250e6, 1.5e9],
      isMeasured: false,
      source: d
        ? `toolchain of rust:1-slim-bookworm = ${d.source}; another version or profile differs`
        : 'no measured Rust image in the table; a minimal toolchain is hundreds of MB',
    };
  }
  if (/cache\.ruby-lang\.org\/pub\/ruby\//.test(url)) {
    const v = /\/ruby-(\d+\.\d+)/.exec(url)?.[1] ?? /^(\d+\.\d+)/.exec(env.RUBY_VERSION ?? '')?.[1];
    // ruby:3.4-slim-trixie keeps ca-certificates and the shared libraries Ruby links against
    // (docker-library/ruby 3.4/slim-trixie/Dockerfile: apt-mark manual of what ldd finds).
    const d = differenceLessApt(
      'ruby:3.4-slim-trixie',
      'debian:trixie-slim',
      RUBY_SLIM_KEEPS,
      index,
    );
    if (d && v === '3.4')
      return {
        name: 'Ruby 3.4',
        bytes: d.bytes,
        // Another patch release, the bookworm build and YJIT on or off differ a little: ±10 %.
        rangeBytes: [d.bytes * 0.9, d.bytes * 1.1],
        isMeasured: true,
        source: `installed size of Ruby 3.4 = ${d.source}`,
      };
    return {
      name: `Ruby ${v ?? ''}`.trim(),
      bytes: d ? d.bytes : 45e6,
      rangeBytes: [20e6, 110e6],
      isMeasured: false,
      source: d
        ? `no measured image of Ruby ${v ?? '(version unknown)'}; Ruby 3.4 = ${d.source}`
        : 'no measured Ruby image in the table; built Ruby with its gems is tens of MB',
    };
  }
  return undefined;
}

/** What `COPY --from=IMAGE PATH` brings, when the image's table record or its name says enough. */
export interface ImageCopy {
  /** Bytes assumed. */
  bytes: number;
  rangeBytes: [number, number];
  /** True when `bytes` is a measured image pair of that very image (±10 %). */
  isMeasured: boolean;
  /** What was copied and how it was sized. */
  source: string;
}

/** Node.js installs a binary and a few small parts (npm, corepack, headers, yarn) in /usr/local. */
const NODE_BINARY_SHARE: [number, number] = [0.5, 1];

/**
 * The install an official runtime image puts at `path`, sized like a release download of it
 * (the image minus its parent): `/usr/local` of a node or python image (their whole install),
 * `/usr/local/bin/node` (the binary: most of the Node.js install, an estimate), `/usr/local/go`
 * of a golang image. Otherwise, for an image in the table, anything from nothing to the whole
 * image (nothing a COPY takes from an image can be larger than it). `undefined` when neither
 * applies (an image the table does not know).
 */
export function imageCopy(
  image: string,
  path: string,
  index: BaseIndex | undefined,
): ImageCopy | undefined {
  const { repo, tag } = parseImageRef(image);
  const res = resolveBaseImage(image, index);
  const rec = res?.record;
  const p = path.replace(/\/+$/, '') || '/';
  const alpine = rec ? rec.osFamily === 'alpine' : /alpine/.test(tag);
  const sameImage = (d: KnownDownload) =>
    d.isMeasured && res?.isExact === true && d.source.includes(`${rec?.ref} (`) ? d : other(d);
  const node = rec?.runtimes.node ?? (repo === 'node' ? /^(\d+)/.exec(tag)?.[1] : undefined);
  if (node && (p === '/usr/local' || p === '/usr/local/bin/node')) {
    const pairs: [string, string][] = [];
    if (alpine) pairs.push([`node:${node}-alpine`, 'alpine:3.22']);
    pairs.push([`node:${node}-bookworm-slim`, 'debian:bookworm-slim']);
    const d = measured(`Node.js ${node}`, pairs, [110e6, 165e6], index);
    if (p === '/usr/local') return asCopy(sameImage(d), `the Node.js ${node} install`);
    const [lo, hi] = NODE_BINARY_SHARE;
    return {
      bytes: Math.round(d.bytes * ((lo + hi) / 2)),
      rangeBytes: [d.rangeBytes[0] * lo, d.rangeBytes[1] * hi],
      isMeasured: false,
      source: `the node binary: most of the Node.js ${node} install (${d.source}), the rest being npm, corepack, headers and yarn`,
    };
  }
  const python =
    rec?.runtimes.python ?? (repo === 'python' ? /^(\d+\.\d+)/.exec(tag)?.[1] : undefined);
  if (python && p === '/usr/local') {
    const release = rec?.aptRelease === 'trixie' ? 'trixie' : 'bookworm';
    const pairs: [string, string][] = [];
    if (alpine) pairs.push([`python:${python}-alpine`, 'alpine:3.22']);
    pairs.push([`python:${python}-slim-${release}`, `debian:${release}-slim`]);
    pairs.push([`python:${python}-slim-bookworm`, 'debian:bookworm-slim']);
    const d = measured(`Python ${python}`, pairs, [35e6, 60e6], index);
    return asCopy(sameImage(d), `the Python ${python} install`);
  }
  const go = rec?.runtimes.go ?? (repo === 'golang' ? /^(\d+\.\d+)/.exec(tag)?.[1] : undefined);
  if (go && p === '/usr/local/go') {
    const d = measured('Go', [['golang:1.26-alpine3.23', 'alpine:3.22']], [150e6, 300e6], index);
    const named = d.isMeasured && go === '1.26' ? d : other(d);
    return asCopy(named, `the Go ${go} tree`);
  }
  if (!rec) return undefined;
  return {
    bytes: 0,
    rangeBytes: [0, rec.uncompressedBytes],
    isMeasured: false,
    source: `${path} is part of ${rec.ref} (${formatBytes(rec.uncompressedBytes)}, ${rec.source}); how much of it is not known`,
  };
}

/**
 * Another version (or build) of a runtime than the measured pair: ±30 % (the measured Node 18–24
 * installs span 117–152 MB, the Python 3.10–3.13 ones 40–55 MB).
 */
function widen(d: KnownDownload): [number, number] {
  return [Math.min(d.rangeBytes[0], d.bytes * 0.7), Math.max(d.rangeBytes[1], d.bytes * 1.3)];
}

/** The figure of another image or version, said so: ±30 % (see `widen`). */
function other(d: KnownDownload): KnownDownload {
  return {
    ...d,
    isMeasured: false,
    rangeBytes: widen(d),
    source: `${d.source}; another version or build differs (±30 % allowed)`,
  };
}

function asCopy(d: KnownDownload, what: string): ImageCopy {
  return {
    bytes: d.bytes,
    rangeBytes: d.rangeBytes,
    isMeasured: d.isMeasured,
    source: `${what}, installed size ${d.source.replace(/^installed size of [^=]+= /, '')}`,
  };
}

/** Signature and checksum files next to a release archive: a few hundred bytes. */
export function isSignatureUrl(url: string): boolean {
  return (
    /\.(asc|sig|sign|sha256|sha256sum|sha512|shasums?|md5)(\?|$)/i.test(url) || /SHASUMS/i.test(url)
  );
}
