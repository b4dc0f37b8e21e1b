/**
 * Generates lib/sizes/generated/apk-pip.json from data/package-sizes.json, in the shape
 * lib/sizes reads (`ApkPipTable`).
 * Usage: npx tsx scripts/gen-apk-pip.ts [--stdout]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Confidence } from '../lib/analyzer/types';
import type { ApkPipTable } from '../lib/sizes/apk-pip-data';
import type { ApkAddObservation, ApkPackage, PypiPackage } from '../lib/sizes/types';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const INPUT = join(ROOT, 'data', 'package-sizes.json');
export const OUTPUT = join(ROOT, 'lib', 'sizes', 'generated', 'apk-pip.json');

/**
 * .pyc bytes per byte of .py that pip writes at install time (it compiles without -O).
 * Measured on this machine 2026-11-27 (Python 3.11.7, pyenv site-packages): median over the 71
 * packages with >50 KB of .py was 1.28 (quartiles 1.18 and 1.46); the byte-weighted total was
 * 1.42 (130,042,075 B of .py, 185,305,878 B of .pyc), pulled up by sympy (1.86).
 */
export const PYC_PER_PY_BYTE = 1.28;

/** data/package-sizes.json (the fields this generator reads). */
export interface PackageSizesData {
  collectedOn: string;
  alpine: {
    baseImageApkInstalledBytes: { value: number };
    apkIndexCacheBytes: number;
    packages: {
      name: string;
      version?: string;
      alpineBranch?: string;
      installedBytes?: number | null;
      estimate?: number;
      deps?: string[];
      confidence: Confidence;
      preferred?: boolean;
      /** Full Alpine release of the image the figure was read from (`3.24.1`). */
      alpineRelease?: string;
      /** The file the figure was read from, at the commit it was read at. */
      sourceFile?: { repo: string; path: string; commit: string };
    }[];
    apkAddObservations: {
      command: string;
      alpineBranch: string;
      result: string;
      note?: string;
      source: string;
    }[];
  };
  pypi: DataPypi[];
  caches: {
    pip: { ratioToDownloadedWheels: number };
    npm: { measurements: (ApkPipTable['caches']['npm'][number] & { indexBytes?: number })[] };
  };
  debianAptListsBytes: Record<string, { bytes?: number; estimate?: number }>;
}

interface DataPypi {
  name: string;
  version?: string;
  installedBytes?: number;
  wheelBytes?: number;
  sdistBytes?: number;
  pureWheel?: boolean;
  musllinuxWheels?: boolean;
  pureFallbackWheelBytes?: number;
  installedPySourceBytes?: number;
  estimate?: { installedBytes?: number };
  deps?: string[];
  confidence?: string;
  alpineNote?: string;
}

/**
 * apk estimates that are whole RUN-line totals (the package with its dependencies), per the
 * data's notes: their dependencies are not added again.
 */
const APK_TOTALS_WITH_DEPS: Record<string, string> = {
  // build-base is no longer one: since 2026-12-04 it is the 0 B meta package of the znc image's
  // report, and g++ and libstdc++-dev, the pieces that were estimates, are measured too, so the
  // closure adds up its compilers.
  chromium:
    'estimate is the RUN-line total of chromium and its ~190 dependencies (observations 727 and 748.8 MiB)',
  'postgresql17-dev':
    'estimate is the RUN-line total with clang/llvm (observation: ~400+ MiB for postgresql-dev and deps)',
  ffmpeg: 'estimate covers the ffmpeg codec libraries listed in the notes',
  nodejs: 'estimate includes ~8 MiB for icu-libs, icu-data-en and the small libraries (notes)',
  'py3-pip':
    'estimate covers py3-pip, py3-setuptools, py3-packaging and py3-parsing with their -pyc packages (notes)',
};

/** Names `apk add` accepts that are provided by another package (aports `provides=`). */
const APK_ALIASES: Record<string, string> = {
  'postgresql-dev': 'postgresql17-dev',
  'postgresql-client': 'postgresql17-client',
  'jpeg-dev': 'libjpeg-turbo-dev',
  'openssh-client': 'openssh-client-default',
  pkgconfig: 'pkgconf',
  'pkg-config': 'pkgconf',
  'libstdc++6': 'libstdc++',
  // procps was renamed procps-ng, which provides the old name (alpinelinux/aports
  // main/procps-ng/APKBUILD at commit 84a227baf001b6e0208e3352b294e4d7a40e93de: provides="procps=...").
  procps: 'procps-ng',
  // adoptium/containers 21/jdk/alpine/3.24/Dockerfile (commit f29497dc612ac4f72155dae4ce85105fe9b8faca)
  // installs ttf-dejavu; the image's repo-info report lists font-dejavu and no ttf-dejavu.
  'ttf-dejavu': 'font-dejavu',
};

/**
 * Dependencies recorded from older branches' `D:` fields name the package that provided a
 * shared library then; on 3.23/3.24 the library is packaged under another name (the repo-info
 * reports of 3.24 images list libexpat, acl-libs and libncursesw, and no expat, libacl or
 * ncurses-libs). Only dependency lists are renamed: `apk add expat` still means expat.
 */
const DEP_RENAMES: Record<string, string> = {
  expat: 'libexpat',
  libacl: 'acl-libs',
  'ncurses-libs': 'libncursesw',
};

type DataApk = PackageSizesData['alpine']['packages'][number];

/**
 * A record that names the file it was read from must say which repository, path and commit
 * (40 hex digits), and, with it, the Alpine release and a branch that release belongs to.
 * Returns what is wrong, or nothing.
 */
export function citationProblems(p: DataApk): string[] {
  if (!p.sourceFile) return [];
  const problems: string[] = [];
  const { repo, path, commit } = p.sourceFile;
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo ?? '')) problems.push(`repo "${repo}" is not owner/name`);
  if (!path) problems.push('no path');
  if (!/^[0-9a-f]{40}$/.test(commit ?? ''))
    problems.push(`commit "${commit}" is not 40 hex digits`);
  if (!p.alpineRelease || !/^\d+\.\d+(\.\d+)?$/.test(p.alpineRelease)) {
    problems.push(`alpineRelease "${p.alpineRelease}" is not a release number`);
  } else if (
    p.alpineBranch &&
    p.alpineRelease !== p.alpineBranch &&
    !p.alpineRelease.startsWith(`${p.alpineBranch}.`)
  ) {
    problems.push(`alpineRelease ${p.alpineRelease} is not on branch ${p.alpineBranch}`);
  }
  return problems;
}

function parseApkResult(
  result: string,
): Pick<ApkAddObservation, 'totalBytes' | 'packageCount'> | null {
  const m = /OK:\s*([\d.]+)\s*MiB in (\d+) packages/.exec(result);
  if (!m) return null;
  return { totalBytes: Math.round(Number(m[1]) * 1048576), packageCount: Number(m[2]) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function buildApk(alpine: PackageSizesData['alpine']): ApkPipTable['apk'] {
  const problems = alpine.packages.flatMap((p) =>
    citationProblems(p).map((why) => `${p.name} ${p.version ?? ''}: ${why}`),
  );
  if (problems.length > 0) {
    throw new Error(`data/package-sizes.json alpine.packages:\n  ${problems.join('\n  ')}`);
  }
  const preferred = new Map<string, DataApk>();
  for (const p of alpine.packages) {
    if (p.preferred || !preferred.has(p.name)) preferred.set(p.name, p);
  }
  const packages = [...preferred.values()].map((p) => {
    const estimated = p.installedBytes === null || p.installedBytes === undefined;
    const bytes = estimated ? (p.estimate ?? 0) : (p.installedBytes as number);
    const deps = (p.deps ?? [])
      .filter((d) => /^[a-z0-9][\w.+-]*$/i.test(d))
      .map((d) => DEP_RENAMES[d] ?? d);
    const out: ApkPackage = {
      name: p.name,
      version: p.version,
      branch: p.alpineBranch,
      installedBytes: bytes,
      deps: APK_TOTALS_WITH_DEPS[p.name] ? [] : deps,
      confidence: estimated ? (p.confidence === 'medium' ? 'medium' : 'low') : p.confidence,
    };
    if (APK_TOTALS_WITH_DEPS[p.name]) out.includesDeps = APK_TOTALS_WITH_DEPS[p.name];
    if (estimated) out.estimated = true;
    return out;
  });
  const observations = alpine.apkAddObservations.map((o) => ({
    command: o.command,
    alpineBranch: o.alpineBranch,
    ...parseApkResult(o.result),
    result: o.result,
    ...(o.note ? { note: o.note } : {}),
    source: o.source,
  })) as ApkAddObservation[];
  return {
    baseImageApkInstalledBytes: alpine.baseImageApkInstalledBytes.value,
    indexCacheBytes: alpine.apkIndexCacheBytes,
    aliases: APK_ALIASES,
    packages,
    observations,
  };
}

function pipConfidence(p: DataPypi, estimated: boolean): Confidence {
  if (estimated) return 'low';
  return /medium/.test(p.confidence ?? '') ? 'medium' : 'high';
}

function buildPip(pypi: DataPypi[]): ApkPipTable['pip'] {
  // Calibration from the entries that have both numbers (reported in the output).
  type Measured = DataPypi & { installedBytes: number; wheelBytes: number };
  const measured = pypi.filter((p): p is Measured => Boolean(p.installedBytes && p.wheelBytes));
  const ratio = (pred: (p: Measured) => unknown, f: (p: Measured) => number) =>
    median(measured.filter(pred).map(f));
  const isPure = (p: DataPypi) => p.pureWheel === true;
  const cal = {
    installedPerWheelPure: round3(ratio(isPure, (p) => p.installedBytes / p.wheelBytes)),
    installedPerWheelBinary: round3(
      ratio(
        (p) => !isPure(p),
        (p) => p.installedBytes / p.wheelBytes,
      ),
    ),
    pySharePure: round3(
      ratio(
        (p) => isPure(p) && p.installedPySourceBytes,
        (p) => (p.installedPySourceBytes as number) / p.installedBytes,
      ),
    ),
    pyShareBinary: round3(
      ratio(
        (p) => !isPure(p) && p.installedPySourceBytes,
        (p) => (p.installedPySourceBytes as number) / p.installedBytes,
      ),
    ),
    pycPerPyByte: PYC_PER_PY_BYTE,
  };
  const packages = pypi.map((p): PypiPackage => {
    const pure = isPure(p);
    let installed = p.installedBytes;
    let estimated = false;
    if (!installed) {
      estimated = true;
      installed =
        p.estimate?.installedBytes ??
        Math.round(
          (p.wheelBytes ?? 0) * (pure ? cal.installedPerWheelPure : cal.installedPerWheelBinary),
        );
    }
    const pyBytes =
      p.installedPySourceBytes ??
      Math.round(installed * (pure ? cal.pySharePure : cal.pyShareBinary));
    const pycBytes = Math.round(pyBytes * PYC_PER_PY_BYTE);
    const noMuslWheel = p.musllinuxWheels === false;
    const hasPureFallback = Boolean(p.pureFallbackWheelBytes);
    return {
      name: p.name,
      version: p.version,
      installedBytes: installed + pycBytes,
      pycBytes,
      wheelBytes: p.wheelBytes ?? p.sdistBytes ?? 0,
      musllinuxWheels: p.musllinuxWheels ?? null,
      needsCompileOnMusl: noMuslWheel && !hasPureFallback && Boolean(p.sdistBytes),
      unavailableOnMusl: noMuslWheel && !hasPureFallback && !p.sdistBytes,
      deps: p.deps ?? [],
      confidence: pipConfidence(p, estimated),
      ...(p.alpineNote ? { alpineNote: p.alpineNote } : {}),
      ...(estimated ? { estimated: true } : {}),
    };
  });
  return { calibration: cal, packages };
}

/** Pure transform from data/package-sizes.json to the generated table (tested for freshness). */
export function build(data: PackageSizesData): ApkPipTable & { generatedBy: string } {
  return {
    source:
      'data/package-sizes.json (repo-info apk reports, committed APKINDEX/installed files, uv.lock wheel sizes, committed RECORD files)',
    collectedOn: data.collectedOn,
    generatedBy: 'scripts/gen-apk-pip.ts',
    apk: buildApk(data.alpine),
    pip: buildPip(data.pypi),
    caches: {
      pipRatioToDownloadedWheels: data.caches.pip.ratioToDownloadedWheels,
      npm: data.caches.npm.measurements.map((m) => ({
        install: m.install,
        cacheBytes: m.cacheBytes,
        nodeModulesBytes: m.nodeModulesBytes,
        tarballBytes: m.tarballBytes,
        packumentBytes: m.packumentBytes,
        ...(m.indexBytes ? { indexBytes: m.indexBytes } : {}),
        measuredOn: m.measuredOn,
      })),
    },
    aptLists: {
      bookworm: data.debianAptListsBytes['debian-bookworm'].bytes as number,
      bookwormUncompressed: data.debianAptListsBytes['debian-bookworm-uncompressedLists']
        .bytes as number,
      jammy: data.debianAptListsBytes['ubuntu-22.04-jammy'].bytes as number,
      noble:
        data.debianAptListsBytes['ubuntu-24.04-noble'].bytes ??
        (data.debianAptListsBytes['ubuntu-24.04-noble'].estimate as number),
    },
  };
}

export function render(data: PackageSizesData): string {
  return JSON.stringify(build(data), null, 0).replace(/\},\{"name"/g, '},\n{"name"') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const data = JSON.parse(readFileSync(INPUT, 'utf8')) as PackageSizesData;
  const text = render(data);
  if (process.argv.includes('--stdout')) {
    process.stdout.write(text);
  } else {
    mkdirSync(dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, text);
    const b = build(data);
    console.log(
      `wrote ${OUTPUT} (${b.apk.packages.length} apk, ${b.pip.packages.length} pip, ${text.length} bytes)`,
    );
    console.log('pip calibration', b.pip.calibration);
  }
}
