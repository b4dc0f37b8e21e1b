import {
  authTrainer,
  checkOrigin,
  handle,
  json,
  roomsDatabase,
  type RoomParams,
} from '@/server/rooms/http';
import { closeRoom } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * POST /api/rooms/CODE/close (trainer secret) → 200 `{ closedAt }`. The room stays readable and
 * takes no new members, progress or trainer actions; closing it again changes nothing.
 */
export function POST(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const wrongOrigin = checkOrigin(request);
    if (wrongOrigin) return wrongOrigin;
    const database = await roomsDatabase();
    const auth = await authTrainer(database, request, (await params).code);
    if (!auth.ok) return auth.response;
    const event = await closeRoom(database, auth.room);
    const closedAt = event?.kind === 'closed' ? event.closedAt : auth.room.closedAt;
    return json(200, { closedAt });
  });
}
