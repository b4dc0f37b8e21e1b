import type { AptClosure, AptPackage, AptRelease } from './types';
import { listBaseImages } from './base-images';
import generated from './generated/apt.json';
import { lazy, lazyPer } from './lazy';

/** One release of generated/apt.json, as scripts/gen-apt.ts writes it (see its `format`). */
export interface AptReleaseTable {
  inputs: { files: string[]; newestInRelease: string; packagesInArchive: number };
  calibration: Record<string, number>;
  measuredPackages: number;
  listsBytes: number;
  listsNote: string;
  missingSeeds: string[];
  missingBase: string[];
  virtuals: Record<string, string[]>;
  names: string;
  rows: string;
}

/** Shape of generated/apt.json. */
export interface AptTable {
  source: string;
  generatedOn: string;
  releases: Record<AptRelease, AptReleaseTable>;
}

const table = generated as unknown as AptTable;

/** Every release with a table, in the generator's order. */
export const APT_RELEASES = Object.keys(table.releases) as AptRelease[];

/**
 * Where each apt table comes from and when: the newest InRelease date of its archive indexes,
 * how many packages it holds and how the doc/pyc shares were calibrated (for the UI and tests).
 */
export function aptTableInfo(release: AptRelease) {
  const t = table.releases[release];
  return {
    source: table.source,
    generatedOn: table.generatedOn,
    newestInRelease: t.inputs.newestInRelease,
    packagesInArchive: t.inputs.packagesInArchive,
    measuredPackages: t.measuredPackages,
    calibration: t.calibration,
    listsNote: t.listsNote,
    missingSeeds: t.missingSeeds,
  };
}

/**
 * What `apt-get update` leaves in /var/lib/apt/lists until removed in the same layer, per
 * release, measured with `du -sb` right after `apt-get update` with the official images' apt
 * config (scripts/gen-apt.ts; bookworm 19,872,227 B per PACKAGE-SIZES.md). See
 * {@link aptTableInfo} for how each figure was taken.
 */
export const APT_LISTS_BYTES: Record<AptRelease, number> = Object.fromEntries(
  APT_RELEASES.map((r) => [r, table.releases[r].listsBytes]),
) as Record<AptRelease, number>;

/** A release's table decoded: packages by name and virtual names' providers. */
export interface AptReleaseIndex {
  byName: Map<string, AptPackage>;
  virtuals: Map<string, string[]>;
  /** The same table as numbered arrays, for {@link aptClosureIn}. */
  graph: AptGraph;
}

/**
 * A release's dependency graph with every name numbered: what the closure walks, so that a walk
 * compares numbers and reads arrays instead of hashing names and allocating per step. Built once
 * per decoded table; read-only afterwards.
 */
export interface AptGraph {
  /** Number of every name (real packages, virtual names, names only dependencies mention). */
  ids: Map<string, number>;
  names: string[];
  /** 1 where the name is a real package of the table. */
  isReal: Uint8Array;
  /** Providers of a virtual name, in apt's preference order (undefined when it is not one). */
  providers: (Int32Array | undefined)[];
  /**
   * Depends and Recommends groups, flattened: for package `id`, `groups[depStart[id]…]` holds
   * `depCount[id]` Depends groups and then `recCount[id]` Recommends groups, each written as its
   * length and then its members.
   */
  groups: Int32Array;
  depStart: Int32Array;
  depCount: Int32Array;
  recCount: Int32Array;
  /** {@link aptPackageBytes} of each real package, with and without docs excluded. */
  bytesKeepDocs: Float64Array;
  bytesNoDocs: Float64Array;
}

/** A release's rows decoded into packages by name (once per release, see lazy.ts). */
const load = lazyPer((release: AptRelease): AptReleaseIndex =>
  decodeAptRelease(table.releases[release]),
);

/** Decodes one release of the generated table (the committed one, or one a generator read). */
export function decodeAptRelease(t: AptReleaseTable): AptReleaseIndex {
  const fileFactor = t.calibration.fileBytesPerInstalledByte;
  const names = t.names.split('\n');
  const ref = (token: string) =>
    token.startsWith('~') ? token.slice(1) : names[parseInt(token, 36)];
  const groups = (field: string) =>
    field === '' ? [] : field.split(',').map((g) => g.split('/').map(ref));
  const byName = new Map<string, AptPackage>();
  t.rows.split('\n').forEach((row, i) => {
    const [version, kib, docKib, pycKib, deps, recs, filesKib] = row.split('|');
    byName.set(names[i], {
      name: names[i],
      version,
      installedBytes: Number(kib) * 1024,
      fileBytes: filesKib ? Number(filesKib) * 1024 : Math.round(Number(kib) * 1024 * fileFactor),
      docBytes: Number(docKib) * 1024,
      pycBytes: Number(pycKib) * 1024,
      depends: groups(deps),
      recommends: groups(recs),
    });
  });
  const virtuals = new Map(Object.entries(t.virtuals));
  return { byName, virtuals, graph: compileGraph(byName, virtuals) };
}

function compileGraph(byName: Map<string, AptPackage>, virtuals: Map<string, string[]>): AptGraph {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (name: string): number => {
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      ids.set(name, id);
      names.push(name);
    }
    return id;
  };
  for (const name of byName.keys()) idOf(name);
  for (const [name, list] of virtuals) {
    idOf(name);
    for (const p of list) idOf(p);
  }
  for (const pkg of byName.values())
    for (const group of [...pkg.depends, ...pkg.recommends]) for (const n of group) idOf(n);
  const count = names.length;
  const isReal = new Uint8Array(count);
  const providers: (Int32Array | undefined)[] = new Array(count).fill(undefined);
  const depStart = new Int32Array(count);
  const depCount = new Int32Array(count);
  const recCount = new Int32Array(count);
  const bytesKeepDocs = new Float64Array(count);
  const bytesNoDocs = new Float64Array(count);
  const flat: number[] = [];
  for (const [name, list] of virtuals)
    providers[ids.get(name) as number] = Int32Array.from(list, (p) => ids.get(p) as number);
  for (const pkg of byName.values()) {
    const id = ids.get(pkg.name) as number;
    isReal[id] = 1;
    bytesKeepDocs[id] = aptPackageBytes(pkg, false);
    bytesNoDocs[id] = aptPackageBytes(pkg, true);
    depStart[id] = flat.length;
    depCount[id] = pkg.depends.length;
    recCount[id] = pkg.recommends.length;
    for (const group of [...pkg.depends, ...pkg.recommends]) {
      flat.push(group.length);
      for (const n of group) flat.push(ids.get(n) as number);
    }
  }
  return {
    ids,
    names,
    isReal,
    providers,
    groups: Int32Array.from(flat),
    depStart,
    depCount,
    recCount,
    bytesKeepDocs,
    bytesNoDocs,
  };
}

/**
 * The name apt would act on: `curl=7.88.1-10`, `curl/bookworm-backports`, `curl:amd64` → `curl`.
 * Empty for option-like tokens.
 */
export function normalizeAptName(token: string): string {
  const t = token.trim().toLowerCase();
  if (t === '' || t.startsWith('-')) return '';
  return t.replace(/[=/].*$/, '').replace(/:[a-z0-9]+$/, '');
}

/** The real package `name` in `release`'s table, or `undefined` (virtual or unknown names). */
export function aptPackage(release: AptRelease, name: string): AptPackage | undefined {
  return load(release).byName.get(normalizeAptName(name));
}

/** Packages of `release`'s table that provide the virtual `name`, in apt's preference order. */
export function aptProviders(release: AptRelease, name: string): string[] {
  return [...(load(release).virtuals.get(normalizeAptName(name)) ?? [])];
}

/** Every package name in `release`'s table (for coverage checks and completion). */
export function aptPackageNames(release: AptRelease): string[] {
  return [...load(release).byName.keys()];
}

export interface AptInstallOptions {
  /** Install Recommends too (apt's default; off with `--no-install-recommends`). */
  recommends: boolean;
  /** Packages already present (the base image's dpkg list and earlier installs). */
  installed: ReadonlySet<string>;
  /** The image drops /usr/share/{doc,man,info,locale} (Debian -slim, Ubuntu). */
  excludesDocs: boolean;
}

/**
 * Bytes a package adds to a layer: its files (see `fileBytes`), minus docs where the image
 * excludes them, plus the .pyc files written at install.
 */
export function aptPackageBytes(pkg: AptPackage, excludesDocs: boolean): number {
  return (pkg.fileBytes ?? pkg.installedBytes) - (excludesDocs ? pkg.docBytes : 0) + pkg.pycBytes;
}

/**
 * What `apt-get install names...` adds on `release`: the closure over Depends and Pre-Depends
 * (plus Recommends when `recommends`), minus what is `installed`. An alternatives group is
 * satisfied by any member already present or chosen, else by its first real package, else by the
 * preferred provider of its first virtual name; a requested virtual name gets its preferred
 * provider. Version constraints are not checked (the table holds each release's newest version).
 * Names in no table are listed in `unknown` and cost nothing here: the caller estimates them.
 */
export function aptInstallClosure(
  release: AptRelease,
  names: readonly string[],
  options: AptInstallOptions,
): AptClosure {
  return aptClosureIn(load(release), names, options);
}

/** {@link aptInstallClosure} over a decoded table ({@link decodeAptRelease}). */
export function aptClosureIn(
  index: AptReleaseIndex,
  names: readonly string[],
  options: AptInstallOptions,
): AptClosure {
  const {
    ids,
    names: nameOf,
    isReal,
    providers,
    groups,
    depStart,
    depCount,
    recCount,
  } = index.graph;
  const installed = options.installed;
  // Per name: 0 not asked yet, 1 installed, 2 not installed (asked of `installed` once).
  const isInstalled = new Uint8Array(nameOf.length);
  const chosen = new Uint8Array(nameOf.length);
  const present = (id: number): boolean => {
    if (chosen[id] === 1) return true;
    let known = isInstalled[id];
    if (known === 0) isInstalled[id] = known = installed.has(nameOf[id]) ? 1 : 2;
    return known === 1;
  };
  const satisfied = (id: number): boolean => {
    if (present(id)) return true;
    const list = providers[id];
    if (list) for (let i = 0; i < list.length; i++) if (present(list[i])) return true;
    return false;
  };
  // The member of the group at groups[at…at+length) to install: none when one is already
  // satisfied, else the first real package, else the first provider of the first virtual name.
  const pick = (at: number, length: number): number => {
    for (let i = 0; i < length; i++) if (satisfied(groups[at + i])) return -1;
    for (let i = 0; i < length; i++) if (isReal[groups[at + i]] === 1) return groups[at + i];
    for (let i = 0; i < length; i++) {
      const list = providers[groups[at + i]];
      if (list && list.length > 0) return list[0];
    }
    return -1;
  };
  const order: number[] = [];
  const unknown: string[] = [];
  const add = (id: number) => {
    if (present(id)) return;
    chosen[id] = 1;
    order.push(id);
  };
  for (const raw of names) {
    const name = normalizeAptName(raw);
    if (name === '') continue;
    const id = ids.get(name);
    if (id === undefined) {
      if (!installed.has(name) && !unknown.includes(name)) unknown.push(name);
      continue;
    }
    if (satisfied(id)) continue;
    let target = -1;
    if (isReal[id] === 1) target = id;
    else {
      const list = providers[id];
      if (list && list.length > 0) target = list[0];
    }
    if (target >= 0) add(target);
    else if (!unknown.includes(name)) unknown.push(name);
  }
  // `order` doubles as the breadth-first queue: every package added is walked once, in order.
  for (let next = 0; next < order.length; next++) {
    const id = order[next];
    let at = depStart[id];
    const count = depCount[id] + (options.recommends ? recCount[id] : 0);
    for (let g = 0; g < count; g++) {
      const length = groups[at];
      const member = pick(at + 1, length);
      if (member >= 0) add(member);
      at += length + 1;
    }
  }
  const bytes = options.excludesDocs ? index.graph.bytesNoDocs : index.graph.bytesKeepDocs;
  const packages = order.map((id) => ({ name: nameOf[id], bytes: bytes[id] }));
  return { packages, totalBytes: packages.reduce((s, p) => s + p.bytes, 0), unknown };
}

/**
 * dpkg's own files per installed package (info/*.list, *.md5sums, maintainer scripts): measured on
 * this machine (Debian bookworm, 2026-11-27) as `du -sb /var/lib/dpkg/info` = 23,305,882 B for 825
 * installed packages ≈ 28,250 B a package. (`dpkgStateBytesPerPackage`, the residual of the base
 * images, 47,929 B, also holds what debootstrap writes once per image, so it over-counts for later
 * installs: the buildpack-deps check in size.test.ts came out +1.6 % with it and +0.9 % with this.)
 */
export const APT_INFO_BYTES_PER_PACKAGE = 28_250;

/**
 * What an `apt-get install` of `closure` adds to its layer for the packages: their files plus
 * dpkg's info files for each. The analyzer's layer breakdown shows exactly this as the install's
 * item; the layer also holds dpkg's database rewrite, which the analyzer adds once per layer.
 */
export function aptInstalledBytes(closure: Pick<AptClosure, 'packages'>): number {
  return closure.packages.reduce((s, p) => s + p.bytes + APT_INFO_BYTES_PER_PACKAGE, 0);
}

/**
 * Bytes of dpkg/apt state an installed package leaves beside its files (/var/lib/dpkg/info lists
 * and md5sums, the status entry, debconf and ld.so caches), as the median residual over the plain
 * OS images of the base table: (measured image size − the files of its packages) / package count.
 * On the data of 2026-11-27 this is 39–54 kB a package (7 images, Debian and Ubuntu).
 */
export function dpkgStateBytesPerPackage(): number {
  return dpkgState();
}

/** The median above, worked out once from the base and apt tables (see lazy.ts). */
const dpkgState = lazy((): number => {
  const residuals = listBaseImages()
    .filter((r) => ['debian', 'ubuntu'].includes(r.ref.split(':')[0]) && r.packages && r.aptRelease)
    .map((r) => {
      const rel = r.aptRelease as AptRelease;
      const files = (r.packages ?? []).reduce((s, n) => {
        const p = load(rel).byName.get(n);
        return s + (p ? aptPackageBytes(p, r.excludesDocs) : 0);
      }, 0);
      return (r.uncompressedBytes - files) / (r.packages?.length ?? 1);
    })
    .sort((a, b) => a - b);
  return Math.round(residuals[Math.floor(residuals.length / 2)] ?? 0);
});
