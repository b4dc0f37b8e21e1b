import { json, trainerAction, trainerPath } from '@/server/rooms/http';
import { inviteTrainer } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * POST /api/rooms/CODE/trainers (trainer secret) → 201 `{ trainerSecret, trainerPath }`: a
 * second trainer's own link. Shown once; stored hashed.
 */
export const POST = trainerAction(async ({ database, room }) => {
  const secret = await inviteTrainer(database, room);
  return json(201, { trainerSecret: secret, trainerPath: trainerPath(room.code, secret) });
});
