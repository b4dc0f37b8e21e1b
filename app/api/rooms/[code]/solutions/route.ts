import { groupSolutions } from '@/lib/rooms';
import {
  authTrainer,
  handle,
  json,
  refuse,
  roomsDatabase,
  type RoomParams,
} from '@/server/rooms/http';
import { lessonSolutions } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * GET /api/rooms/CODE/solutions?lesson=SLUG (trainer secret) → `{ lesson, groups }`: the
 * completed solutions of the lesson, identical ones (same parsed instructions) grouped, smallest
 * estimate first.
 */
export function GET(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const lesson = new URL(request.url).searchParams.get('lesson') ?? '';
    const database = await roomsDatabase();
    const auth = await authTrainer(database, request, (await params).code);
    if (!auth.ok) return auth.response;
    if (!auth.room.lessons.includes(lesson)) {
      return refuse(400, 'lesson: this room has no such lesson.');
    }
    const groups = groupSolutions(await lessonSolutions(database.db, auth.room, lesson));
    return json(200, { lesson, groups });
  });
}
