import type { LessonProgress } from './types';

/** One report from a learner's outbox: the state of a lesson after a settled analysis. */
export interface ProgressReport {
  /** Unique per report, chosen by the learner's browser: resending it changes nothing. */
  id: string;
  lesson: string;
  /** When the learner's browser made it (ISO 8601); reports may arrive late from an outbox. */
  at: string;
  bytes?: number;
  goalsMet: number;
  goalsTotal: number;
  isCompleted: boolean;
  score?: number;
  dockerfile?: string;
  dockerignore?: string;
}

/**
 * The progress after `report`, given what was stored (`undefined` for a first report).
 * - Times come from the report, clamped between the learner's join and `receivedAt`, so an outbox
 *   flushed after a disconnection keeps the real times and no clock can move them into the future.
 * - Attempts count reports until the first completion; later reports do not change that count.
 * - Once completed, a working report changes nothing; a new completed report replaces the final
 *   figures and texts (the learner improved their solution) but keeps the first completion time.
 */
export function applyReport(
  current: LessonProgress | undefined,
  report: ProgressReport,
  bounds: { joinedAt: string; receivedAt: string },
): LessonProgress {
  const at = clampTime(report.at, bounds.joinedAt, bounds.receivedAt);
  const texts = {
    dockerfile: report.dockerfile ?? current?.dockerfile,
    dockerignore: report.dockerignore ?? current?.dockerignore,
  };
  const figures = {
    bytes: report.bytes,
    goalsMet: report.goalsMet,
    goalsTotal: report.goalsTotal,
    score: report.score,
  };
  if (!current) {
    return {
      lesson: report.lesson,
      state: report.isCompleted ? 'completed' : 'working',
      startedAt: at,
      updatedAt: at,
      completedAt: report.isCompleted ? at : undefined,
      ...figures,
      attempts: 1,
      ...texts,
    };
  }
  if (current.state === 'completed') {
    if (!report.isCompleted) return current;
    return { ...current, ...figures, ...texts, updatedAt: maxTime(current.updatedAt, at) };
  }
  return {
    ...current,
    ...figures,
    ...texts,
    state: report.isCompleted ? 'completed' : 'working',
    startedAt: minTime(current.startedAt, at),
    updatedAt: maxTime(current.updatedAt, at),
    completedAt: report.isCompleted ? maxTime(current.startedAt, at) : undefined,
    attempts: current.attempts + 1,
  };
}

/** Milliseconds from start to completion; `undefined` while not completed. */
export function durationMs(
  progress: Pick<LessonProgress, 'startedAt' | 'completedAt'>,
): number | undefined {
  if (!progress.completedAt) return undefined;
  return Math.max(0, Date.parse(progress.completedAt) - Date.parse(progress.startedAt));
}

function clampTime(value: string, min: string, max: string): string {
  const t = Date.parse(value);
  const lo = Date.parse(min);
  const hi = Date.parse(max);
  if (Number.isNaN(t)) return new Date(hi).toISOString();
  return new Date(Math.min(hi, Math.max(lo, t))).toISOString();
}

function minTime(a: string, b: string): string {
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

function maxTime(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
