import { getDatabase } from '@/server/db/instance';
import { HideRequestSchema, parseWith } from '@/lib/gallery';
import { checkShortId } from '@/lib/gallery';
import { isOperator, json, readJson, refuse } from '@/server/gallery/http';
import { setSolutionHidden } from '@/server/gallery/store';

export const dynamic = 'force-dynamic';

/** POST /api/short-links/ID/hide `{ isHidden }` with the operator token: hides a short link. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  if (!isOperator(request)) return refuse(403, 'Only the operator of this site may do this.');
  const id = checkShortId((await params).id);
  if (!id.ok) return refuse(400, id.reason);
  const body = await readJson(request, 1_000);
  if (!body.ok) return body.response;
  const parsed = parseWith(HideRequestSchema, body.value);
  if (!parsed.ok) return refuse(400, parsed.reason);
  const { db } = await getDatabase();
  const found = await setSolutionHidden(db, id.id, parsed.value.isHidden);
  return found
    ? json(200, { id: id.id, isHidden: parsed.value.isHidden })
    : refuse(404, 'No such short link.');
}
