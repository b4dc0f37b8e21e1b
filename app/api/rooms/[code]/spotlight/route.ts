import { makeSpotlight, spotlightSchema } from '@/lib/rooms';
import { json, refuse, trainerWrite } from '@/server/rooms/http';
import { memberSolution, setSpotlight } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * POST /api/rooms/CODE/spotlight (trainer secret) `{ show: true, memberId, lesson, showName? }`
 * shows a learner's completed solution on every screen (without their name unless `showName`);
 * `{ show: false }` takes it down. → 200 `{ spotlight }` (absent when taken down).
 */
export const POST = trainerWrite(spotlightSchema, async ({ database, room, body }) => {
  if (!body.show) {
    await setSpotlight(database, room, undefined);
    return json(200, {});
  }
  const { memberId, lesson, showName } = body;
  const solution = await memberSolution(database.db, room, memberId, lesson);
  if (!solution) return refuse(404, 'That learner has not completed this lesson.');
  const spotlight = makeSpotlight(
    { lesson, dockerfile: solution.dockerfile, dockerignore: solution.dockerignore },
    solution.nickname,
    showName,
  );
  await setSpotlight(database, room, spotlight);
  return json(200, { spotlight });
});
