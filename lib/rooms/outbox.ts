import * as v from 'valibot';
import type { ProgressReport } from './progress';
import { ROOM_LIMITS } from './limits';
import { progressReportSchema } from './schemas';

/**
 * A learner's outbox: progress reports kept in the browser until the server acknowledges them.
 * Every report has its own id, so sending one twice (a lost answer, a reload, a second tab) is
 * harmless: the server records each id once and acknowledges it again.
 */
export interface Outbox {
  /** Reports not yet acknowledged, oldest first. */
  pending: ProgressReport[];
}

/** The most reports an outbox keeps; beyond it the oldest working reports are dropped first. */
export const OUTBOX_MAX_REPORTS = 200;

export function emptyOutbox(): Outbox {
  return { pending: [] };
}

/**
 * The outbox with `report` added at the end. A report whose id is already pending changes
 * nothing. Over `OUTBOX_MAX_REPORTS`, the oldest working (not completed) reports go first: the
 * board only shows the latest working state, while a completion carries the solution.
 */
export function enqueue(outbox: Outbox, report: ProgressReport): Outbox {
  if (outbox.pending.some((r) => r.id === report.id)) return outbox;
  const pending = [...outbox.pending, report];
  while (pending.length > OUTBOX_MAX_REPORTS) {
    const oldestWorking = pending.findIndex((r) => !r.isCompleted);
    pending.splice(oldestWorking >= 0 ? oldestWorking : 0, 1);
  }
  return { pending };
}

/** The next reports to send, oldest first, at most one request's worth. */
export function nextBatch(
  outbox: Outbox,
  max: number = ROOM_LIMITS.reportsPerRequest,
): ProgressReport[] {
  return outbox.pending.slice(0, max);
}

/** The outbox without the acknowledged ids (unknown ids are ignored). */
export function acknowledge(outbox: Outbox, ids: readonly string[]): Outbox {
  if (ids.length === 0) return outbox;
  const done = new Set(ids);
  const pending = outbox.pending.filter((r) => !done.has(r.id));
  return pending.length === outbox.pending.length ? outbox : { pending };
}

const storedSchema = v.object({ version: v.literal(1), pending: v.array(v.unknown()) });

/** The outbox as stored text. */
export function serializeOutbox(outbox: Outbox): string {
  return JSON.stringify({ version: 1, pending: outbox.pending });
}

/**
 * The outbox read back from stored text. Never throws: damaged text gives an empty outbox, and a
 * damaged report is dropped while the others are kept (the server would refuse it anyway).
 */
export function parseOutbox(text: string | null | undefined): Outbox {
  if (!text) return emptyOutbox();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return emptyOutbox();
  }
  const stored = v.safeParse(storedSchema, raw);
  if (!stored.success) return emptyOutbox();
  let outbox = emptyOutbox();
  for (const item of stored.output.pending) {
    const report = v.safeParse(progressReportSchema, item);
    if (report.success) outbox = enqueue(outbox, report.output);
  }
  return outbox;
}

/**
 * A report of a settled analysis. `id` must be unique per report (the caller passes random
 * bytes as text); the texts travel only with a completion (what the trainer collects), and only
 * when they are within the request caps.
 */
export function makeReport(input: {
  id: string;
  lesson: string;
  at: Date;
  bytes?: number;
  goalsMet: number;
  goalsTotal: number;
  score?: number;
  dockerfile: string;
  dockerignore: string;
}): ProgressReport {
  const isCompleted = input.goalsTotal > 0 && input.goalsMet === input.goalsTotal;
  const bytes =
    input.bytes !== undefined && Number.isFinite(input.bytes) && input.bytes >= 0
      ? Math.round(input.bytes)
      : undefined;
  const score =
    input.score !== undefined && Number.isFinite(input.score)
      ? Math.max(0, Math.min(100, Math.round(input.score)))
      : undefined;
  // Over the caps the server would refuse the whole report: send the figures without the texts.
  const fits =
    input.dockerfile.length <= ROOM_LIMITS.dockerfileChars &&
    input.dockerignore.length <= ROOM_LIMITS.dockerignoreChars;
  return {
    id: input.id,
    lesson: input.lesson,
    at: input.at.toISOString(),
    ...(bytes !== undefined ? { bytes } : {}),
    goalsMet: input.goalsMet,
    goalsTotal: input.goalsTotal,
    isCompleted,
    ...(score !== undefined ? { score } : {}),
    ...(isCompleted && fits
      ? { dockerfile: input.dockerfile, dockerignore: input.dockerignore }
      : {}),
  };
}
