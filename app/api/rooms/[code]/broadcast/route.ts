import { broadcastSchema } from '@/lib/rooms';
import { json, trainerWrite } from '@/server/rooms/http';
import { broadcast } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/** POST /api/rooms/CODE/broadcast (trainer secret) `{ kind?: 'message' | 'hint', text }` → 200. */
export const POST = trainerWrite(broadcastSchema, async ({ database, room, body }) => {
  const event = await broadcast(database, room, body);
  return json(
    200,
    event.kind === 'broadcast' ? { broadcast: event.broadcast, seq: event.seq } : {},
  );
});
