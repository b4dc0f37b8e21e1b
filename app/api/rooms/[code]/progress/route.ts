import { progressBatchSchema } from '@/lib/rooms';
import { json, memberWrite, refuse } from '@/server/rooms/http';
import { recordProgress } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * POST /api/rooms/CODE/progress (member token) `{ reports: [...] }` → 200 `{ acked: [ids] }`.
 * Idempotent by report id: an outbox that resends a report gets it acknowledged again and
 * nothing is counted twice. A learner writes only their own progress (the token says who).
 */
export const POST = memberWrite(progressBatchSchema, async ({ database, room, member, body }) => {
  const unknown = body.reports.find((r) => !room.lessons.includes(r.lesson));
  if (unknown) return refuse(400, `reports: this room has no lesson "${unknown.lesson}".`);
  const { acked } = await recordProgress(database, room, member, body.reports);
  return json(200, { acked });
});
