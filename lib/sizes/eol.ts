/**
 * End-of-life dates of the releases base images are built on (Debian, Ubuntu, Alpine, Python,
 * Node.js, .NET, and the Java versions of the deprecated openjdk image), from data/eol-dates.json
 * via scripts/gen-base-index.ts. A release is end of life when its date is on or before the
 * table's `asOf` date, so answers do not change from day to day.
 */
import generated from './generated/eol-dates.json';
import { parseImageRef } from './base-images';
import type { BaseImageRecord } from './types';

interface EolTable {
  asOf: string;
  products: Record<
    string,
    {
      label: string;
      source: string;
      replacement?: string;
      releases: { names: string[]; eol: string }[];
    }
  >;
}

const table = generated as EolTable;

/** The date end of life is judged at (ISO `YYYY-MM-DD`). */
export const EOL_AS_OF = table.asOf;

export type EolProduct = 'debian' | 'ubuntu' | 'alpine' | 'python' | 'node' | 'dotnet' | 'openjdk';

/** One release a base image is built on, with its end-of-life date. */
export interface EolRelease {
  product: EolProduct;
  /** `Debian 10 (buster)`, `Node.js 16`. */
  label: string;
  eol: string;
  isEol: boolean;
  source: string;
  /**
   * The supported release with the nearest end-of-life date (the smallest upgrade), or what
   * replaces a product none of whose releases is supported.
   */
  successor?: string;
}

function labelOf(product: EolProduct, names: string[]): string {
  const p = table.products[product];
  return names.length > 1 && product !== 'python'
    ? `${p.label} ${names[0]} (${names[1]})`
    : `${p.label} ${names[names.length - 1]}`;
}

/** The release `name` (a version or codename) of `product`; `undefined` when not in the table. */
export function eolRelease(product: EolProduct, name: string): EolRelease | undefined {
  const p = table.products[product];
  const wanted = name.toLowerCase();
  const r = p?.releases.find((x) => x.names.includes(wanted));
  if (!p || !r) return undefined;
  const isEol = r.eol <= table.asOf;
  const next = p.releases.find((x) => x.eol > table.asOf);
  return {
    product,
    label: labelOf(product, r.names),
    eol: r.eol,
    isEol,
    source: p.source,
    ...(isEol && next ? { successor: labelOf(product, next.names) } : {}),
    // A deprecated image has no supported release: the data names what replaces it.
    ...(isEol && !next && p.replacement ? { successor: p.replacement } : {}),
  };
}

const DEBIAN_CODENAMES = [
  'wheezy',
  'jessie',
  'stretch',
  'buster',
  'bullseye',
  'bookworm',
  'trixie',
];
const UBUNTU_CODENAMES = ['trusty', 'xenial', 'bionic', 'focal', 'jammy', 'noble', 'resolute'];

/**
 * The releases a base image is built on, read from its tag (`node:16-buster-slim` → Node.js 16
 * and Debian 10) and, for a measured image, from its record (`node:16` was built on buster).
 * Moving tags without a version (`python:3`, `alpine:latest`) name no release. Each product
 * appears once, the tag's reading first.
 */
export function baseImageReleases(ref: string, record?: BaseImageRecord): EolRelease[] {
  const { repo, tag } = parseImageRef(ref);
  const found = new Map<EolProduct, EolRelease>();
  const add = (product: EolProduct, name: string | undefined) => {
    if (!name || found.has(product)) return;
    const r = eolRelease(product, name);
    if (r) found.set(product, r);
  };
  const tokens = tag.split(/[-_]/);
  const first = tokens[0];
  if (repo === 'debian') add('debian', /^\d+/.exec(first)?.[0] ?? first);
  if (repo === 'ubuntu') add('ubuntu', /^\d+\.\d+/.exec(first)?.[0] ?? first);
  if (repo === 'alpine') add('alpine', /^3\.\d+/.exec(first)?.[0]);
  if (repo === 'python') {
    const m = /^(\d+)(?:\.(\d+))?/.exec(first);
    if (m) add('python', m[1] === '2' ? '2' : m[2] !== undefined ? `${m[1]}.${m[2]}` : undefined);
  }
  if (repo === 'node') add('node', /^\d+/.exec(first)?.[0] ?? first);
  if (/^mcr\.microsoft\.com\/dotnet\//.test(repo)) add('dotnet', /^\d+\.\d+/.exec(first)?.[0]);
  // The openjdk image is deprecated: its GA tags got no updates after July 2022; the Early Access
  // (`-ea`) and release-candidate (`-rc`) tags of the next release still do.
  const isPrerelease = tokens.some((t) => t === 'ea' || t === 'rc');
  if (repo === 'openjdk' && !isPrerelease) add('openjdk', /^\d+/.exec(first)?.[0]);
  for (const t of tokens) {
    if (DEBIAN_CODENAMES.includes(t)) add('debian', t);
    if (UBUNTU_CODENAMES.includes(t)) add('ubuntu', t);
  }
  add('alpine', /alpine-?(3\.\d+)/.exec(tag)?.[1]);
  // Distroless names carry their Debian release: gcr.io/distroless/python3-debian11.
  add('debian', /-debian(\d+)$/.exec(repo)?.[1]);
  if (record) {
    const codename = /\((\w+)\)/.exec(record.osRelease)?.[1];
    if (record.osFamily === 'debian') add('debian', codename);
    if (record.osFamily === 'ubuntu')
      add('ubuntu', codename ?? /^\d+\.\d+/.exec(record.osRelease)?.[0]);
    if (record.osFamily === 'alpine') add('alpine', /^3\.\d+/.exec(record.osRelease)?.[0]);
    const py = record.runtimes.python;
    if (py) add('python', py.startsWith('2') ? '2' : /^\d+\.\d+/.exec(py)?.[0]);
    if (record.runtimes.node) add('node', /^\d+/.exec(record.runtimes.node)?.[0]);
    if (repo === 'openjdk' && !isPrerelease && record.runtimes.java)
      add('openjdk', /^\d+/.exec(record.runtimes.java)?.[0]);
  }
  return [...found.values()];
}
