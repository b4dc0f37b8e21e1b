import { handSchema } from '@/lib/rooms';
import {
  authMember,
  checkOrigin,
  handle,
  json,
  readBody,
  refuseIfClosed,
  roomsDatabase,
  type RoomParams,
} from '@/server/rooms/http';
import { setHand } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/** POST /api/rooms/CODE/hand (member token) `{ raised }` → 200 `{ raised }`. */
export function POST(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const wrongOrigin = checkOrigin(request);
    if (wrongOrigin) return wrongOrigin;
    const database = await roomsDatabase();
    const auth = await authMember(database, request, (await params).code);
    if (!auth.ok) return auth.response;
    const body = await readBody(request, handSchema);
    if (!body.ok) return body.response;
    const closed = refuseIfClosed(auth.room);
    if (closed) return closed;
    await setHand(database, auth.room, auth.member, body.value.raised);
    return json(200, { raised: body.value.raised });
  });
}
