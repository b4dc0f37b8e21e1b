/**
 * Ranking and grouping of a lesson's gallery. Pure: the caller passes entries with their
 * measured size and score (worked out by the analyzer against the lesson as it is now).
 */

/** One published solution as the gallery sees it. */
export interface GalleryEntry {
  /** The entry's own id (one per publication). */
  entryId: string;
  /** The short-link ID of the solution (`/s/ID`). */
  solutionId: string;
  /** `solutionGroupKey()` of the texts. */
  groupKey: string;
  /** Undefined for "anonymous". */
  nickname?: string;
  /** ISO 8601 time of publication. */
  publishedAt: string;
  /** Estimated image size in bytes against the current lesson. */
  bytes: number;
  /** Analyzer score 0–100 against the current lesson. */
  score: number;
  /** Join code of the room the learner was in when publishing, if any. */
  room?: string;
}

/** Identical solutions (same group key), shown once with a count. */
export interface GalleryGroup {
  groupKey: string;
  /** The earliest publication of the group: its short link and nickname lead the row. */
  first: GalleryEntry;
  entries: GalleryEntry[];
  count: number;
  bytes: number;
  score: number;
  /** 1-based; groups with the same size and score share a rank. */
  rank: number;
}

function earlier(a: GalleryEntry, b: GalleryEntry): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? -1 : 1;
  return a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0;
}

/**
 * Groups identical solutions and ranks the groups: smaller estimated size first, then higher
 * score, then whoever published first (so a copy never overtakes the original), then the key.
 * An entry with a size that is not a finite number cannot be ranked and is left out.
 */
export function rankGallery(entries: readonly GalleryEntry[]): GalleryGroup[] {
  const byKey = new Map<string, GalleryEntry[]>();
  for (const entry of entries) {
    if (!Number.isFinite(entry.bytes) || !Number.isFinite(entry.score)) continue;
    const list = byKey.get(entry.groupKey);
    if (list) list.push(entry);
    else byKey.set(entry.groupKey, [entry]);
  }
  const groups = [...byKey.entries()].map(([groupKey, list]) => {
    const sorted = [...list].sort(earlier);
    const first = sorted[0];
    return {
      groupKey,
      first,
      entries: sorted,
      count: sorted.length,
      bytes: Math.round(first.bytes),
      score: first.score,
      rank: 0,
    };
  });
  groups.sort(
    (a, b) =>
      a.bytes - b.bytes ||
      b.score - a.score ||
      earlier(a.first, b.first) ||
      (a.groupKey < b.groupKey ? -1 : a.groupKey > b.groupKey ? 1 : 0),
  );
  groups.forEach((group, index) => {
    const previous = groups[index - 1];
    group.rank =
      previous && previous.bytes === group.bytes && previous.score === group.score
        ? previous.rank
        : index + 1;
  });
  return groups;
}

/** Entries published from within `room` (a join code); all entries when `room` is undefined. */
export function filterByRoom<T extends GalleryEntry>(
  entries: readonly T[],
  room: string | undefined,
): T[] {
  return room === undefined ? [...entries] : entries.filter((entry) => entry.room === room);
}
