/**
 * Generates lib/sizes/generated/base-images.json from data/base-images.json.
 * Usage: npx tsx scripts/gen-base-images.ts [--stdout]
 * The output keeps what the analyzer and the UI need (size, source, date, confidence,
 * OS facts, package list) and drops the rest. Aliases live in lib/sizes/base-image-aliases.ts.
 * Package closures are computed with lib/sizes' own apt decoder over the committed apt table.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptClosureIn, decodeAptRelease, type AptTable } from '../lib/sizes/apt';
import type { AptRelease, BaseImageRecord } from '../lib/sizes/types';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const INPUT = join(ROOT, 'data', 'base-images.json');
export const OUTPUT = join(ROOT, 'lib', 'sizes', 'generated', 'base-images.json');
export const APT_TABLE = join(ROOT, 'lib', 'sizes', 'generated', 'apt.json');
export const REPO_INFO_SIZES = join(ROOT, 'data', 'repo-info-sizes.json');

/** An image of data/base-images.json (the fields this generator reads). */
interface DataImage {
  key: string;
  uncompressedBytes: number | null;
  compressedBytes: number | null;
  created: string | null;
  source: {
    repo?: string;
    path?: string;
    commit?: string;
    confidence?: string;
    references?: string[];
  };
  confidence?: string;
  osFamily: BaseImageRecord['osFamily'];
  osRelease: string;
  libc: BaseImageRecord['libc'];
  hasShell: boolean;
  packageManager: BaseImageRecord['packageManager'];
  packages: string[] | null;
  packagesStatus?: string;
  runtimes?: Record<string, string | undefined>;
  defaultUser: string;
  entrypoint: string | string[] | null;
  cmd: string | string[] | null;
  notes?: string[];
  estimateMethod?: string;
  contentsSummary?: string;
}

/** data/base-images.json. */
export interface BaseImagesData {
  collectedOn: string;
  images: DataImage[];
}

/** data/repo-info-sizes.json. */
export interface RepoInfoSizes {
  source: { repo: string };
  images: {
    ref: string;
    /** The repository the file was read from, where not `source.repo` (a fork that keeps it). */
    repo?: string;
    /** Overrides the confidence the file's date gives (a build the tag no longer names). */
    confidence?: 'medium' | 'low';
    virtualSize: string;
    created: string;
    commit: string;
    path: string;
    osFamily: BaseImageRecord['osFamily'];
    osRelease: string;
    /** `list`: the package list as the repo-info file prints it; else `from` plus `install`. */
    packages: { from?: string; install?: string[]; list?: string[] };
    note?: string;
    runtimes?: BaseImageRecord['runtimes'];
    entrypoint?: string[];
    cmd?: string[];
  }[];
}

/** A record of the generated table (lib/sizes reads it as a BaseImageRecord). */
type Generated = BaseImageRecord & { key: string; nginx?: string };

/**
 * Package lists the data lacks but that follow from the image's Dockerfile: each install is
 * `apt-get install --no-install-recommends`, so the list is the base image's packages plus the
 * Depends/Pre-Depends closure in the committed apt table (scripts/gen-apt.ts).
 * golang:1.26-bookworm = buildpack-deps:bookworm-curl + -scm + the cgo packages
 * (docker-library/buildpack-deps debian/bookworm/{curl,scm}/Dockerfile; docker-library/golang
 * bookworm Dockerfile).
 */
const DERIVED_PACKAGES: Record<
  string,
  { release: AptRelease; from: string; install: string[]; note: string }
> = {
  'golang:1.26': {
    release: 'bookworm',
    from: 'debian:bookworm',
    install: [
      ...['ca-certificates', 'curl', 'gnupg', 'netbase', 'sq', 'wget'],
      ...['git', 'git-lfs', 'mercurial', 'openssh-client', 'subversion', 'procps'],
      ...['g++', 'gcc', 'libc6-dev', 'make', 'pkg-config'],
    ],
    note: 'Package list derived: debian:bookworm plus the --no-install-recommends closure of what buildpack-deps:bookworm-curl, -scm and the golang Dockerfile install, from the bookworm apt table.',
  },
  // nginx:latest is FROM debian:trixie-slim and has ca-certificates (data note); its nginx.org
  // packages and their libraries are not listed, so this list is a lower bound.
  'nginx:latest': {
    release: 'trixie',
    from: 'debian:trixie-slim',
    install: ['ca-certificates'],
    note: 'Package list derived as a lower bound: debian:trixie-slim plus ca-certificates; the nginx.org packages and their libraries are not listed.',
  },
};

/**
 * `installed` plus the Depends + Pre-Depends closure of `names` over one release of the apt
 * table (lib/sizes' decoder and closure: what `apt-get install --no-install-recommends` adds).
 */
function aptClosure(
  aptTable: AptTable,
  release: AptRelease,
  installed: readonly string[],
  names: readonly string[],
): string[] {
  const closure = aptClosureIn(decodeAptRelease(aptTable.releases[release]), names, {
    recommends: false,
    installed: new Set(installed),
    excludesDocs: false,
  });
  return [...new Set([...installed, ...closure.packages.map((p) => p.name)])];
}

/**
 * Canonical reference per data `key`: the most specific tag of the image that was read
 * (`tagRead` in the data), without its patch version, so that it stays a tag people write.
 */
const CANONICAL: Record<string, string> = {
  'node:16': 'node:16-buster',
  'node:16-alpine': 'node:16-alpine3.16',
  'python:3.9': 'python:3.9-bookworm',
  'python:3.9-slim': 'python:3.9-slim-bullseye',
  'python:3.13': 'python:3.13-bookworm',
  'python:3.12': 'python:3.12-bookworm',
  'python:3.11': 'python:3.11-bookworm',
  'python:3.10': 'python:3.10-bookworm',
  'python:3.12-slim': 'python:3.12-slim-trixie',
  'python:3.13-alpine': 'python:3.13-alpine3.24',
  'python:3.12-alpine': 'python:3.12-alpine3.23',
  'python:3.11-alpine': 'python:3.11-alpine3.23',
  'python:3.10-alpine': 'python:3.10-alpine3.23',
  'node:22-alpine': 'node:22-alpine3.23',
  'node:24-alpine': 'node:24-alpine3.24',
  'node:20-alpine': 'node:20-alpine3.23',
  'node:18-alpine': 'node:18-alpine3.20',
  'node:20-slim': 'node:20-bookworm-slim',
  'node:20': 'node:20-bookworm',
  'node:18-slim': 'node:18-bookworm-slim',
  'node:18': 'node:18-bookworm',
  'node:22': 'node:22-bookworm',
  'node:24': 'node:24-bookworm',
  'golang:1.26-alpine': 'golang:1.26-alpine3.23',
  'golang:1.26': 'golang:1.26-bookworm',
  'busybox:latest': 'busybox:1.38',
  'nginx:alpine': 'nginx:1.31-alpine',
  'nginx:latest': 'nginx:1.31',
  'eclipse-temurin:17-jre': 'eclipse-temurin:17-jre-resolute',
  'eclipse-temurin:17-jdk': 'eclipse-temurin:17-jdk-resolute',
};

/**
 * Facts the data leaves out for images without repo-info files. Entrypoints are the ones the
 * distroless READMEs document (GoogleContainerTools/distroless python3/, nodejs/, java/ READMEs).
 * Sizes the data has as null get an estimate with its method spelled out (confidence low).
 */
const DISTROLESS_FACTS: Record<
  string,
  { entrypoint: string[]; estimateBytes?: number; estimateMethod?: string }
> = {
  'gcr.io/distroless/python3-debian12': { entrypoint: ['/usr/bin/python3.11'] },
  'gcr.io/distroless/nodejs20-debian12': { entrypoint: ['/nodejs/bin/node'] },
  'gcr.io/distroless/nodejs22-debian12': {
    entrypoint: ['/nodejs/bin/node'],
    // nodejs20-debian12 (181 MB) + the growth from node:20 to node:22 measured on the
    // official slim images (227.33 - 198.92 MB = 28.41 MB): the Node binary and its libraries.
    estimateBytes: 181_000_000 + (227_330_000 - 198_920_000),
    estimateMethod:
      'gcr.io/distroless/nodejs20-debian12 (181 MB, user report) plus the node:20-bookworm-slim to node:22-bookworm-slim difference (28.41 MB, repo-info); not a measured image',
  },
  'gcr.io/distroless/java17-debian12': {
    entrypoint: ['/usr/bin/java', '-jar'],
    // cc-debian12 estimate + Debian bookworm openjdk-17-jre-headless Installed-Size 188,872 KiB
    // (apt-cache show, 17.0.21.1+2-1~deb12u1, read on this machine 2026-11-27); its library
    // dependencies (nss, fontconfig, lcms...) add more, so this is a lower bound.
    estimateBytes: 23_613_312 + 188_872 * 1024,
    estimateMethod:
      'cc-debian12 estimate plus Debian bookworm Installed-Size of openjdk-17-jre-headless (188,872 KiB, apt-cache on 2026-11-27); a lower bound, not a measured image',
  },
};

function aptReleaseOf(
  img: Pick<DataImage, 'osRelease' | 'packageManager' | 'osFamily'>,
): AptRelease | undefined {
  const r = img.osRelease.toLowerCase();
  if (img.packageManager !== 'apt') return undefined;
  if (r.includes('trixie')) return 'trixie';
  if (r.includes('bookworm')) return 'bookworm';
  if (r.includes('noble')) return 'noble';
  if (r.includes('jammy')) return 'jammy';
  if (r.includes('focal')) return 'focal';
  // bullseye, buster, Ubuntu 26.04: no table of their own; bookworm (or noble) is the nearest.
  if (img.osFamily === 'ubuntu') return 'noble';
  return 'bookworm';
}

function majorMinor(v: string): string | undefined {
  const m = /(\d+)(?:\.(\d+))?/.exec(v);
  if (!m) return undefined;
  return m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`;
}

function major(v: string): string | undefined {
  const m = /(\d+)/.exec(v);
  return m ? m[1] : undefined;
}

function runtimesOf(rt: Record<string, string | undefined>): BaseImageRecord['runtimes'] {
  const out: BaseImageRecord['runtimes'] = {};
  if (rt.python) out.python = majorMinor(rt.python);
  if (rt.node) out.node = major(rt.node);
  if (rt.go) out.go = majorMinor(rt.go);
  if (rt.java) out.java = major(rt.java.replace(/^jdk-/, ''));
  if (rt.python) out.pip = rt.pip !== undefined && !/no pip/i.test(rt.python);
  if (rt.node) out.npm = !/no npm/i.test(rt.node) && rt.npm !== undefined;
  if (rt.yarn) out.yarn = true;
  return out;
}

function parseJsonArray(s: string | string[] | null | undefined): string[] | null {
  if (s === null || s === undefined) return null;
  if (Array.isArray(s)) return s;
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) ? v : [String(v)];
  } catch {
    return [s];
  }
}

function confidenceOf(img: DataImage): BaseImageRecord['confidence'] {
  if (img.confidence === 'low' || img.confidence === 'medium' || img.confidence === 'high') {
    return img.confidence;
  }
  const c = img.source?.confidence;
  if (!c) return 'high';
  if (/^medium/.test(c)) return 'medium';
  return 'low';
}

function sourceOf(img: DataImage): string {
  const s = img.source;
  if (s.repo && s.path) return `${s.repo} @${String(s.commit).slice(0, 7)}, ${s.path}`;
  const refs = (s.references ?? []).join(', ');
  return refs ? `GitHub threads: ${refs}` : 'no published figure found';
}

/** `929.95 Mb` / `1.02 Gb` (repo-info's decimal units) → bytes. */
function virtualBytes(text: string): number {
  const m = /^([\d.]+)\s*(Mb|Gb)$/.exec(text.trim());
  if (!m) throw new Error(`unreadable Virtual Size: ${text}`);
  return Math.round(Number(m[1]) * (m[2] === 'Gb' ? 1e9 : 1e6));
}

/**
 * Records for data/repo-info-sizes.json: size, date and source as read; the package list as the
 * file prints it (`list`), or copied from an image built from the same template, plus the closure
 * of what the Dockerfile installs. Debian/Ubuntu (apt) and Alpine (apk) images.
 */
function extraRecords(
  extra: RepoInfoSizes,
  data: BaseImagesData,
  aptTable: AptTable,
  built: Generated[],
): Generated[] {
  const out: Generated[] = [];
  for (const e of extra.images) {
    const isAlpine = e.osFamily === 'alpine';
    const fromKey = e.packages.from;
    const from = fromKey
      ? (data.images.find((i) => i.key === fromKey) ??
        out.find((r) => r.key === fromKey) ??
        built.find((r) => r.key === fromKey))
      : undefined;
    // `list`: the package list as the repo-info file prints it (read whole, no closure needed).
    if (!e.packages.list && !from?.packages)
      throw new Error(`no package list to start ${e.ref} from (${fromKey})`);
    const osRelease = e.osRelease;
    const probe = {
      osRelease,
      packageManager: isAlpine ? ('apk' as const) : ('apt' as const),
      osFamily: e.osFamily,
    };
    const aptRelease = isAlpine ? undefined : (aptReleaseOf(probe) as AptRelease);
    const packages = e.packages.list
      ? [...e.packages.list].sort()
      : e.packages.install && aptRelease
        ? aptClosure(aptTable, aptRelease, from!.packages!, e.packages.install).sort()
        : [...from!.packages!];
    const notes: string[] = [];
    if (e.note) notes.push(e.note);
    if (aptRelease && !osRelease.toLowerCase().includes(aptRelease)) {
      notes.push(`No apt table for ${osRelease}: package sizes use Debian ${aptRelease}.`);
    }
    const isOld = Number(e.created.slice(0, 4)) < 2026;
    out.push({
      ref: e.ref,
      key: e.ref,
      aliases: [],
      uncompressedBytes: virtualBytes(e.virtualSize),
      compressedBytes: null,
      created: e.created,
      source: `${e.repo ?? extra.source.repo} @${e.commit.slice(0, 7)}, ${e.path}`,
      confidence: e.confidence ?? (isOld ? 'medium' : 'high'),
      osFamily: e.osFamily,
      osRelease,
      libc: isAlpine ? 'musl' : 'glibc',
      hasShell: true,
      packageManager: isAlpine ? 'apk' : 'apt',
      ...(aptRelease ? { aptRelease } : {}),
      excludesDocs: !isAlpine && (/slim/.test(e.ref) || e.osFamily === 'ubuntu'),
      packages,
      runtimes: e.runtimes ?? {},
      defaultUser: 'root',
      entrypoint: e.entrypoint ?? null,
      cmd: e.cmd ?? (e.ref.startsWith('ruby:') ? ['irb'] : isAlpine ? ['/bin/sh'] : ['bash']),
      notes,
      packagesStatus: e.packages.list
        ? 'read-from-source'
        : e.packages.install
          ? 'derived'
          : `same-as:${fromKey}`,
    });
  }
  return out;
}

/** Pure transform from data/ (and the apt table) to the generated table. */
export function build(
  data: BaseImagesData,
  aptTable: AptTable,
  extra: RepoInfoSizes = { source: { repo: '' }, images: [] },
) {
  const images: Generated[] = [];
  for (const source of data.images) {
    const derived = DERIVED_PACKAGES[source.key];
    let img = source;
    if (derived && source.packages === null) {
      const base = data.images.find((i) => i.key === derived.from);
      if (!base?.packages) throw new Error(`no package list for ${derived.from}`);
      const packages = aptClosure(aptTable, derived.release, base.packages, derived.install);
      img = {
        ...source,
        packages,
        packagesStatus: 'derived',
        notes: [...(source.notes ?? []), derived.note],
      };
    }
    const facts = DISTROLESS_FACTS[img.key] ?? {};
    const ref = CANONICAL[img.key] ?? img.key;
    const notes = [...(img.notes ?? [])];
    let bytes = img.uncompressedBytes;
    let confidence = confidenceOf(img);
    let estimateMethod = img.estimateMethod;
    if (bytes === null && facts.estimateBytes) {
      bytes = facts.estimateBytes;
      confidence = 'low';
      estimateMethod = facts.estimateMethod;
    }
    if (bytes === null) throw new Error(`no size and no estimate for ${img.key}`);
    const aptRelease = aptReleaseOf(img);
    if (aptRelease && !img.osRelease.toLowerCase().includes(aptRelease)) {
      notes.push(
        `No apt table for ${img.osRelease}: package sizes use Debian/Ubuntu ${aptRelease}.`,
      );
    }
    // nginx's Debian image is built FROM debian:trixie-slim (data note), so it inherits the
    // slim image's dpkg path-exclude config.
    const isSlimDebian =
      img.osFamily === 'debian' && (/slim/.test(ref) || img.key === 'nginx:latest');
    const rec = {
      ref,
      key: img.key,
      aliases: [],
      uncompressedBytes: bytes,
      compressedBytes: img.compressedBytes,
      created: img.created ? img.created.slice(0, 10) : null,
      source: sourceOf(img),
      confidence,
      osFamily: img.osFamily,
      osRelease: img.osRelease,
      libc: img.libc,
      hasShell: img.hasShell,
      packageManager: img.packageManager,
      ...(aptRelease ? { aptRelease } : {}),
      // Debian -slim images and Ubuntu images ship a dpkg path-exclude config for docs, man
      // pages and locales (BASE-IMAGES.md caveat 5; Ubuntu's minimized images).
      excludesDocs: isSlimDebian || img.osFamily === 'ubuntu',
      packages: img.packages,
      runtimes: runtimesOf(img.runtimes ?? {}),
      defaultUser: /^root/.test(img.defaultUser) ? 'root' : img.defaultUser,
      entrypoint: facts.entrypoint ?? parseJsonArray(img.entrypoint),
      cmd: parseJsonArray(img.cmd),
      notes,
      ...(img.packagesStatus ? { packagesStatus: img.packagesStatus } : {}),
      ...(estimateMethod ? { estimateMethod } : {}),
      ...(img.contentsSummary ? { contentsSummary: img.contentsSummary } : {}),
      ...(img.runtimes?.nginx ? { nginx: img.runtimes.nginx } : {}),
    };
    images.push(rec);
    if (img.osFamily === 'distroless') {
      // `:nonroot` tags are the same layers with USER 65532 (distroless README, "tags").
      images.push({
        ...rec,
        ref: `${ref}:nonroot`,
        key: `${img.key}:nonroot`,
        defaultUser: 'nonroot',
        notes: [...notes, 'Same layers as the default tag; runs as user nonroot (uid 65532).'],
      });
    }
  }
  images.push(...extraRecords(extra, data, aptTable, images));
  return {
    source:
      'data/base-images.json and data/repo-info-sizes.json (docker-library/repo-info; distroless from GitHub threads)',
    collectedOn: data.collectedOn,
    generatedBy: 'scripts/gen-base-images.ts',
    images,
  };
}

export function render(data: BaseImagesData, aptTable: AptTable, extra: RepoInfoSizes): string {
  return (
    JSON.stringify(build(data, aptTable, extra), null, 0).replace(/\},\{"ref"/g, '},\n{"ref"') +
    '\n'
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const data = JSON.parse(readFileSync(INPUT, 'utf8')) as BaseImagesData;
  const aptTable = JSON.parse(readFileSync(APT_TABLE, 'utf8')) as AptTable;
  const extra = JSON.parse(readFileSync(REPO_INFO_SIZES, 'utf8')) as RepoInfoSizes;
  const text = render(data, aptTable, extra);
  if (process.argv.includes('--stdout')) {
    process.stdout.write(text);
  } else {
    mkdirSync(dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, text);
    console.log(
      `wrote ${OUTPUT} (${build(data, aptTable, extra).images.length} images, ${text.length} bytes)`,
    );
  }
}
