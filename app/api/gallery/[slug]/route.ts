import { getDatabase } from '@/server/db/instance';
import { solutionGroupKey } from '@/lib/gallery';
import { lessonVersion } from '@/lib/gallery';
import { MAX_BODY_BYTES, PublishRequestSchema, RoomCodeSchema, parseWith } from '@/lib/gallery';
import { checkOrigin, clientKey, json, limit, readJson, refuse } from '@/server/gallery/http';
import { measure } from '@/server/gallery/measure';
import { findLesson, galleryView } from '@/server/gallery/service';
import { publishEntry } from '@/server/gallery/store';

export const dynamic = 'force-dynamic';

/** Publications one address may make per 10 minutes. */
const PUBLISH_LIMIT = 20;

type Context = { params: Promise<{ slug: string }> };

/**
 * GET /api/gallery/SLUG[?room=CODE] → the ranked, grouped gallery. Hidden-until-solved is the
 * page's rule (progress lives in the learner's browser); the server only ever lists solutions
 * that meet the goals, so nothing here is private.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const lesson = findLesson((await params).slug);
  if (!lesson) return refuse(404, 'There is no lesson with this slug.');
  const roomText = new URL(request.url).searchParams.get('room');
  let room: string | undefined;
  if (roomText !== null) {
    const parsed = parseWith(RoomCodeSchema, roomText);
    if (!parsed.ok) return refuse(400, `room: ${parsed.reason}`);
    room = parsed.value;
  }
  const { db } = await getDatabase();
  return json(200, await galleryView(db, lesson, room));
}

/**
 * POST /api/gallery/SLUG `{ lessonVersion, dockerfile, dockerignore, nickname?, withdrawKey, room? }`
 * → 201 `{ entryId, solutionId }`. The server analyses the solution itself: one that does not meet
 * the lesson's goals is refused (422), and the size and score shown are the server's.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const wrongOrigin = checkOrigin(request);
  if (wrongOrigin) return wrongOrigin;
  const lesson = findLesson((await params).slug);
  if (!lesson) return refuse(404, 'There is no lesson with this slug.');
  const body = await readJson(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = parseWith(PublishRequestSchema, body.value);
  if (!parsed.ok) return refuse(400, parsed.reason);
  const request_ = parsed.value;
  const current = lessonVersion(lesson);
  if (request_.lessonVersion !== current) {
    return refuse(409, 'This lesson changed since your page was loaded. Reload it, then publish.');
  }
  const result = measure(lesson, request_.dockerfile, request_.dockerignore);
  if (!result.isSolved) {
    return refuse(
      422,
      `This solution does not meet the lesson's goals (${result.goalsMet} of ${result.goalsTotal}), so it cannot be published.`,
    );
  }
  const { db } = await getDatabase();
  const limited = await limit(db, `publish:${clientKey(request)}`, PUBLISH_LIMIT, 600_000);
  if (limited) return limited;
  const published = await publishEntry(db, {
    content: {
      lesson: lesson.slug,
      lessonVersion: current,
      dockerfile: request_.dockerfile,
      dockerignore: request_.dockerignore,
    },
    nickname: request_.nickname ?? undefined,
    room: request_.room,
    groupKey: solutionGroupKey(request_.dockerfile, request_.dockerignore),
    bytes: result.bytes,
    score: result.score,
    withdrawKey: request_.withdrawKey,
  });
  if (published.status === 'conflict') {
    return refuse(
      409,
      'Another solution is already stored under this ID, so it was not published.',
    );
  }
  return json(201, {
    entryId: published.entryId,
    solutionId: published.solutionId,
    bytes: result.bytes,
    score: result.score,
  });
}
