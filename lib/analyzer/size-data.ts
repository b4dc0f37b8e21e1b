/**
 * The analyzer's single door to the size tables of lib/sizes. Everything the model needs to know
 * about bytes goes through here, so the estimate logic stays in one place and tests can see which
 * facts it rests on.
 */
import {
  APK_INDEX_CACHE_BYTES,
  APT_INFO_BYTES_PER_PACKAGE,
  APT_LISTS_BYTES,
  PIP_CACHE_RATIO as SIZES_PIP_CACHE_RATIO,
  apkAddClosure,
  aptInstallClosure,
  guessBaseImage,
  npmCacheBytes,
  npmClosure,
  pipClosure,
  pypiPackage,
  resolveBaseImage,
} from '../sizes';
import type { AptRelease, BaseImageRecord } from '../sizes/types';
import type { BaseIndex } from '../sizes/base-index';
import type { BaseImageSummary, Confidence } from './types';
import { cacheSlot, type AnalyzerCache } from './cache';
import { LIMITS } from '../limits';

export interface ResolvedBase {
  summary: BaseImageSummary;
  record: BaseImageRecord;
}

/**
 * Median compressed/uncompressed ratio of `records` that have both (gzip layers vs on disk).
 * Computed on each call (a sort of a few hundred numbers): no memo that could answer for another
 * list than the one given.
 */
export function measuredBaseCompressionRatio(records: BaseImageRecord[]): number {
  const ratios = records
    .filter((r) => r.compressedBytes && r.uncompressedBytes > 0)
    .map((r) => (r.compressedBytes as number) / r.uncompressedBytes)
    .sort((a, b) => a - b);
  return ratios.length ? ratios[Math.floor(ratios.length / 2)] : 0.4;
}

/**
 * Resolves a FROM reference to a table record: exact or alias match (`known`), else a guess from
 * the image's family (`known: false`, confidence low, source says so). Never returns size 0 for a
 * real image; `scratch` is 0 bytes, `known: false` and `guessed: false` (empty, so exact).
 */
export function resolveBase(
  ref: string,
  allRecords: () => BaseImageRecord[],
  index?: BaseIndex,
): ResolvedBase {
  const exact = resolveBaseImage(ref, index);
  const resolution = exact ?? guessBaseImage(ref, index);
  const record = resolution.record;
  if (record.osFamily === 'windows') {
    // No Linux guess for a Windows image: nothing is counted, and the source says why.
    return {
      record,
      summary: {
        ref,
        sizeBytes: 0,
        compressedSizeBytes: 0,
        known: false,
        guessed: false,
        unsupported: 'windows',
        source: record.source,
        confidence: 'low',
        osFamily: 'unknown',
        libc: 'unknown',
        hasShell: true,
        packageManager: 'unknown',
      },
    };
  }
  const isScratch = record.osFamily === 'scratch';
  const known = !!exact && !isScratch;
  const ratio = measuredBaseCompressionRatio(allRecords());
  const compressed = record.compressedBytes ?? Math.round(record.uncompressedBytes * ratio);
  let confidence: Confidence = record.confidence;
  if (!exact) confidence = 'low';
  else if (!resolution.isExact && confidence === 'high') confidence = 'medium';
  const source = exact
    ? record.source + (resolution.reason ? ` (${resolution.reason})` : '')
    : `guess from family: ${resolution.reason ?? record.ref}`;
  return {
    record,
    summary: {
      ref,
      resolvedRef: exact ? record.ref : undefined,
      sizeBytes: record.uncompressedBytes,
      compressedSizeBytes: compressed,
      known,
      guessed: !exact && !isScratch,
      source: isScratch ? record.source : source,
      confidence: isScratch ? 'high' : confidence,
      // rpm-based images (Oracle Linux, Amazon Linux, UBI) are sized but not modelled.
      osFamily: record.osFamily === 'rpm' ? 'unknown' : record.osFamily,
      libc: record.libc,
      hasShell: record.hasShell,
      packageManager: record.packageManager === 'rpm' ? 'unknown' : record.packageManager,
      ...(resolution.range ? { sizeRange: resolution.range } : {}),
    },
  };
}

export type { AptRelease };

/** A small bounded memo for pure size lookups (the same installs recur across edits and stages). */
function memo<T>(limit: number): {
  get(key: string): T | undefined;
  set(key: string, value: T): T;
} {
  const map = new Map<string, T>();
  return {
    get: (key) => map.get(key),
    set(key, value) {
      if (map.size >= limit) map.delete(map.keys().next().value as string);
      map.set(key, value);
      return value;
    },
  };
}

/** An unknown package: flagged, and sized with this assumption. */
export interface UnknownPackage {
  name: string;
  assumedBytes: number;
}

export interface PackageSet {
  packages: { name: string; bytes: number }[];
  unknown: UnknownPackage[];
}

/**
 * Sizes assumed for a package missing from the tables (flagged as unknown, lowering confidence).
 * Rough medians of the tables' own entries: most apt libraries are 0.5–5 MB installed.
 */
export const UNKNOWN_APT_BYTES = 2_000_000;
export const UNKNOWN_APK_BYTES = 1_000_000;
export const UNKNOWN_PIP_BYTES = 2_000_000;
export const UNKNOWN_NPM_BYTES = 500_000;
/**
 * A venv without pip (links to the interpreter, pyvenv.cfg, activate scripts): measured on this
 * machine (Debian 12, Python 3.11.7, 2026-12-03) as `python3 -m venv --without-pip v && du -sb v`.
 */
export const VENV_WITHOUT_PIP_BYTES = 42_778;

/** pip's own installed size when the table lacks it (pip 25.2 RECORD sum, package-sizes.json). */
export const PIP_SELF_BYTES = 5_320_607;
/** Wheel bytes per installed byte, for cache estimates of unknown packages. */
export const PIP_WHEEL_TO_INSTALLED = 0.35;
/** pip's HTTP cache ≈ the downloaded wheels (package-sizes.json caches.pip.ratioToDownloadedWheels). */
export const PIP_CACHE_RATIO = SIZES_PIP_CACHE_RATIO;
/**
 * npm cache / node_modules: measured 1.85 (express, 71 packages) and 0.73 (typescript+eslint) on
 * the data machine (package-sizes.json caches.npm); 1.0 sits between them.
 */
export const NPM_CACHE_RATIO = 1.0;

/** Bytes `apt-get update` leaves in /var/lib/apt/lists (bookworm when the release is unknown). */
export function aptListsBytes(release: AptRelease | undefined, record: BaseImageRecord): number {
  void record;
  const bytes = APT_LISTS_BYTES[release ?? 'bookworm'];
  // bookworm's 19,872,227 B (measured, package-sizes.json) when the table has no figure.
  return Number.isFinite(bytes) && bytes > 0
    ? bytes
    : Number.isFinite(APT_LISTS_BYTES.bookworm)
      ? APT_LISTS_BYTES.bookworm
      : 19_872_227;
}

/** dpkg's own files per installed package: see APT_INFO_BYTES_PER_PACKAGE in lib/sizes. */
export function aptStateBytesPerPackage(): number {
  return APT_INFO_BYTES_PER_PACKAGE;
}

/**
 * Every layer that runs dpkg rewrites its database and logs whole. Measured on this machine
 * (Debian bookworm, 825 packages, 2026-11-27): /var/lib/dpkg/status 736,481 B and status-old the
 * same (≈ 893 B a package each); /var/cache/debconf/templates.dat 1,022,476 B and templates.dat-old
 * the same (≈ 1,240 B a package each); ld.so.cache 38,759 B, ldconfig aux-cache 33,942 B,
 * apt's eipp.log.xz 29,868 B, extended_states ≈ 55 B a package, plus the apt/dpkg logs of the run.
 */
export function dpkgRewriteBytes(packageCount: number, installedNow: number): number {
  const perPackage = 2 * 893 + 2 * 1240 + 55;
  // dpkg.log grows ~500 B (measured: 408,920 B of log for 825 packages) per package installed.
  return packageCount * perPackage + installedNow * 500 + 38_759 + 33_942 + 29_868;
}

/**
 * Closures worked out in this cache, by release, base, Recommends, docs and names (an LRU as large
 * as the analyzer's line cap, so a re-analysis finds every install of the file again).
 */
const APT_CLOSURES = cacheSlot('apt closures', () => new Map<string, PackageSet>());
const APT_CLOSURES_LIMIT = LIMITS.analyzer.lines;
/** Each base image's package list as a set, made once per list. */
const APT_BASE_SETS = cacheSlot(
  'apt base package sets',
  () => new WeakMap<readonly string[], Set<string>>(),
);

/**
 * What `apt-get install names` adds on top of `installed`. The closure is worked out against the
 * base image's package list (memoised per base in `cache`) and then whatever earlier layers
 * installed is subtracted; the only difference from apt is which member of an alternatives group
 * an earlier install might already have chosen.
 */
export function aptInstall(names: string[], opts: AptInstallOptions): PackageSet {
  const full = aptFullClosure(names, opts);
  return {
    packages: full.packages.filter((p) => !opts.installed.has(p.name)),
    unknown: full.unknown.filter((u) => !opts.installed.has(u.name)),
  };
}

/**
 * The bytes of the sized packages `aptInstall(names, opts)` would return (their sum, in the same
 * order), without building the lists: what an install with Recommends off weighs, to compare.
 */
export function aptInstallBytes(names: string[], opts: AptInstallOptions): number {
  let bytes = 0;
  for (const p of aptFullClosure(names, opts).packages)
    if (!opts.installed.has(p.name)) bytes += p.bytes;
  return bytes;
}

export interface AptInstallOptions {
  release?: AptRelease;
  installed: Set<string>;
  basePackages: readonly string[] | null;
  baseKey: string;
  recommends: boolean;
  excludeDocs: boolean;
  cache: AnalyzerCache;
}

/** The closure against the base image's list, before what earlier layers installed is taken off. */
function aptFullClosure(names: string[], opts: AptInstallOptions): PackageSet {
  const key = `${opts.release}|${opts.baseKey}|${opts.recommends ? 1 : 0}|${opts.excludeDocs ? 1 : 0}|${names.join(' ')}`;
  const memo = opts.cache.get(APT_CLOSURES);
  let full = memo.get(key);
  if (full) {
    memo.delete(key);
    memo.set(key, full);
  } else {
    let closure: ReturnType<typeof aptInstallClosure>;
    try {
      closure = aptInstallClosure(opts.release ?? 'bookworm', names, {
        recommends: opts.recommends,
        installed: baseSet(opts.basePackages, opts.cache),
        excludesDocs: opts.excludeDocs,
      });
    } catch {
      // A table that fails to load must not break the analysis: everything becomes an unknown.
      closure = { packages: [], totalBytes: 0, unknown: [...names] };
    }
    full = {
      packages: closure.packages,
      unknown: closure.unknown.map((name) => ({ name, assumedBytes: UNKNOWN_APT_BYTES })),
    };
    memo.set(key, full);
    if (memo.size > APT_CLOSURES_LIMIT) memo.delete(memo.keys().next().value as string);
  }
  return full;
}

function baseSet(packages: readonly string[] | null, cache: AnalyzerCache): ReadonlySet<string> {
  if (!packages) return new Set();
  const sets = cache.get(APT_BASE_SETS);
  let set = sets.get(packages);
  if (!set) {
    set = new Set(packages);
    sets.set(packages, set);
  }
  return set;
}

export function apkIndexCacheBytes(): number {
  return APK_INDEX_CACHE_BYTES;
}

/** `apk add` closures worked out in this cache, by base and names. */
const APK_CLOSURES = cacheSlot('apk closures', () => memo<PackageSet>(256));

/**
 * What `apk add names` adds on top of `installed`: the closure against the base image's list
 * (memoised per base), minus what earlier layers added.
 */
export function apkAdd(
  names: string[],
  installed: Set<string>,
  basePackages: readonly string[] | null,
  baseKey: string,
  cache: AnalyzerCache,
): PackageSet {
  const key = `${baseKey}|${names.join(' ')}`;
  const apkMemo = cache.get(APK_CLOSURES);
  let full = apkMemo.get(key);
  if (!full) {
    const closure = apkAddClosure(names, new Set(basePackages ?? []));
    full = apkMemo.set(key, {
      packages: closure.packages,
      unknown: closure.unknown.map((name) => ({ name, assumedBytes: UNKNOWN_APK_BYTES })),
    });
  }
  return {
    packages: full.packages.filter((p) => !installed.has(p.name)),
    unknown: full.unknown.filter((u) => !installed.has(u.name)),
  };
}

export function isBasePackage(record: BaseImageRecord, name: string): boolean {
  return !!record.packages?.includes(name);
}

/** Alpine's python3 minor version by branch (pkgs.alpinelinux.org: 3.18–3.19 ship 3.11, 3.20–3.22 ship 3.12). */
export function alpinePython(record: BaseImageRecord): string | undefined {
  const m = /^3\.(\d+)/.exec(record.osRelease);
  if (!m) return undefined;
  const minor = Number(m[1]);
  if (minor <= 17) return minor >= 15 ? '3.10' : '3.9';
  if (minor <= 19) return '3.11';
  if (minor <= 22) return '3.12';
  return undefined;
}

export interface PipResult {
  packages: {
    name: string;
    installedBytes: number;
    wheelBytes: number;
    needsCompileOnMusl: boolean;
    unavailableOnMusl: boolean;
  }[];
  unknown: UnknownPackage[];
}

/** `pip install` closures worked out in this cache, by names. */
const PIP_CLOSURES = cacheSlot('pip closures', () => memo<PipResult>(256));

/** What `pip install names` adds: the closure with installed and wheel bytes per package. */
export function pipInstall(
  names: string[],
  opts: { musl: boolean; cache: AnalyzerCache },
): PipResult {
  const key = names.join(' ');
  const pipMemo = opts.cache.get(PIP_CLOSURES);
  const hit = pipMemo.get(key);
  if (hit) return hit;
  const closure = pipClosure(names);
  return pipMemo.set(key, {
    packages: closure.packages.map((p) => {
      const info = pypiPackage(p.name);
      return {
        name: p.name,
        installedBytes: p.bytes,
        wheelBytes: info?.wheelBytes ?? Math.round(p.bytes * PIP_WHEEL_TO_INSTALLED),
        needsCompileOnMusl: !!info?.needsCompileOnMusl,
        unavailableOnMusl: !!info?.unavailableOnMusl,
      };
    }),
    unknown: closure.unknown.map((name) => ({ name, assumedBytes: UNKNOWN_PIP_BYTES })),
  });
}

/** `npm install` closures worked out in this cache, by libc and dependencies. */
const NPM_CLOSURES = cacheSlot('npm closures', () =>
  memo<PackageSet & { cacheBytes: number }>(128),
);

/** What `npm install` of `deps` adds (npmClosure of lib/sizes), package names without versions. */
export function npmInstall(
  deps: Record<string, string>,
  libc: 'glibc' | 'musl' | 'none' | 'unknown',
  cache: AnalyzerCache,
): PackageSet & { cacheBytes: number } {
  const key = `${libc}|${JSON.stringify(deps)}`;
  const npmMemo = cache.get(NPM_CLOSURES);
  const hit = npmMemo.get(key);
  if (hit) return hit;
  const closure = npmClosure(deps, { libc: libc === 'musl' ? 'musl' : 'glibc' });
  const packages = closure.packages.map((p) => {
    const at = p.name.lastIndexOf('@');
    return { name: at > 0 ? p.name.slice(0, at) : p.name, bytes: p.bytes };
  });
  return npmMemo.set(key, {
    packages,
    unknown: closure.unknown.map((name) => ({ name, assumedBytes: UNKNOWN_NPM_BYTES })),
    cacheBytes: npmCacheBytes(closure),
  });
}
