import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_DRAFT_CHARS,
  PROGRESS_BACKUP_KEY,
  PROGRESS_KEY,
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

  it('keeps a backup of unreadable data before it is replaced', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: '{broken' });
    const result = readProgress(storage);
    expect(result.notice).toBeTruthy();
    expect(storage.data.get(PROGRESS_BACKUP_KEY)).toBe('{broken');
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
