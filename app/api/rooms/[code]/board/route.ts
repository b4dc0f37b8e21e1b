import { json, trainerRead } from '@/server/rooms/http';
import { boardSnapshot } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * GET /api/rooms/CODE/board (trainer secret) → the board snapshot: room, pacing, spotlight,
 * members, progress per member and lesson, and `seq`, the event the stream continues after.
 */
export const GET = trainerRead(async ({ database, room }) =>
  json(200, await boardSnapshot(database, room)),
);
