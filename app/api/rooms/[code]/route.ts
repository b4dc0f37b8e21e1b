import { handle, json, lookUpRoom, roomsDatabase, type RoomParams } from '@/server/rooms/http';

export const dynamic = 'force-dynamic';

/**
 * GET /api/rooms/CODE → the public part of a room `{ code, name, lessons, pacing, closed,
 * endsAt? }`; 404 for an unknown code (misses are rate-limited against guessing).
 */
export function GET(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const database = await roomsDatabase();
    const found = await lookUpRoom(database, request, (await params).code);
    if (!found.ok) return found.response;
    const { room } = found;
    return json(200, {
      code: room.code,
      name: room.name,
      lessons: room.lessons,
      pacing: room.pacing,
      closed: Boolean(room.closedAt),
      ...(room.endsAt ? { endsAt: room.endsAt } : {}),
    });
  });
}
