/**
 * Which package names exist in an apt release: per release a Bloom filter over every Package and
 * Provides name of the archive's amd64 indexes (scripts/gen-apt-names.ts). A rejected name is
 * certainly absent; an accepted one may still be absent (the filter's false-positive rate, 1 %).
 *
 * The filters are large (about 0.6 MB gzip for four releases), so nothing loads them by default:
 * a host that wants `package-not-in-release` makes an {@link AptNames} registry (all releases:
 * `ALL_APT_NAMES` of `…/apt-names-all`) and passes it in its AnalyzerCache
 * (`createAnalyzerCache({ aptNames })`). Without a filter for a release every answer is
 * `undefined` and the rule says nothing.
 */

/** One release's filter as the generator writes it. */
export interface AptNameFilter {
  bits: number;
  hashes: number;
  /** The bit array, base64. */
  filter: string;
  /** How many names went in. */
  names: number;
  newestInRelease?: string;
}

interface Loaded {
  bits: number;
  hashes: number;
  bytes: Uint8Array;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let acc = 0;
  let n = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    acc = (acc << 6) | B64.indexOf(clean[i]);
    n += 6;
    if (n >= 8) {
      n -= 8;
      out[o++] = (acc >> n) & 0xff;
    }
  }
  return out;
}

/** FNV-1a 32-bit with a seed, over UTF-16 code units (scripts/gen-apt-names.ts imports it). */
export function fnv(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * `false` when `name` is certainly not a package (or a Provides name) of `release`; `true` when
 * it probably is; `undefined` when no filter for that release is registered.
 */
function exists(f: Loaded, name: string): boolean {
  const a = fnv(name, 0);
  const b = fnv(name, 0x5bd1e995) | 1;
  for (let i = 0; i < f.hashes; i++) {
    const k = ((a + Math.imul(i, b)) >>> 0) % f.bits;
    if ((f.bytes[k >> 3] & (1 << (k & 7))) === 0) return false;
  }
  return true;
}

/**
 * The name filters of some apt releases: an explicit registry the host makes and passes in (no
 * module keeps one). A release's bit array is decoded on its first question.
 */
export class AptNames {
  private readonly loaded = new Map<string, Loaded>();

  constructor(private readonly filters: Readonly<Record<string, AptNameFilter>>) {}

  /** Releases with a filter. */
  releases(): string[] {
    return Object.keys(this.filters);
  }

  /**
   * `false` when `name` is certainly not a package (or a Provides name) of `release`; `true` when
   * it probably is; `undefined` when there is no filter for that release.
   */
  exists(release: string, name: string): boolean | undefined {
    let f = this.loaded.get(release);
    if (!f) {
      const raw = Object.hasOwn(this.filters, release) ? this.filters[release] : undefined;
      if (!raw) return undefined;
      f = { bits: raw.bits, hashes: raw.hashes, bytes: decodeBase64(raw.filter) };
      this.loaded.set(release, f);
    }
    return exists(f, name);
  }
}
