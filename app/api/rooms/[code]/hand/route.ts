import { handSchema } from '@/lib/rooms';
import { json, memberWrite } from '@/server/rooms/http';
import { setHand } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/** POST /api/rooms/CODE/hand (member token) `{ raised }` → 200 `{ raised }`. */
export const POST = memberWrite(handSchema, async ({ database, room, member, body }) => {
  await setHand(database, room, member, body.raised);
  return json(200, { raised: body.raised });
});
