import type { ApkAddObservation, ApkPackage, PackageClosure } from './types';
import { APK_PIP } from './apk-pip-data';
import { dependencyClosure } from './closure';

const byName = new Map<string, ApkPackage>(APK_PIP.apk.packages.map((p) => [p.name, p]));

/**
 * What `apk update` or `apk add` without `--no-cache` leaves in /var/cache/apk: 2.5 MiB
 * (package-sizes.json `apkIndexCacheBytes`, confidence medium; observations 2016–2023).
 */
export const APK_INDEX_CACHE_BYTES: number = APK_PIP.apk.indexCacheBytes;

/** apk-tracked size of alpine:3.24 itself (~8.0 MiB), included in every `OK: N MiB` total. */
export const APK_BASE_INSTALLED_BYTES: number = APK_PIP.apk.baseImageApkInstalledBytes;

/** Real `apk add` runs with apk's whole-system total, for big groups (build-base, chromium...). */
export const apkAddObservations: readonly ApkAddObservation[] = APK_PIP.apk.observations;

/** Strips a version constraint (`curl=8.5.0-r0`, `nodejs>20`) and resolves `provides` names. */
export function normalizeApkName(name: string): string {
  const bare = name
    .trim()
    .toLowerCase()
    .replace(/[<>=~].*$/, '');
  return Object.hasOwn(APK_PIP.apk.aliases, bare) ? APK_PIP.apk.aliases[bare] : bare;
}

/** The Alpine package (preferred entry of the data), or `undefined` when not in the table. */
export function apkPackage(name: string): ApkPackage | undefined {
  return byName.get(normalizeApkName(name));
}

/**
 * What `apk add names...` adds: each package and its dependencies (from the data's `D:` fields),
 * minus those in `installed` (the base image's apk list and earlier installs). A package whose
 * estimate already counts its dependencies (`includesDeps`) is not expanded. Dependencies that
 * are in no table land in `unknown`, like unknown requested names.
 */
export function apkAddClosure(
  names: readonly string[],
  installed: ReadonlySet<string> = new Set(),
): PackageClosure {
  const { packages, totalBytes, unknown } = dependencyClosure(
    names.map(normalizeApkName),
    installed,
    (name) => byName.get(name),
    (pkg) => pkg.installedBytes,
    (pkg) => pkg.deps.map(normalizeApkName),
  );
  return { packages, totalBytes, unknown };
}
