import {
  authMemberCached,
  handle,
  json,
  refuseMember,
  roomsDatabase,
  type RoomParams,
} from '@/server/rooms/http';
import { learnerSnapshot, MemberRefused } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * GET /api/rooms/CODE/me (member token) → what the learner's screen starts from: the room, its
 * pacing, spotlight and recent messages, the learner's own hand and progress, and `seq` to
 * stream events after. Nothing about other learners. The snapshot's transaction checks that
 * the learner is still in the room, so the cached token check is enough here.
 */
export function GET(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const database = await roomsDatabase();
    const auth = await authMemberCached(database, request, (await params).code);
    if (!auth.ok) return auth.response;
    try {
      const snapshot = await learnerSnapshot(database, auth.room, auth.member);
      return json(200, {
        ...snapshot,
        memberId: auth.member.id,
        nickname: auth.member.nickname,
      });
    } catch (error) {
      if (error instanceof MemberRefused) return refuseMember(error.reason);
      throw error;
    }
  });
}
