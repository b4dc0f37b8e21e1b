import { groupSolutions } from '@/lib/rooms';
import { json, refuse, trainerRead } from '@/server/rooms/http';
import { lessonSolutions } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * GET /api/rooms/CODE/solutions?lesson=SLUG (trainer secret) → `{ lesson, groups }`: the
 * completed solutions of the lesson, identical ones (same parsed instructions) grouped, smallest
 * estimate first.
 */
export const GET = trainerRead(async ({ database, room, url }) => {
  const lesson = url.searchParams.get('lesson') ?? '';
  if (!room.lessons.includes(lesson)) return refuse(400, 'lesson: this room has no such lesson.');
  const groups = groupSolutions(await lessonSolutions(database.db, room, lesson));
  return json(200, { lesson, groups });
});
