import { describe, expect, it } from 'vitest';
import {
  MAX_BACKUPS,
  PROGRESS_BACKUPS_KEY,
  addBackup,
  backupSentence,
  listBackups,
  parseBackups,
  writeBackup,
  type ProgressBackup,
} from './backups';
import type { ProgressStorage } from './progress';

function backup(raw: string, hour = 0): ProgressBackup {
  return { savedAt: new Date(Date.UTC(2026, 11, 1, hour)).toISOString(), reason: 'test', raw };
}

/** A storage that throws QuotaExceededError once a value is longer than `capChars`. */
function cappedStorage(capChars: number): ProgressStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => {
      if (value.length > capChars) {
        const error = new Error('quota');
        error.name = 'QuotaExceededError';
        throw error;
      }
      data.set(key, value);
    },
  };
}

describe('addBackup', () => {
  it('keeps at most MAX_BACKUPS, dropping the oldest first and counting them', () => {
    let list: ProgressBackup[] = [];
    let dropped = 0;
    for (let i = 0; i < MAX_BACKUPS + 2; i++) {
      const added = addBackup(list, backup(`raw ${i}`, i));
      list = added.backups;
      dropped += added.droppedCount;
    }
    expect(list.map((item) => item.raw)).toEqual(
      Array.from({ length: MAX_BACKUPS }, (_, i) => `raw ${i + 2}`),
    );
    expect(dropped).toBe(2);
  });

  it('moves a copy of the same text to the end instead of keeping it twice', () => {
    const added = addBackup([backup('a', 1), backup('b', 2)], backup('a', 3));
    expect(added.backups.map((item) => [item.raw, item.savedAt])).toEqual([
      ['b', backup('b', 2).savedAt],
      ['a', backup('a', 3).savedAt],
    ]);
    expect(added.isAlreadyKept).toBe(true);
  });
});

describe('parseBackups', () => {
  it('leaves out malformed entries and never throws', () => {
    const text = JSON.stringify([backup('ok'), { raw: 1 }, null, { reason: 'x', raw: 'y' }]);
    expect(parseBackups(text)).toEqual([backup('ok')]);
    for (const bad of ['{', 'null', '{"a":1}', '"x"']) expect(parseBackups(bad)).toEqual([]);
  });
});

describe('writeBackup', () => {
  it('drops the oldest copies to make room when storage is full, and says how many', () => {
    const storage = cappedStorage(600);
    storage.data.set(
      PROGRESS_BACKUPS_KEY,
      JSON.stringify([backup('x'.repeat(200), 1), backup('y'.repeat(200), 2)]),
    );
    const result = writeBackup(storage, 'z'.repeat(200), 'newer version');
    expect(result).toEqual({ ok: true, droppedCount: 1, keptCount: 2, isAlreadyKept: false });
    expect(listBackups(storage).map((item) => item.raw[0])).toEqual(['y', 'z']);
    expect(backupSentence(result)).toMatch(/oldest backup was removed to make room/);
  });

  it('fails truthfully when even the new copy alone does not fit, leaving the list alone', () => {
    const storage = cappedStorage(300);
    const before = JSON.stringify([backup('small', 1)]);
    storage.data.set(PROGRESS_BACKUPS_KEY, before);
    const result = writeBackup(storage, 'w'.repeat(400), 'damaged');
    expect(result).toEqual({ ok: false, reason: 'browser storage is full' });
    expect(storage.data.get(PROGRESS_BACKUPS_KEY)).toBe(before);
    expect(backupSentence(result)).toMatch(/^No copy of the stored data could be kept/);
  });

  it('reports a blocked storage as blocked, not as full', () => {
    const blocked: ProgressStorage = {
      get: () => null,
      set: () => {
        throw new Error('SecurityError');
      },
    };
    expect(writeBackup(blocked, 'raw', 'x')).toEqual({
      ok: false,
      reason: 'browser storage is blocked',
    });
  });
});
