import { json, trainerAction } from '@/server/rooms/http';
import { closeRoom } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * POST /api/rooms/CODE/close (trainer secret) → 200 `{ closedAt }`. The room stays readable and
 * takes no new members, progress or trainer actions; closing it again changes nothing.
 */
export const POST = trainerAction(async ({ database, room }) => {
  const event = await closeRoom(database, room);
  const closedAt = event?.kind === 'closed' ? event.closedAt : room.closedAt;
  return json(200, { closedAt });
});
