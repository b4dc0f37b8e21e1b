import { describe, expect, it } from 'vitest';
import { emptyProgress, loadProgress, serializeProgress, type Progress } from '../progress';
import { canPublish, galleryAccess, recordLooked } from './visibility';

const fresh = (): Progress => emptyProgress();

describe('galleryAccess', () => {
  it('is locked for a lesson the learner has not completed', () => {
    expect(galleryAccess(fresh(), 'base-image')).toEqual({ isOpen: false, state: 'locked' });
  });

  it('stays locked with "unlock every lesson" on: that setting is about order, not answers', () => {
    const unlocked: Progress = { ...fresh(), unlockAll: true };
    expect(galleryAccess(unlocked, 'base-image').isOpen).toBe(false);
  });

  it('opens once the lesson is completed', () => {
    const done = { ...fresh(), completed: ['base-image'] };
    expect(galleryAccess(done, 'base-image')).toEqual({ isOpen: true, state: 'completed' });
    expect(galleryAccess(done, 'multi-stage').isOpen).toBe(false);
  });

  it('opens after a recorded look, and says so', () => {
    const looked = recordLooked(fresh(), 'multi-stage');
    expect(galleryAccess(looked, 'multi-stage')).toEqual({ isOpen: true, state: 'looked' });
  });

  it('calls it completed when the learner solved it after looking', () => {
    const both = { ...recordLooked(fresh(), 'base-image'), completed: ['base-image'] };
    expect(galleryAccess(both, 'base-image').state).toBe('completed');
  });
});

describe('recordLooked', () => {
  it('is idempotent and skips completed lessons and non-slugs', () => {
    const once = recordLooked(fresh(), 'base-image');
    expect(once.looked).toEqual(['base-image']);
    expect(recordLooked(once, 'base-image')).toBe(once);
    const done = { ...fresh(), completed: ['base-image'] };
    expect(recordLooked(done, 'base-image')).toBe(done);
    const progress = fresh();
    expect(recordLooked(progress, '../x')).toBe(progress);
  });

  it('survives a save and a reload of progress', () => {
    const looked = recordLooked(fresh(), 'combine-run');
    expect(loadProgress(serializeProgress(looked)).progress.looked).toEqual(['combine-run']);
  });

  it('drops a damaged look list on load with a notice, keeping the rest', () => {
    const raw = JSON.stringify({ version: 1, completed: ['base-image'], looked: ['ok', 7] });
    const result = loadProgress(raw);
    expect(result.progress.looked).toEqual(['ok']);
    expect(result.progress.completed).toEqual(['base-image']);
    expect(result.notice).toMatch(/damaged/);
  });
});

describe('canPublish', () => {
  it('allows publishing only a completed lesson (looking is not solving)', () => {
    expect(canPublish(recordLooked(fresh(), 'base-image'), 'base-image')).toBe(false);
    expect(canPublish({ completed: ['base-image'] }, 'base-image')).toBe(true);
  });
});
