import type { AptClosure, AptPackage, AptRelease } from './types';
import { APK_PIP } from './apk-pip-data';

/**
 * What `apt-get update` leaves in /var/lib/apt/lists until removed, per release.
 * bookworm: 19,872,227 B measured (du -sb after apt-get update on a debian:bookworm-derived
 * machine, indexes lz4-compressed by the image's docker-gzip-indexes config; PACKAGE-SIZES.md).
 * jammy: 39.82 MB from a published before/after comparison. noble: estimate (45 MB).
 * trixie and focal: see the apt generator (to be measured).
 */
export const APT_LISTS_BYTES: Record<AptRelease, number> = {
  bookworm: APK_PIP.aptLists.bookworm,
  trixie: APK_PIP.aptLists.bookworm,
  jammy: APK_PIP.aptLists.jammy,
  noble: APK_PIP.aptLists.noble,
  focal: APK_PIP.aptLists.jammy,
};

export interface AptInstallOptions {
  /** Install Recommends too (apt's default; off with `--no-install-recommends`). */
  recommends: boolean;
  /** Packages already present (the base image's dpkg list and earlier installs). */
  installed: ReadonlySet<string>;
  /** The image drops /usr/share/{doc,man,info,locale} (Debian -slim, Ubuntu). */
  excludesDocs: boolean;
}

/** The package in `release`'s table. The table lands in the next commit: `undefined` for now. */
export function aptPackage(_release: AptRelease, _name: string): AptPackage | undefined {
  return undefined;
}

/** Dependency closure of `apt-get install names...`. The table lands in the next commit. */
export function aptInstallClosure(
  release: AptRelease,
  names: readonly string[],
  _options: AptInstallOptions,
): AptClosure {
  void release;
  return { packages: [], totalBytes: 0, unknown: [...names] };
}
