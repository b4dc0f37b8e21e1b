import { describe, expect, it } from 'vitest';
import { applyReport, durationMs, type ProgressReport } from './progress';

const bounds = { joinedAt: '2026-01-01T09:00:00.000Z', receivedAt: '2026-01-01T10:00:00.000Z' };
const report = (over: Partial<ProgressReport> = {}): ProgressReport => ({
  id: 'r-00000001',
  lesson: 'base-image',
  at: '2026-01-01T09:10:00.000Z',
  bytes: 500_000_000,
  goalsMet: 1,
  goalsTotal: 3,
  isCompleted: false,
  ...over,
});

describe('applyReport', () => {
  it('starts a lesson as working on the first report', () => {
    const p = applyReport(undefined, report(), bounds);
    expect(p).toMatchObject({ state: 'working', attempts: 1, bytes: 500_000_000, goalsMet: 1 });
    expect(p.startedAt).toBe('2026-01-01T09:10:00.000Z');
    expect(p.completedAt).toBeUndefined();
  });

  it('completes with the final figures and counts the attempts up to then', () => {
    const first = applyReport(undefined, report(), bounds);
    const done = applyReport(
      first,
      report({
        at: '2026-01-01T09:25:00.000Z',
        bytes: 120_000_000,
        goalsMet: 3,
        isCompleted: true,
        score: 88,
        dockerfile: 'FROM x',
      }),
      bounds,
    );
    expect(done).toMatchObject({
      state: 'completed',
      attempts: 2,
      bytes: 120_000_000,
      score: 88,
      dockerfile: 'FROM x',
    });
    expect(durationMs(done)).toBe(15 * 60_000);
  });

  it('ignores a working report after completion (the board keeps the final size)', () => {
    const done = applyReport(undefined, report({ isCompleted: true, bytes: 100 }), bounds);
    expect(applyReport(done, report({ bytes: 999 }), bounds)).toBe(done);
  });

  it('takes an improved completed solution but keeps the first completion time and attempts', () => {
    const done = applyReport(undefined, report({ isCompleted: true, bytes: 100 }), bounds);
    const better = applyReport(
      done,
      report({ isCompleted: true, bytes: 80, at: '2026-01-01T09:40:00.000Z' }),
      bounds,
    );
    expect(better).toMatchObject({ bytes: 80, attempts: 1, completedAt: done.completedAt });
  });

  it('clamps a time from the future or from before joining', () => {
    const future = applyReport(undefined, report({ at: '2030-01-01T00:00:00.000Z' }), bounds);
    expect(future.startedAt).toBe(bounds.receivedAt);
    const past = applyReport(undefined, report({ at: '2000-01-01T00:00:00.000Z' }), bounds);
    expect(past.startedAt).toBe(bounds.joinedAt);
  });

  it('keeps the stored texts when a report carries none', () => {
    const first = applyReport(undefined, report({ dockerfile: 'FROM a' }), bounds);
    expect(applyReport(first, report(), bounds).dockerfile).toBe('FROM a');
  });
});
