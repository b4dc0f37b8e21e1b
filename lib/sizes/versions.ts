/**
 * Version order and npm ranges for picking versions from the npm table, on top of npm's own
 * `semver` package. Prereleases only match a range that names a prerelease.
 */
import { compare, satisfies as semverSatisfies, valid, validRange } from 'semver';

/** Semver order of two version strings (unparsable ones sort first). */
export function compareVersions(a: string, b: string): number {
  const va = valid(a.trim());
  const vb = valid(b.trim());
  if (!va || !vb) return va ? 1 : vb ? -1 : 0;
  return compare(va, vb);
}

/**
 * Whether `version` satisfies `range`. `undefined` when the range is not a semver range
 * (a dist-tag, a git or file URL...), so the caller can decide.
 */
export function satisfies(version: string, range: string): boolean | undefined {
  const v = valid(version.trim());
  if (!v) return false;
  const r = range.trim();
  if (r === 'latest') return semverSatisfies(v, '*');
  if (validRange(r) === null) return undefined;
  return semverSatisfies(v, r);
}
