import { progressBatchSchema } from '@/lib/rooms';
import {
  authMemberForProgress,
  checkOrigin,
  handle,
  json,
  readBody,
  refuse,
  refuseIfClosed,
  refuseProgress,
  roomsDatabase,
  type RoomParams,
} from '@/server/rooms/http';
import { ProgressRefused, recordProgress } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * POST /api/rooms/CODE/progress (member token) `{ reports: [...] }` → 200 `{ acked: [ids] }`.
 * Idempotent by report id: an outbox that resends a report gets it acknowledged again and
 * nothing is counted twice. A learner writes only their own progress (the token says who).
 */
export function POST(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const wrongOrigin = checkOrigin(request);
    if (wrongOrigin) return wrongOrigin;
    const database = await roomsDatabase();
    const auth = await authMemberForProgress(database, request, (await params).code);
    if (!auth.ok) return auth.response;
    const body = await readBody(request, progressBatchSchema);
    if (!body.ok) return body.response;
    const closed = refuseIfClosed(auth.room);
    if (closed) return closed;
    const unknown = body.value.reports.find((r) => !auth.room.lessons.includes(r.lesson));
    if (unknown) return refuse(400, `reports: this room has no lesson "${unknown.lesson}".`);
    try {
      const { acked } = await recordProgress(database, auth.room, auth.member, body.value.reports);
      return json(200, { acked });
    } catch (error) {
      if (error instanceof ProgressRefused) return refuseProgress(error.reason);
      throw error;
    }
  });
}
