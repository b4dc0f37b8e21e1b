import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_DRAFT_CHARS,
  MAX_DRAFTS,
  PROGRESS_KEY,
  restoreBackup,
  completeLesson,
  continueLesson,
  discardDraft,
  draftDiffers,
  draftProblem,
  emptyProgress,
  exportProgress,
  importProgress,
  lessonStates,
  loadProgress,
  readProgress,
  saveDraft,
  serializeProgress,
  setLastLesson,
  setUnlockAll,
  writeProgress,
  type Progress,
  type ProgressStorage,
} from './progress';
import { PROGRESS_BACKUP_KEY, PROGRESS_BACKUPS_KEY, listBackups } from './backups';

const slugs = ['base-image', 'multi-stage', 'combine-run', 'dockerignore'];
const files = { dockerfile: 'FROM alpine:3.20\n', dockerignore: '.git\n' };

function memoryStorage(
  initial: Record<string, string> = {},
): ProgressStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => void data.set(key, value),
  };
}

describe('loadProgress', () => {
  it('starts fresh without a notice when nothing is stored', () => {
    expect(loadProgress(null)).toEqual({ progress: emptyProgress() });
    expect(loadProgress('')).toEqual({ progress: emptyProgress() });
  });

  it('reads back what serializeProgress wrote', () => {
    let progress = completeLesson(emptyProgress(), 'base-image');
    progress = saveDraft(progress, 'multi-stage', files, new Date('2026-01-02T03:04:05Z'));
    progress = { ...setLastLesson(progress, 'multi-stage'), theme: 'dark', unlockAll: true };
    expect(loadProgress(serializeProgress(progress))).toEqual({ progress });
  });

  it('resets damaged JSON with a notice instead of throwing', () => {
    const result = loadProgress('{"version":1,"completed":["base-im');
    expect(result.progress).toEqual(emptyProgress());
    expect(result.notice).toMatch(/damaged/);
    expect(result.isReset).toBe(true);
  });

  it('resets foreign data (valid JSON, not progress) with a notice', () => {
    for (const raw of ['42', '"hello"', '[1,2]', '{"foo":1}', 'null']) {
      const result = loadProgress(raw);
      expect(result.progress).toEqual(emptyProgress());
      expect(result.notice).toBeTruthy();
    }
  });

  it('keeps the valid fields of partly damaged data and says how many were skipped', () => {
    const raw = JSON.stringify({
      version: 1,
      completed: ['base-image', 7, '../../x', 'multi-stage', 'base-image'],
      drafts: {
        'base-image': { dockerfile: 'FROM a', dockerignore: '', savedAt: 'x' },
        bad: { dockerfile: 1 },
      },
      unlockAll: 'yes',
      theme: 'purple',
    });
    const { progress, notice } = loadProgress(raw);
    expect(progress.completed).toEqual(['base-image', 'multi-stage']);
    expect(Object.keys(progress.drafts)).toEqual(['base-image']);
    expect(progress.unlockAll).toBe(false);
    expect(progress.theme).toBeUndefined();
    expect(notice).toMatch(/5 entries/);
  });

  it('loads more drafts than the cap whole and says so, never cutting silently', () => {
    const drafts = Object.fromEntries(
      Array.from({ length: MAX_DRAFTS + 50 }, (_, i) => [
        `lesson-${i}`,
        { dockerfile: `FROM a${i}`, dockerignore: '', savedAt: '2026-01-01T00:00:00.000Z' },
      ]),
    );
    const { progress, notice } = loadProgress(
      JSON.stringify({ version: 1, completed: [], drafts }),
    );
    expect(Object.keys(progress.drafts)).toHaveLength(MAX_DRAFTS + 50);
    expect(notice).toMatch(/250 saved drafts.*all were kept/);
  });

  it('migrates the pre-release shape without a version', () => {
    const { progress, notice } = loadProgress(JSON.stringify({ completed: ['base-image'] }));
    expect(progress).toEqual({ ...emptyProgress(), completed: ['base-image'] });
    expect(notice).toBeUndefined();
  });

  it('keeps what it understands from a newer version and says so', () => {
    const { progress, notice } = loadProgress(
      JSON.stringify({ version: 2, completed: ['base-image'], badges: [] }),
    );
    expect(progress.completed).toEqual(['base-image']);
    expect(notice).toMatch(/newer version/);
  });

  it('never throws, whatever the stored text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ version: 1, completed: v, drafts: v })),
        ),
        (raw) => {
          const { progress } = loadProgress(raw);
          expect(progress.version).toBe(1);
          expect(Array.isArray(progress.completed)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('lessonStates', () => {
  it('makes only the first lesson available at the start', () => {
    expect(lessonStates(emptyProgress(), slugs)).toEqual({
      'base-image': 'available',
      'multi-stage': 'locked',
      'combine-run': 'locked',
      dockerignore: 'locked',
    });
  });

  it('unlocks the next lesson when one is completed', () => {
    const states = lessonStates(completeLesson(emptyProgress(), 'base-image'), slugs);
    expect(states['base-image']).toBe('completed');
    expect(states['multi-stage']).toBe('available');
    expect(states['combine-run']).toBe('locked');
  });

  it('makes every lesson available with unlockAll, keeping completed ones', () => {
    const states = lessonStates(
      setUnlockAll(completeLesson(emptyProgress(), 'combine-run'), true),
      slugs,
    );
    expect(states).toEqual({
      'base-image': 'available',
      'multi-stage': 'available',
      'combine-run': 'completed',
      dockerignore: 'available',
    });
  });

  it('keeps a lesson completed out of order completed, and unlocks the one after it', () => {
    const states = lessonStates(completeLesson(emptyProgress(), 'multi-stage'), slugs);
    expect(states['multi-stage']).toBe('completed');
    expect(states['combine-run']).toBe('available');
    expect(states.dockerignore).toBe('locked');
  });

  it('ignores completed slugs that are not lessons', () => {
    const states = lessonStates(completeLesson(emptyProgress(), 'retired-lesson'), slugs);
    expect(Object.values(states).filter((s) => s !== 'locked')).toEqual(['available']);
  });
});

describe('continueLesson', () => {
  it('offers the last lesson opened while it is unfinished', () => {
    const progress = setLastLesson(setUnlockAll(emptyProgress(), true), 'combine-run');
    expect(continueLesson(progress, slugs)).toBe('combine-run');
  });

  it('offers the first available lesson once the last one opened is completed', () => {
    const progress = setLastLesson(completeLesson(emptyProgress(), 'base-image'), 'base-image');
    expect(continueLesson(progress, slugs)).toBe('multi-stage');
  });

  it('offers nothing when every lesson is completed', () => {
    const progress = slugs.reduce(completeLesson, emptyProgress());
    expect(continueLesson(progress, slugs)).toBeUndefined();
  });
});

describe('completeLesson', () => {
  it('is idempotent and does not mutate its input', () => {
    const start = emptyProgress();
    const once = completeLesson(start, 'base-image');
    expect(start.completed).toEqual([]);
    expect(completeLesson(once, 'base-image')).toBe(once);
  });
});

describe('saveDraft', () => {
  it('stores the texts with a time, and returns the same object when nothing changed', () => {
    const saved = saveDraft(emptyProgress(), 'base-image', files, new Date('2026-05-01T00:00:00Z'));
    expect(saved.drafts['base-image']).toEqual({ ...files, savedAt: '2026-05-01T00:00:00.000Z' });
    expect(saveDraft(saved, 'base-image', { ...files })).toBe(saved);
  });

  it('refuses a new draft past the draft cap with a reason, but still updates an existing one', () => {
    let progress = emptyProgress();
    for (let i = 0; i < MAX_DRAFTS; i++) progress = saveDraft(progress, `lesson-${i}`, files);
    expect(Object.keys(progress.drafts)).toHaveLength(MAX_DRAFTS);
    expect(saveDraft(progress, 'one-more', files)).toBe(progress);
    expect(draftProblem(files, progress, 'one-more')).toMatch(/not saved.*Delete old drafts/);
    const edited = { ...files, dockerfile: 'FROM busybox\n' };
    expect(draftProblem(edited, progress, 'lesson-0')).toBeUndefined();
    expect(saveDraft(progress, 'lesson-0', edited).drafts['lesson-0'].dockerfile).toBe(
      'FROM busybox\n',
    );
  });

  it('refuses a draft over the size limit and explains why', () => {
    const huge = { dockerfile: 'x'.repeat(MAX_DRAFT_CHARS + 1), dockerignore: '' };
    const start = emptyProgress();
    expect(saveDraft(start, 'base-image', huge)).toBe(start);
    expect(draftProblem(huge)).toMatch(/too large/);
    expect(draftProblem(files)).toBeUndefined();
  });

  it('can be discarded, and draftDiffers tells when loading other texts would replace it', () => {
    const saved = saveDraft(emptyProgress(), 'base-image', files);
    expect(draftDiffers(saved, 'base-image', files)).toBe(false);
    expect(draftDiffers(saved, 'base-image', { ...files, dockerfile: 'FROM scratch\n' })).toBe(
      true,
    );
    expect(draftDiffers(saved, 'multi-stage', files)).toBe(false);
    expect(discardDraft(saved, 'base-image').drafts).toEqual({});
  });
});

describe('importProgress', () => {
  const progress: Progress = {
    ...saveDraft(
      completeLesson(emptyProgress(), 'base-image'),
      'multi-stage',
      files,
      new Date('2026-01-01T00:00:00Z'),
    ),
    theme: 'light',
  };

  it('reads back an exported file', () => {
    expect(importProgress(exportProgress(progress))).toEqual({ ok: true, progress });
  });

  it('refuses files that are not Layerlab progress, with a reason', () => {
    const cases = [
      '',
      'hello',
      '[]',
      '{"completed":["a"]}',
      '{"app":"other","version":1}',
      '{"version":1,"x":2}',
    ];
    for (const text of cases) {
      const result = importProgress(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(5);
    }
  });

  it('imports the valid part of a damaged file with a notice', () => {
    const result = importProgress(
      JSON.stringify({ app: 'layerlab', version: 1, completed: ['base-image', 5] }),
    );
    expect(result).toEqual({
      ok: true,
      progress: { ...emptyProgress(), completed: ['base-image'] },
      notice: '1 damaged entry was skipped.',
    });
  });
});

describe('readProgress and writeProgress', () => {
  it('round-trip through a storage', () => {
    const storage = memoryStorage();
    const progress = completeLesson(emptyProgress(), 'base-image');
    expect(writeProgress(storage, progress)).toEqual({ ok: true });
    expect(readProgress(storage)).toEqual({ progress });
  });

  it('keeps a dated backup of unreadable data before it is replaced, and says so', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: '{broken' });
    const result = readProgress(storage, new Date('2026-12-01T10:00:00Z'));
    expect(result.notice).toMatch(/damaged.*A dated copy of the stored data was kept/);
    expect(listBackups(storage)).toEqual([
      {
        savedAt: '2026-12-01T10:00:00.000Z',
        reason: 'Could not be read (damaged)',
        raw: '{broken',
      },
    ]);
  });

  it.each([
    [
      'data of a newer schema version',
      JSON.stringify({ version: 2, completed: ['base-image'], badges: [1] }),
    ],
    ['entries dropped as damaged', JSON.stringify({ version: 1, completed: ['base-image', 7] })],
    [
      'a field this version does not know',
      JSON.stringify({ version: 1, completed: [], streak: 3 }),
    ],
    ['foreign data', '{"foo":1}'],
  ])('keeps the raw text before a lossy load of %s', (_, raw) => {
    const storage = memoryStorage({ [PROGRESS_KEY]: raw });
    const result = readProgress(storage);
    expect(result.lossReason).toBeTruthy();
    expect(result.backup).toMatchObject({ ok: true });
    expect(listBackups(storage).map((backup) => backup.raw)).toEqual([raw]);
    // The stored text itself is untouched until the next save.
    expect(storage.data.get(PROGRESS_KEY)).toBe(raw);
  });

  it('keeps no backup when nothing is lost', () => {
    const raw = serializeProgress(completeLesson(emptyProgress(), 'base-image'));
    const storage = memoryStorage({ [PROGRESS_KEY]: raw });
    expect(readProgress(storage)).toEqual({ progress: loadProgress(raw).progress });
    expect(storage.data.has(PROGRESS_BACKUPS_KEY)).toBe(false);
  });

  it('says truthfully when the backup could not be written (quota), and hands the text back', () => {
    const raw = JSON.stringify({ version: 2, completed: ['base-image'] });
    const data = new Map([[PROGRESS_KEY, raw]]);
    const full: ProgressStorage = {
      get: (key) => data.get(key) ?? null,
      set: () => {
        const error = new Error('The quota has been exceeded.');
        error.name = 'QuotaExceededError';
        throw error;
      },
    };
    const result = readProgress(full);
    expect(result.backup).toEqual({ ok: false, reason: 'browser storage is full' });
    expect(result.notice).toMatch(
      /No copy of the stored data could be kept \(browser storage is full\)/,
    );
    expect(result.notice).not.toMatch(/copy was kept/i);
    expect(result.unkeptRaw).toBe(raw);
  });

  it('restores a backup byte for byte, after backing up what is stored now', () => {
    const old = JSON.stringify({ version: 2, completed: ['base-image'], badges: ['x'] });
    const storage = memoryStorage({ [PROGRESS_KEY]: old });
    readProgress(storage, new Date('2026-12-01T10:00:00Z'));
    const now = serializeProgress(completeLesson(emptyProgress(), 'multi-stage'));
    storage.data.set(PROGRESS_KEY, now);
    const restored = restoreBackup(storage, old, new Date('2026-12-01T11:00:00Z'));
    expect(restored.ok).toBe(true);
    if (restored.ok) expect(restored.result.progress.completed).toEqual(['base-image']);
    expect(storage.data.get(PROGRESS_KEY)).toBe(old);
    const raws = listBackups(storage).map((backup) => backup.raw);
    expect(raws).toContain(now);
    expect(raws.filter((raw) => raw === old)).toHaveLength(1);
  });

  it('lists the single backup slot of earlier releases', () => {
    const storage = memoryStorage({ [PROGRESS_BACKUP_KEY]: '{old' });
    expect(listBackups(storage)).toEqual([
      { reason: 'Kept by an earlier version of Layerlab', raw: '{old', isLegacy: true },
    ]);
  });

  it('turns a full storage into a reason, not a crash', () => {
    const full: ProgressStorage = {
      get: () => null,
      set: () => {
        const error = new Error('The quota has been exceeded.');
        error.name = 'QuotaExceededError';
        throw error;
      },
    };
    const result = writeProgress(full, emptyProgress());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/full/);
  });

  it('turns a blocked storage into a notice on read', () => {
    const blocked: ProgressStorage = {
      get: () => {
        throw new Error('SecurityError');
      },
      set: () => undefined,
    };
    const result = readProgress(blocked);
    expect(result.progress).toEqual(emptyProgress());
    expect(result.notice).toMatch(/blocked/);
  });
});
