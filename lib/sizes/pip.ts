import type { PipClosure, PypiPackage } from './types';
import { APK_PIP } from './apk-pip-data';
import { dependencyClosure } from './closure';

const byName = new Map<string, PypiPackage>(APK_PIP.pip.packages.map((p) => [p.name, p]));

/**
 * Bytes the pip cache keeps per byte of downloaded wheels: 1 (package-sizes.json `caches.pip`:
 * the HTTP cache stores whole responses; pip docs, "Caching"). Avoided by `--no-cache-dir`.
 */
export const PIP_CACHE_RATIO: number = APK_PIP.caches.pipRatioToDownloadedWheels;

/**
 * The PEP 503 name of a requirement: `Django[argon2]>=4.2 ; python_version>"3"` → `django`.
 * Empty for lines that name no package (comments, options, URLs without `#egg=`).
 */
export function normalizePipName(requirement: string): string {
  const line = requirement.replace(/\s+#.*$/, '').trim();
  if (line === '' || line.startsWith('#') || line.startsWith('-')) return '';
  const egg = /#egg=([A-Za-z0-9._-]+)/.exec(requirement);
  if (egg) return egg[1].toLowerCase().replace(/[-_.]+/g, '-');
  const at = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*@/.exec(line);
  const m = at ?? /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line);
  if (!m || (line.includes('://') && !at)) return '';
  return m[1].toLowerCase().replace(/[-_.]+/g, '-');
}

/** The PyPI package (latest version in the data), or `undefined` when not in the table. */
export function pypiPackage(name: string): PypiPackage | undefined {
  return byName.get(normalizePipName(name) || name.toLowerCase());
}

/**
 * What `pip install names...` adds: each package and its dependencies (from the data), with
 * installed bytes including the byte-compiled files pip writes. `wheelBytes` is what pip
 * downloads (what its cache keeps, times {@link PIP_CACHE_RATIO}). Names in no table are listed in
 * `unknown` (their size is not counted). `installed` names cost nothing.
 */
export function pipClosure(
  names: readonly string[],
  installed: ReadonlySet<string> = new Set(),
): PipClosure {
  const { packages, totalBytes, unknown, found } = dependencyClosure(
    names.map((n) => normalizePipName(n) || n.toLowerCase()).filter(Boolean),
    installed,
    (name) => byName.get(name),
    (pkg) => pkg.installedBytes,
    (pkg) => pkg.deps,
  );
  const wheelBytes = found.reduce((sum, pkg) => sum + pkg.wheelBytes, 0);
  return { packages, totalBytes, unknown, wheelBytes };
}

/** Bytes the pip cache (~/.cache/pip) keeps after installing `closure` without `--no-cache-dir`. */
export function pipCacheBytes(closure: PipClosure): number {
  return Math.round(closure.wheelBytes * PIP_CACHE_RATIO);
}
