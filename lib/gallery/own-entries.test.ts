import { describe, expect, it } from 'vitest';
import {
  MAX_OWN_ENTRIES,
  addOwnEntry,
  ownEntriesOf,
  parseOwnEntries,
  removeOwnEntry,
  serializeOwnEntries,
  withdrawKeyFromRandom,
  type OwnEntry,
} from './own-entries';

function entry(n: number, lesson = 'base-image'): OwnEntry {
  return {
    entryId: n.toString(36).padStart(16, '0'),
    solutionId: 'abcdefghjkmnpqrstvwx',
    lesson,
    withdrawKey: withdrawKeyFromRandom(new Uint8Array(32).fill(n % 256)),
    publishedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  };
}

describe('parseOwnEntries', () => {
  it('reads back what serializeOwnEntries wrote', () => {
    const entries = [entry(1), entry(2, 'multi-stage')];
    expect(parseOwnEntries(serializeOwnEntries(entries))).toEqual(entries);
  });

  it('gives no entries for nothing stored, damaged JSON or a foreign shape', () => {
    for (const raw of [null, '', '{', '[]', '42', '{"entries":3}', 'null']) {
      expect(parseOwnEntries(raw)).toEqual([]);
    }
  });

  it('skips a damaged or duplicated item and keeps the others', () => {
    const good = entry(1);
    const raw = JSON.stringify({
      entries: [
        good,
        { ...entry(2), withdrawKey: 'short' },
        { ...entry(3), lesson: '../etc' },
        { ...entry(4), entryId: 'UPPER0000000000A' },
        good,
        'text',
      ],
    });
    expect(parseOwnEntries(raw)).toEqual([good]);
  });
});

describe('addOwnEntry', () => {
  it('adds last, replaces the same id and drops the oldest past the cap', () => {
    let entries: OwnEntry[] = [];
    for (let n = 0; n < MAX_OWN_ENTRIES + 5; n++) entries = addOwnEntry(entries, entry(n));
    expect(entries).toHaveLength(MAX_OWN_ENTRIES);
    expect(entries[0].entryId).toBe(entry(5).entryId);
    const again = addOwnEntry(entries, { ...entry(5), lesson: 'multi-stage' });
    expect(again).toHaveLength(MAX_OWN_ENTRIES);
    expect(again.at(-1)?.lesson).toBe('multi-stage');
  });
});

describe('removeOwnEntry', () => {
  it('removes only the entry named', () => {
    const entries = [entry(1), entry(2)];
    expect(removeOwnEntry(entries, entry(1).entryId)).toEqual([entry(2)]);
    expect(removeOwnEntry(entries, 'x')).toEqual(entries);
  });
});

describe('ownEntriesOf', () => {
  it('lists one lesson’s entries, newest first', () => {
    const entries = [entry(1), entry(2, 'multi-stage'), entry(3)];
    expect(ownEntriesOf(entries, 'base-image').map((e) => e.entryId)).toEqual([
      entry(3).entryId,
      entry(1).entryId,
    ]);
  });
});

describe('withdrawKeyFromRandom', () => {
  it('makes 43 base64url characters from 32 bytes, different bytes a different key', () => {
    const a = withdrawKeyFromRandom(new Uint8Array(32).fill(1));
    const b = withdrawKeyFromRandom(new Uint8Array(32).fill(2));
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('refuses fewer than 32 bytes', () => {
    expect(() => withdrawKeyFromRandom(new Uint8Array(16))).toThrow(/32/);
  });
});
