import { getDatabase } from '@/server/db/instance';
import { HideRequestSchema, parseWith } from '@/lib/gallery';
import { isOperator, json, readJson, refuse } from '@/server/gallery/http';
import { setEntryHidden } from '@/server/gallery/store';

export const dynamic = 'force-dynamic';

/** POST /api/gallery/entries/ID/hide `{ isHidden }` with the operator token. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  if (!isOperator(request)) return refuse(403, 'Only the operator of this site may do this.');
  const { id } = await params;
  if (!/^[0-9a-z]{16}$/.test(id)) return refuse(400, 'Not a gallery entry id.');
  const body = await readJson(request, 1_000);
  if (!body.ok) return body.response;
  const parsed = parseWith(HideRequestSchema, body.value);
  if (!parsed.ok) return refuse(400, parsed.reason);
  const { db } = await getDatabase();
  const found = await setEntryHidden(db, id, parsed.value.isHidden);
  return found
    ? json(200, { id, isHidden: parsed.value.isHidden })
    : refuse(404, 'There is no such entry.');
}
