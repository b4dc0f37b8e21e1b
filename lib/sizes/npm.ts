import type { NpmPackage, PackageClosure } from './types';
import { APK_PIP } from './apk-pip-data';
import { compareVersions, satisfies } from './versions';
import generated from './generated/npm.json';
import { lazy } from './lazy';

interface NpmTable {
  source: string;
  generatedOn: string;
  roots: string[];
  lines: string;
}

/** A version of generated/npm.json as decoded: its ranges, optional and peer dependencies. */
export interface NpmTableEntry extends NpmPackage {
  optional: [string, string][];
  peers: [string, string][];
  depRanges: [string, string][];
  os: string[];
  cpu: string[];
  libc: string[];
}

type Entry = NpmTableEntry;

const table = generated as unknown as NpmTable;

/** Where the npm table comes from and when it was generated. */
export const NPM_TABLE_SOURCE = { source: table.source, generatedOn: table.generatedOn };

function pairs(field: string): [string, string][] {
  if (field === '') return [];
  return field.split(',').map((d) => {
    const at = d.indexOf('@', 1);
    return [d.slice(0, at), d.slice(at + 1).replaceAll('‖', '||')];
  });
}

/** The table decoded into entries by name, newest version first (decoded once, see lazy.ts). */
const load = lazy((): Map<string, Entry[]> => decodeNpmLines(table.lines));

/**
 * Decodes the table's `lines` (see its `format`): name → its versions, highest first. For the
 * committed table or one a generator reads back.
 */
export function decodeNpmLines(lines: string): Map<string, NpmTableEntry[]> {
  const byName = new Map<string, Entry[]>();
  for (const line of lines.split('\n')) {
    if (line === '') continue;
    const [name, version, bytes, deps, optional, peers, platform] = line.split('|');
    const [os, cpu, libc] = (platform || ';;').split(';').map((s) => (s ? s.split(' ') : []));
    const depRanges = pairs(deps);
    const entry: Entry = {
      name,
      version,
      unpackedBytes: Number(bytes),
      deps: depRanges.map(([n]) => n),
      depRanges,
      optional: pairs(optional),
      peers: pairs(peers),
      os,
      cpu,
      libc,
    };
    const list = byName.get(name) ?? [];
    list.push(entry);
    byName.set(name, list);
  }
  for (const list of byName.values()) list.sort((a, b) => compareVersions(b.version, a.version));
  return byName;
}

/** `npm:other@^1` aliases resolve to the other package. */
function unalias(name: string, range: string): [string, string] {
  const m = /^npm:(@?[^@]+)(?:@(.*))?$/.exec(range);
  return m ? [m[1], m[2] ?? '*'] : [name, range];
}

function resolve(name: string, range: string): { entry: Entry; exact: boolean } | undefined {
  const list = load().get(name);
  if (!list || list.length === 0) return undefined;
  for (const e of list) if (satisfies(e.version, range)) return { entry: e, exact: true };
  return { entry: list[0], exact: false };
}

/**
 * The package `name` at the highest version in the table that satisfies `range` (default: the
 * highest version in the table). `undefined` when the name is not in the table. When no stored
 * version satisfies the range, the highest stored version stands in.
 */
export function npmPackage(name: string, range = '*'): NpmPackage | undefined {
  const [n, r] = unalias(name, range);
  const hit = resolve(n, r);
  if (!hit) return undefined;
  const { name: pn, version, unpackedBytes, deps } = hit.entry;
  return { name: pn, version, unpackedBytes, deps: [...deps] };
}

export interface NpmClosureOptions {
  /** Install devDependencies too (plain `npm install`/`npm ci` without `--omit=dev`). */
  includeDev?: boolean;
  devDeps?: Record<string, string>;
  /** C library of the image: picks platform packages (sharp's musl build on Alpine). */
  libc?: 'glibc' | 'musl';
}

export interface NpmClosure extends PackageClosure {
  /** name@range pairs no stored version satisfied: sized with the nearest stored version. */
  approximate: string[];
}

function fitsPlatform(e: Entry, libc: 'glibc' | 'musl'): boolean {
  const ok = (list: string[], want: string) =>
    list.length === 0 ||
    list.includes(want) ||
    (list.every((x) => x.startsWith('!')) && !list.includes(`!${want}`));
  if (!ok(e.os, 'linux') || !ok(e.cpu, 'x64')) return false;
  if (e.libc.length > 0) return e.libc.includes(libc);
  // Older platform packages have no libc field; their name says musl when they are.
  return /musl/.test(e.name) === (libc === 'musl');
}

/**
 * node_modules after `npm install` of `deps` (and `devDeps` with `includeDev`): the production
 * closure over dependencies, required peer dependencies (npm ≥ 7 installs them) and optional
 * platform packages for linux x64 with the image's libc. A name already placed at a version that
 * satisfies a later range is reused (npm dedupes); otherwise the highest satisfying version is
 * added. Names in no table are `unknown` (not sized); ranges no stored version satisfies are
 * `approximate`. Sizes are the tarballs' unpacked bytes; install scripts that download more
 * (puppeteer's browser) are not counted.
 */
export function npmClosure(
  deps: Record<string, string>,
  options: NpmClosureOptions = {},
): NpmClosure {
  const libc = options.libc ?? 'glibc';
  const placed = new Map<string, Entry[]>();
  const packages: { name: string; bytes: number }[] = [];
  const unknown: string[] = [];
  const approximate: string[] = [];
  const queue: [string, string, boolean][] = Object.entries(deps).map(([n, r]) => [n, r, false]);
  if (options.includeDev) {
    for (const [n, r] of Object.entries(options.devDeps ?? {})) queue.push([n, r, false]);
  }
  while (queue.length > 0) {
    const [rawName, rawRange, optional] = queue.shift() as [string, string, boolean];
    const [name, range] = unalias(rawName, rawRange);
    const already = placed.get(name) ?? [];
    if (already.some((e) => satisfies(e.version, range) !== false)) continue;
    const hit = resolve(name, range);
    if (!hit) {
      if (!optional && !unknown.includes(name)) unknown.push(name);
      continue;
    }
    const { entry, exact } = hit;
    if (optional && !fitsPlatform(entry, libc)) continue;
    if (already.includes(entry)) continue;
    if (!exact) approximate.push(`${name}@${range}`);
    placed.set(name, [...already, entry]);
    packages.push({ name: `${entry.name}@${entry.version}`, bytes: entry.unpackedBytes });
    for (const [n, r] of entry.depRanges) queue.push([n, r, false]);
    for (const [n, r] of entry.peers) queue.push([n, r, false]);
    for (const [n, r] of entry.optional) queue.push([n, r, true]);
  }
  return { packages, totalBytes: packages.reduce((s, p) => s + p.bytes, 0), unknown, approximate };
}

const npmMeasurements = APK_PIP.caches.npm;

/**
 * Bytes ~/.npm/_cacache keeps after an install that is not cleaned: tarballs plus one packument
 * (all versions' metadata) and index entries per package. Model fitted exactly to the two installs
 * measured on this machine (PACKAGE-SIZES.md caches.npm: express@4, 71 packages, 5.46 MB cache for
 * 2.95 MB of node_modules; typescript + eslint, 80 packages, 31.75 MB for 43.47 MB):
 * 0.638 × node_modules bytes + 50.4 kB per package. Two points, so treat it as medium confidence.
 */
export function npmCacheBytes(closure: PackageClosure): number {
  const [a, b] = NPM_CACHE_MODEL;
  return Math.round(a * closure.totalBytes + b * closure.packages.length);
}

function fitCacheModel(): [number, number] {
  const [m1, m2] = npmMeasurements;
  const n1 = Number(/\((\d+) packages\)/.exec(m1.install)?.[1]);
  const n2 = Number(/\((\d+) packages\)/.exec(m2.install)?.[1]);
  // Solve cache = a × nodeModules + b × packages for the two measurements.
  const det = m1.nodeModulesBytes * n2 - m2.nodeModulesBytes * n1;
  const a = (m1.cacheBytes * n2 - m2.cacheBytes * n1) / det;
  const b = (m1.nodeModulesBytes * m2.cacheBytes - m2.nodeModulesBytes * m1.cacheBytes) / det;
  return [a, b];
}

/** [bytes of cache per byte of node_modules, bytes of cache per package]. */
export const NPM_CACHE_MODEL: readonly [number, number] = fitCacheModel();
