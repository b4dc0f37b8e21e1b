'use client';

import type { LessonState } from '@/lib/progress';
import { roomLessonState } from '@/lib/rooms';
import { useRoom } from './useRoom';

/**
 * The room's override of lesson states while the learner is in a room (its pacing opens and
 * closes lessons, whatever the local locks say); `undefined` when not in a room or before the
 * room's state has arrived, so the local states apply.
 */
export function useRoomLessonStates(
  slugs: readonly string[],
  completed: readonly string[] | undefined,
): { states: Record<string, LessonState>; roomName: string } | undefined {
  const room = useRoom();
  const view = room.view;
  if (!room.membership || !view || !completed) return undefined;
  const done = new Set(completed);
  const states: Record<string, LessonState> = {};
  for (const slug of slugs) states[slug] = roomLessonState(view.pacing, slug, done.has(slug));
  return { states, roomName: view.name };
}
