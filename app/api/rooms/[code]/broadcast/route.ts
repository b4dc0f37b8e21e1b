import { broadcastSchema } from '@/lib/rooms';
import {
  authTrainer,
  checkOrigin,
  handle,
  json,
  readBody,
  refuseIfClosed,
  roomsDatabase,
  type RoomParams,
} from '@/server/rooms/http';
import { broadcast } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/** POST /api/rooms/CODE/broadcast (trainer secret) `{ kind?: 'message' | 'hint', text }` → 200. */
export function POST(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const wrongOrigin = checkOrigin(request);
    if (wrongOrigin) return wrongOrigin;
    const database = await roomsDatabase();
    const auth = await authTrainer(database, request, (await params).code);
    if (!auth.ok) return auth.response;
    const body = await readBody(request, broadcastSchema);
    if (!body.ok) return body.response;
    const closed = refuseIfClosed(auth.room);
    if (closed) return closed;
    const event = await broadcast(database, auth.room, body.value);
    return json(
      200,
      event.kind === 'broadcast' ? { broadcast: event.broadcast, seq: event.seq } : {},
    );
  });
}
