import { describe, expect, it } from 'vitest';
import { filterByRoom, rankGallery, type GalleryEntry } from './ranking';

let next = 0;
function entry(partial: Partial<GalleryEntry>): GalleryEntry {
  next++;
  return {
    entryId: `e${String(next).padStart(3, '0')}`,
    solutionId: `s${next}`,
    groupKey: `g${next}`,
    publishedAt: `2026-12-01T10:${String(next).padStart(2, '0')}:00.000Z`,
    bytes: 100_000_000,
    score: 80,
    ...partial,
  };
}

describe('rankGallery', () => {
  it('ranks smaller estimated size first', () => {
    const big = entry({ bytes: 500_000_000 });
    const small = entry({ bytes: 60_000_000 });
    const mid = entry({ bytes: 120_000_000 });
    expect(rankGallery([big, small, mid]).map((g) => g.first)).toEqual([small, mid, big]);
  });

  it('breaks a size tie by the higher score', () => {
    const low = entry({ score: 70 });
    const high = entry({ score: 95 });
    expect(rankGallery([low, high]).map((g) => g.first)).toEqual([high, low]);
  });

  it('breaks a full tie by who published first, and shares the rank', () => {
    const later = entry({ publishedAt: '2026-12-02T00:00:00.000Z' });
    const earlier = entry({ publishedAt: '2026-11-30T00:00:00.000Z' });
    const groups = rankGallery([later, earlier]);
    expect(groups.map((g) => g.first)).toEqual([earlier, later]);
    expect(groups.map((g) => g.rank)).toEqual([1, 1]);
  });

  it('gives ranks 1, 2, 2, 4 for a tie in the middle', () => {
    const groups = rankGallery([
      entry({ bytes: 1 }),
      entry({ bytes: 2 }),
      entry({ bytes: 2 }),
      entry({ bytes: 3 }),
    ]);
    expect(groups.map((g) => g.rank)).toEqual([1, 2, 2, 4]);
  });

  it('groups identical solutions with a count, led by the earliest entry', () => {
    const original = entry({ groupKey: 'same', publishedAt: '2026-12-01T08:00:00.000Z' });
    const copy1 = entry({ groupKey: 'same', publishedAt: '2026-12-01T09:00:00.000Z' });
    const copy2 = entry({ groupKey: 'same', publishedAt: '2026-12-01T09:30:00.000Z' });
    const other = entry({ bytes: 1_000 });
    const groups = rankGallery([copy2, other, copy1, original]);
    expect(groups).toHaveLength(2);
    expect(groups[0].first).toBe(other);
    expect(groups[1]).toMatchObject({ groupKey: 'same', count: 3, first: original });
    expect(groups[1].entries).toEqual([original, copy1, copy2]);
  });

  it('leaves out entries whose size is not a number instead of ranking them anywhere', () => {
    const ok = entry({});
    expect(rankGallery([entry({ bytes: Number.NaN }), ok]).map((g) => g.first)).toEqual([ok]);
  });

  it('returns nothing for an empty gallery', () => {
    expect(rankGallery([])).toEqual([]);
  });

  it('reports sizes as whole bytes', () => {
    expect(rankGallery([entry({ bytes: 1234.6 })])[0].bytes).toBe(1235);
  });
});

describe('filterByRoom', () => {
  it('keeps only the room’s entries, or all of them outside a room', () => {
    const inRoom = entry({ room: 'ABC234' });
    const outside = entry({});
    expect(filterByRoom([inRoom, outside], 'ABC234')).toEqual([inRoom]);
    expect(filterByRoom([inRoom, outside], undefined)).toEqual([inRoom, outside]);
  });
});
