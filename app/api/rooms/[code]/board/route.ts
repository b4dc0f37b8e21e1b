import { authTrainer, handle, json, roomsDatabase, type RoomParams } from '@/server/rooms/http';
import { boardSnapshot } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * GET /api/rooms/CODE/board (trainer secret) → the board snapshot: room, pacing, spotlight,
 * members, progress per member and lesson, and `seq`, the event the stream continues after.
 */
export function GET(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const database = await roomsDatabase();
    const auth = await authTrainer(database, request, (await params).code);
    if (!auth.ok) return auth.response;
    return json(200, await boardSnapshot(database, auth.room));
  });
}
