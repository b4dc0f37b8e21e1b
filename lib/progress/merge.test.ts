import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  carryConflicts,
  mergeProgress,
  progressForStorage,
  sameDraft,
  sameProgress,
  settleConflict,
} from './merge';
import { completeLesson, emptyProgress, saveDraft, type Progress } from './progress';

const at = new Date('2026-12-01T10:00:00Z');
const text = (dockerfile: string) => ({ dockerfile, dockerignore: '' });
const base = saveDraft(emptyProgress(), 'base-image', text('FROM node:22\n'), at);

describe('mergeProgress', () => {
  it('takes the other tab’s change when this tab changed nothing', () => {
    const theirs = completeLesson(
      saveDraft(base, 'base-image', text('FROM node:22-slim\n')),
      'base-image',
    );
    const merged = mergeProgress(base, base, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.progress.drafts['base-image'].dockerfile).toBe('FROM node:22-slim\n');
    expect(merged.progress.completed).toEqual(['base-image']);
  });

  it('never drops a change held in memory (for example after a failed save)', () => {
    const mine = completeLesson(
      saveDraft(base, 'multi-stage', text('FROM a AS b\n')),
      'multi-stage',
    );
    const theirs = { ...completeLesson(base, 'base-image'), theme: 'dark' as const };
    const merged = mergeProgress(base, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.progress.drafts['multi-stage'].dockerfile).toBe('FROM a AS b\n');
    expect(merged.progress.completed.sort()).toEqual(['base-image', 'multi-stage']);
    expect(merged.progress.theme).toBe('dark');
  });

  it('makes a conflict when both tabs changed the same draft differently, keeping mine in memory', () => {
    const mine = saveDraft(base, 'base-image', text('FROM node:22-alpine\n'));
    const theirs = saveDraft(base, 'base-image', text('FROM node:22-slim\n'));
    const merged = mergeProgress(base, mine, theirs);
    expect(merged.conflicts).toEqual([
      { slug: 'base-image', mine: mine.drafts['base-image'], theirs: theirs.drafts['base-image'] },
    ]);
    expect(merged.progress.drafts['base-image']).toEqual(mine.drafts['base-image']);
    // Storage keeps theirs until the learner chooses; both texts survive.
    expect(progressForStorage(merged.progress, merged.conflicts).drafts['base-image']).toEqual(
      theirs.drafts['base-image'],
    );
    const [conflict] = merged.conflicts;
    expect(settleConflict(merged.progress, conflict, 'theirs').drafts['base-image']).toEqual(
      theirs.drafts['base-image'],
    );
    expect(settleConflict(merged.progress, conflict, 'mine').drafts['base-image']).toEqual(
      mine.drafts['base-image'],
    );
  });

  it('makes a conflict for a draft open in this tab’s editor even when this tab saved nothing', () => {
    const theirs = saveDraft(base, 'base-image', text('FROM node:22-slim\n'));
    const opened = (slug: string) => new Map([[slug, text('FROM node:22\n')]]);
    expect(mergeProgress(base, base, theirs, opened('base-image')).conflicts).toHaveLength(1);
    expect(mergeProgress(base, base, theirs, opened('other')).conflicts).toHaveLength(0);
  });

  it('makes a conflict for an open editor that never saved, with the text it shows as mine', () => {
    const fresh = emptyProgress();
    const theirs = saveDraft(fresh, 'base-image', text('typed elsewhere\n'));
    const open = new Map([['base-image', text('the lesson start\n')]]);
    const merged = mergeProgress(fresh, fresh, theirs, open);
    expect(merged.conflicts).toHaveLength(1);
    expect(merged.conflicts[0].mine.dockerfile).toBe('the lesson start\n');
    expect(merged.progress.drafts['base-image']).toBeUndefined();
    expect(progressForStorage(merged.progress, merged.conflicts).drafts['base-image']).toEqual(
      theirs.drafts['base-image'],
    );
    // Not open here: simply taken.
    expect(mergeProgress(fresh, fresh, theirs).progress.drafts['base-image']).toEqual(
      theirs.drafts['base-image'],
    );
  });

  it('keeps an edited draft that the other tab deleted, but follows a deletion of an untouched one', () => {
    const theirs: Progress = { ...base, drafts: {} };
    const mine = saveDraft(base, 'base-image', text('FROM node:22-alpine\n'));
    expect(mergeProgress(base, mine, theirs).progress.drafts['base-image']).toEqual(
      mine.drafts['base-image'],
    );
    expect(mergeProgress(base, base, theirs).progress.drafts).toEqual({});
  });

  it('never loses a draft text either side changed (property)', () => {
    const draftText = fc.option(fc.constantFrom('A', 'B', 'C'), { nil: undefined });
    fc.assert(
      fc.property(draftText, draftText, draftText, fc.boolean(), (b, m, t, isOpen) => {
        const make = (dockerfile: string | undefined): Progress =>
          dockerfile === undefined
            ? emptyProgress()
            : saveDraft(emptyProgress(), 'x', text(dockerfile), at);
        const merged = mergeProgress(
          make(b),
          make(m),
          make(t),
          new Map(isOpen ? [['x', text('S')]] : []),
        );
        const inMemory = merged.progress.drafts.x?.dockerfile;
        const stored = progressForStorage(merged.progress, merged.conflicts).drafts.x?.dockerfile;
        const survivors = new Set([
          inMemory,
          stored,
          ...merged.conflicts.flatMap((c) => [c.mine.dockerfile, c.theirs.dockerfile]),
        ]);
        // A text that differs from base on either side is still somewhere.
        if (m !== undefined && m !== b) expect(survivors.has(m)).toBe(true);
        if (t !== undefined && t !== b) expect(survivors.has(t)).toBe(true);
        for (const conflict of merged.conflicts)
          expect(sameDraft(conflict.mine, conflict.theirs)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sameProgress', () => {
  it('ignores key order and save times, not texts', () => {
    const a = saveDraft(saveDraft(emptyProgress(), 'a', text('1'), at), 'b', text('2'), at);
    const b = saveDraft(saveDraft(emptyProgress(), 'b', text('2')), 'a', text('1'));
    expect(sameProgress(a, b)).toBe(true);
    expect(sameProgress(a, saveDraft(b, 'a', text('3')))).toBe(false);
    expect(sameProgress(a, completeLesson(a, 'a'))).toBe(false);
  });
});

describe('carryConflicts', () => {
  it('keeps an open conflict while nothing settled it, and drops it once the texts agree', () => {
    const mine = saveDraft(base, 'base-image', text('mine'));
    const theirs = saveDraft(base, 'base-image', text('theirs'));
    const { conflicts } = mergeProgress(base, mine, theirs);
    expect(carryConflicts(conflicts, [], theirs, mine)).toEqual(conflicts);
    expect(carryConflicts(conflicts, [], theirs, theirs)).toEqual([]);
    expect(carryConflicts(conflicts, [], mine, mine)).toEqual([]);
  });
});
