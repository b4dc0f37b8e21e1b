import { pacingFor, pacingSchema } from '@/lib/rooms';
import { json, refuse, trainerWrite } from '@/server/rooms/http';
import { setPacing } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * POST /api/rooms/CODE/pacing (trainer secret) `{ action: 'open-next' | 'open-all' | 'hold'
 * (with lesson) | 'set' (with open) }` → 200 `{ pacing }`: the lessons the room now opens.
 */
export const POST = trainerWrite(pacingSchema, async ({ database, room, body }) => {
  const next = pacingFor(body, room.pacing, room.lessons);
  if (!next.ok) return refuse(400, next.reason);
  await setPacing(database, room, next.pacing);
  return json(200, { pacing: next.pacing });
});
