import {
  authMember,
  checkOrigin,
  forgetMemberToken,
  handle,
  roomsDatabase,
  type RoomParams,
} from '@/server/rooms/http';
import { leaveRoom } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * DELETE /api/rooms/CODE/members/me (member token) → 204. The token stops working; the learner's
 * progress stays in the room's results.
 */
export function DELETE(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const wrongOrigin = checkOrigin(request);
    if (wrongOrigin) return wrongOrigin;
    const database = await roomsDatabase();
    const { code } = await params;
    const auth = await authMember(database, request, code);
    if (!auth.ok) return auth.response;
    await leaveRoom(database, auth.room, auth.member);
    forgetMemberToken(database, request, code);
    return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  });
}
