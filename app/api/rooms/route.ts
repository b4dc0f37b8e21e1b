import { ROOM_LIMITS } from '@/lib/rooms';
import { createRoomSchema } from '@/lib/rooms';
import {
  CREATE_ROOMS,
  checkOrigin,
  clientKey,
  courseLessons,
  handle,
  json,
  limit,
  readBody,
  refuse,
  roomsDatabase,
  trainerPath,
} from '@/server/rooms/http';
import { createRoom } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * POST /api/rooms `{ name, open, endsAt? }` → 201 `{ code, name, trainerSecret, joinPath,
 * trainerPath }`. The secret is shown this once; the server keeps only its hash.
 */
export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const wrongOrigin = checkOrigin(request);
    if (wrongOrigin) return wrongOrigin;
    const body = await readBody(request, createRoomSchema);
    if (!body.ok) return body.response;
    const lessons = courseLessons();
    const unknown = body.value.open.find((slug) => !lessons.includes(slug));
    if (unknown) return refuse(400, `open: there is no lesson "${unknown}".`);
    if (body.value.endsAt) {
      const endsAt = Date.parse(body.value.endsAt);
      if (endsAt <= Date.now()) return refuse(400, 'endsAt: the end time is in the past.');
      if (endsAt > Date.now() + ROOM_LIMITS.maxLifetimeHours * 3_600_000) {
        return refuse(
          400,
          `endsAt: a room lasts at most ${ROOM_LIMITS.maxLifetimeHours / 24} days.`,
        );
      }
    }
    const database = await roomsDatabase();
    const limited = await limit(
      database.db,
      `room-create:${clientKey(request)}`,
      CREATE_ROOMS.max,
      CREATE_ROOMS.windowMs,
    );
    if (limited) return limited;
    const { room, trainerSecret } = await createRoom(database, body.value, lessons);
    return json(201, {
      code: room.code,
      name: room.name,
      trainerSecret,
      joinPath: `/join/${room.code}`,
      trainerPath: trainerPath(room.code, trainerSecret),
    });
  });
}
