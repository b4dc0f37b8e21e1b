import { holdAt, normalizePacing, openAll, openNext } from '@/lib/rooms';
import { pacingSchema } from '@/lib/rooms';
import {
  authTrainer,
  checkOrigin,
  handle,
  json,
  readBody,
  refuse,
  refuseIfClosed,
  roomsDatabase,
  type RoomParams,
} from '@/server/rooms/http';
import { setPacing } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * POST /api/rooms/CODE/pacing (trainer secret) `{ action: 'open-next' | 'open-all' | 'hold'
 * (with lesson) | 'set' (with open) }` → 200 `{ pacing }`: the lessons the room now opens.
 */
export function POST(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const wrongOrigin = checkOrigin(request);
    if (wrongOrigin) return wrongOrigin;
    const database = await roomsDatabase();
    const auth = await authTrainer(database, request, (await params).code);
    if (!auth.ok) return auth.response;
    const body = await readBody(request, pacingSchema);
    if (!body.ok) return body.response;
    const closed = refuseIfClosed(auth.room);
    if (closed) return closed;
    const { room } = auth;
    const request_ = body.value;
    let pacing;
    switch (request_.action) {
      case 'open-next':
        pacing = openNext(room.pacing, room.lessons);
        break;
      case 'open-all':
        pacing = openAll(room.lessons);
        break;
      case 'hold':
        pacing = holdAt(request_.lesson, room.lessons);
        if (!pacing) return refuse(400, `lesson: this room has no lesson "${request_.lesson}".`);
        break;
      case 'set': {
        const unknown = request_.open.find((slug) => !room.lessons.includes(slug));
        if (unknown) return refuse(400, `open: this room has no lesson "${unknown}".`);
        pacing = normalizePacing(request_.open, room.lessons);
        break;
      }
    }
    await setPacing(database, room, pacing);
    return json(200, { pacing });
  });
}
