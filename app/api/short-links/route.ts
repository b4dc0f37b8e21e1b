import { getDatabase } from '@/server/db/instance';
import { MAX_BODY_BYTES, ShortLinkRequestSchema, parseWith } from '@/lib/gallery';
import { checkOrigin, clientKey, json, limit, readJson, refuse } from '@/server/gallery/http';
import { findLesson } from '@/server/gallery/service';
import { getSolution, putSolution } from '@/server/gallery/store';
import { solutionId } from '@/lib/gallery';

export const dynamic = 'force-dynamic';

/**
 * New short links one address may create per 10 minutes. Asking again for a link that exists
 * (the same solution shared twice, a class behind one address sharing the reference) stores
 * nothing and does not count.
 */
const CREATE_LIMIT = 60;

/**
 * POST /api/short-links `{ lesson?, lessonVersion?, dockerfile, dockerignore }` → `{ id, path }`.
 * The ID comes from the content, so posting the same solution twice gives the same link (200).
 */
export async function POST(request: Request): Promise<Response> {
  const wrongOrigin = checkOrigin(request);
  if (wrongOrigin) return wrongOrigin;
  const body = await readJson(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = parseWith(ShortLinkRequestSchema, body.value);
  if (!parsed.ok) return refuse(400, parsed.reason);
  if (parsed.value.lesson !== undefined && !findLesson(parsed.value.lesson)) {
    return refuse(400, 'lesson: there is no lesson with this slug.');
  }
  const { db } = await getDatabase();
  const id = solutionId(parsed.value);
  const stored = await getSolution(db, id);
  if (stored.status === 'found') return json(200, { id, path: `/s/${id}` });
  const limited = await limit(db, `short-link:${clientKey(request)}`, CREATE_LIMIT, 600_000);
  if (limited) return limited;
  const put = await putSolution(db, parsed.value);
  if (put.status === 'conflict') {
    return refuse(409, 'Another solution is already stored under this ID, so no link was made.');
  }
  return json(put.status === 'created' ? 201 : 200, { id: put.id, path: `/s/${put.id}` });
}
