import { getDatabase } from '@/server/db/instance';
import { WithdrawRequestSchema, parseWith } from '@/lib/gallery';
import { checkOrigin, clientKey, json, limit, readJson, refuse } from '@/server/gallery/http';
import { withdrawEntry } from '@/server/gallery/store';

export const dynamic = 'force-dynamic';

/** POST /api/gallery/entries/ID/withdraw `{ withdrawKey }`: the learner removes their own entry. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const wrongOrigin = checkOrigin(request);
  if (wrongOrigin) return wrongOrigin;
  const { id } = await params;
  if (!/^[0-9a-z]{16}$/.test(id)) return refuse(400, 'Not a gallery entry id.');
  const body = await readJson(request, 1_000);
  if (!body.ok) return body.response;
  const parsed = parseWith(WithdrawRequestSchema, body.value);
  if (!parsed.ok) return refuse(400, parsed.reason);
  const { db } = await getDatabase();
  const limited = await limit(db, `withdraw:${clientKey(request)}`, 30, 600_000);
  if (limited) return limited;
  const result = await withdrawEntry(db, id, parsed.value.withdrawKey);
  if (result === 'missing')
    return refuse(404, 'There is no such entry (it may be withdrawn already).');
  if (result === 'forbidden') return refuse(403, 'This key does not belong to this entry.');
  return json(200, { id, isWithdrawn: true });
}
