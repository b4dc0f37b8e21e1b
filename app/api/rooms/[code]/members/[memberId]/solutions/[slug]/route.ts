import {
  authTrainer,
  handle,
  json,
  refuse,
  roomsDatabase,
  type RoomParams,
} from '@/server/rooms/http';
import { memberSolution } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

type Params = RoomParams<{ memberId: string; slug: string }>;

/**
 * GET /api/rooms/CODE/members/MEMBERID/solutions/SLUG (trainer secret) → the learner's completed
 * solution `{ memberId, nickname, dockerfile, dockerignore, bytes?, completedAt? }`; 404 when
 * they have not completed the lesson.
 */
export function GET(request: Request, { params }: Params): Promise<Response> {
  return handle(async () => {
    const { code, memberId, slug } = await params;
    const database = await roomsDatabase();
    const auth = await authTrainer(database, request, code);
    if (!auth.ok) return auth.response;
    if (!auth.room.lessons.includes(slug)) return refuse(404, 'This room has no such lesson.');
    const solution = await memberSolution(database.db, auth.room, memberId, slug);
    if (!solution) return refuse(404, 'That learner has not completed this lesson.');
    return json(200, solution);
  });
}
