import { spotlightSchema } from '@/lib/rooms';
import { makeSpotlight } from '@/lib/rooms';
import {
  authTrainer,
  checkOrigin,
  handle,
  json,
  readBody,
  refuse,
  refuseIfClosed,
  roomsDatabase,
  type RoomParams,
} from '@/server/rooms/http';
import { memberSolution, setSpotlight } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * POST /api/rooms/CODE/spotlight (trainer secret) `{ show: true, memberId, lesson, showName? }`
 * shows a learner's completed solution on every screen (without their name unless `showName`);
 * `{ show: false }` takes it down. → 200 `{ spotlight }` (absent when taken down).
 */
export function POST(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const wrongOrigin = checkOrigin(request);
    if (wrongOrigin) return wrongOrigin;
    const database = await roomsDatabase();
    const auth = await authTrainer(database, request, (await params).code);
    if (!auth.ok) return auth.response;
    const body = await readBody(request, spotlightSchema);
    if (!body.ok) return body.response;
    const closed = refuseIfClosed(auth.room);
    if (closed) return closed;
    if (!body.value.show) {
      await setSpotlight(database, auth.room, undefined);
      return json(200, {});
    }
    const { memberId, lesson, showName } = body.value;
    const solution = await memberSolution(database.db, auth.room, memberId, lesson);
    if (!solution) return refuse(404, 'That learner has not completed this lesson.');
    const spotlight = makeSpotlight(
      { lesson, dockerfile: solution.dockerfile, dockerignore: solution.dockerignore },
      solution.nickname,
      showName,
    );
    await setSpotlight(database, auth.room, spotlight);
    return json(200, { spotlight });
  });
}
