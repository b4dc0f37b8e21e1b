import * as v from 'valibot';
import { nicknameSchema } from '@/lib/rooms';
import {
  JOINS,
  checkOrigin,
  clientKey,
  handle,
  json,
  limit,
  lookUpRoom,
  readBody,
  refuse,
  refuseClosed,
  refuseIfClosed,
  roomsDatabase,
  type RoomParams,
} from '@/server/rooms/http';
import { joinRoom } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

const joinBodySchema = v.strictObject({ nickname: nicknameSchema });

/**
 * POST /api/rooms/CODE/members `{ nickname }` → 201 `{ memberId, token }`. The token is the
 * learner's only key (their browser keeps it); 409 when the nickname is taken or the room full,
 * 410 when the room is closed.
 */
export function POST(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const wrongOrigin = checkOrigin(request);
    if (wrongOrigin) return wrongOrigin;
    const body = await readBody(request, joinBodySchema);
    if (!body.ok) return body.response;
    const database = await roomsDatabase();
    const found = await lookUpRoom(database, request, (await params).code);
    if (!found.ok) return found.response;
    const closed = refuseIfClosed(found.room);
    if (closed) return closed;
    const limited = await limit(
      database.db,
      `room-join:${clientKey(request)}`,
      JOINS.max,
      JOINS.windowMs,
    );
    if (limited) return limited;
    const joined = await joinRoom(database, found.room, body.value.nickname);
    if (!joined.ok) {
      if (joined.reason === 'closed') return refuseClosed();
      return refuse(
        409,
        joined.reason === 'full'
          ? 'This room is full.'
          : 'Someone in this room already uses that nickname. Choose another.',
      );
    }
    return json(201, { memberId: joined.member.id, token: joined.token });
  });
}
