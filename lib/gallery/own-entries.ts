import { isSlug } from '../lessons/slug';
import { base64UrlEncode } from '../share/base64url';

/**
 * The gallery entries this browser published, with the key that withdraws each. Only the browser
 * holds the key (the server keeps a SHA-256 of it), so clearing site data gives up the right to
 * withdraw; the operator can still hide an entry. Pure: the client passes the stored text in and
 * stores what comes out.
 */

/** Storage key (beside the progress key, not inside it: progress is shared with rooms). */
export const OWN_ENTRIES_KEY = 'layerlab:gallery:entries';
/** Most entries kept; the oldest go first (a learner publishes a few per lesson). */
export const MAX_OWN_ENTRIES = 200;

export interface OwnEntry {
  entryId: string;
  /** The short-link ID of the published solution. */
  solutionId: string;
  lesson: string;
  withdrawKey: string;
  /** ISO 8601 time of publication. */
  publishedAt: string;
}

const ENTRY_ID = /^[0-9a-z]{16}$/;
const SOLUTION_ID = /^[0-9a-hjkmnp-tv-z]{20}$/;
const KEY = /^[A-Za-z0-9_-]{43}$/;

function isOwnEntry(value: unknown): value is OwnEntry {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.entryId === 'string' &&
    ENTRY_ID.test(item.entryId) &&
    typeof item.solutionId === 'string' &&
    SOLUTION_ID.test(item.solutionId) &&
    isSlug(item.lesson) &&
    typeof item.withdrawKey === 'string' &&
    KEY.test(item.withdrawKey) &&
    typeof item.publishedAt === 'string' &&
    !Number.isNaN(Date.parse(item.publishedAt))
  );
}

/**
 * The entries in stored text. Never throws: `null`, damaged JSON or a foreign shape give `[]`,
 * and a damaged item is skipped while the others are kept.
 */
export function parseOwnEntries(raw: string | null): OwnEntry[] {
  if (raw === null || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  const list =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as { entries?: unknown }).entries
      : undefined;
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  const entries: OwnEntry[] = [];
  for (const item of list.slice(-MAX_OWN_ENTRIES)) {
    if (!isOwnEntry(item) || seen.has(item.entryId)) continue;
    seen.add(item.entryId);
    entries.push({
      entryId: item.entryId,
      solutionId: item.solutionId,
      lesson: item.lesson,
      withdrawKey: item.withdrawKey,
      publishedAt: item.publishedAt,
    });
  }
  return entries;
}

/** The text to store for `entries` (version 1 of this small format). */
export function serializeOwnEntries(entries: readonly OwnEntry[]): string {
  return JSON.stringify({ version: 1, entries: entries.slice(-MAX_OWN_ENTRIES) });
}

/** `entries` with `entry` added last (replacing one with the same id); the oldest drop past the cap. */
export function addOwnEntry(entries: readonly OwnEntry[], entry: OwnEntry): OwnEntry[] {
  return [...entries.filter((item) => item.entryId !== entry.entryId), entry].slice(
    -MAX_OWN_ENTRIES,
  );
}

/** `entries` without the entry `entryId` (the same content when it is not there). */
export function removeOwnEntry(entries: readonly OwnEntry[], entryId: string): OwnEntry[] {
  return entries.filter((item) => item.entryId !== entryId);
}

/** This browser's entries for `lesson`, newest first. */
export function ownEntriesOf(entries: readonly OwnEntry[], lesson: string): OwnEntry[] {
  return entries.filter((item) => item.lesson === lesson).reverse();
}

/**
 * A withdraw key from 32 random bytes (pass `crypto.getRandomValues(new Uint8Array(32))`):
 * 43 base64url characters, the shape the API accepts. Throws on fewer than 32 bytes, since a
 * short key would be guessable.
 */
export function withdrawKeyFromRandom(bytes: Uint8Array): string {
  if (bytes.length < 32) throw new Error('withdrawKeyFromRandom: needs 32 random bytes');
  return base64UrlEncode(bytes.subarray(0, 32));
}
