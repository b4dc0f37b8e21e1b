import type { PacingRequest } from './schemas';
import type { Pacing } from './types';

/** Keeps only known slugs, in course order, without duplicates. */
export function normalizePacing(open: readonly string[], lessons: readonly string[]): Pacing {
  const wanted = new Set(open);
  return { open: lessons.filter((slug) => wanted.has(slug)) };
}

/**
 * Opens the first lesson after the last open one (or the first lesson when none is open).
 * Unchanged when every lesson up to the last is already open.
 */
export function openNext(pacing: Pacing, lessons: readonly string[]): Pacing {
  const last = pacing.open.length ? lessons.indexOf(pacing.open[pacing.open.length - 1]) : -1;
  const next = lessons[last + 1];
  return next === undefined ? pacing : normalizePacing([...pacing.open, next], lessons);
}

/** Every lesson open. */
export function openAll(lessons: readonly string[]): Pacing {
  return { open: [...lessons] };
}

/**
 * Holds the room at `lesson`: it and every lesson before it are open, later ones closed.
 * `undefined` when the lesson is not in the course.
 */
export function holdAt(lesson: string, lessons: readonly string[]): Pacing | undefined {
  const index = lessons.indexOf(lesson);
  return index < 0 ? undefined : { open: lessons.slice(0, index + 1) };
}

export type RoomLessonState = 'locked' | 'available' | 'completed';

/**
 * A lesson's state for a learner in a room: the room's pacing overrides the local locks both
 * ways (an open lesson is available even if the previous one is not done; a closed one is locked
 * even if it was unlocked locally). Completed stays completed: it is the learner's own fact.
 */
export function roomLessonState(
  pacing: Pacing,
  lesson: string,
  isCompleted: boolean,
): RoomLessonState {
  if (isCompleted) return 'completed';
  return pacing.open.includes(lesson) ? 'available' : 'locked';
}

/**
 * The pacing a trainer's request asks for, from the room's current pacing and lessons; a reason
 * (naming the field) when it names a lesson the room does not have.
 */
export function pacingFor(
  request: PacingRequest,
  pacing: Pacing,
  lessons: readonly string[],
): { ok: true; pacing: Pacing } | { ok: false; reason: string } {
  switch (request.action) {
    case 'open-next':
      return { ok: true, pacing: openNext(pacing, lessons) };
    case 'open-all':
      return { ok: true, pacing: openAll(lessons) };
    case 'hold': {
      const held = holdAt(request.lesson, lessons);
      return held
        ? { ok: true, pacing: held }
        : { ok: false, reason: `lesson: this room has no lesson "${request.lesson}".` };
    }
    case 'set': {
      const unknown = request.open.find((slug) => !lessons.includes(slug));
      return unknown
        ? { ok: false, reason: `open: this room has no lesson "${unknown}".` }
        : { ok: true, pacing: normalizePacing(request.open, lessons) };
    }
  }
}
