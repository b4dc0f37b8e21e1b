import {
  authTrainer,
  checkOrigin,
  handle,
  json,
  roomsDatabase,
  trainerPath,
  type RoomParams,
} from '@/server/rooms/http';
import { inviteTrainer } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * POST /api/rooms/CODE/trainers (trainer secret) → 201 `{ trainerSecret, trainerPath }`: a
 * second trainer's own link. Shown once; stored hashed.
 */
export function POST(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const wrongOrigin = checkOrigin(request);
    if (wrongOrigin) return wrongOrigin;
    const database = await roomsDatabase();
    const auth = await authTrainer(database, request, (await params).code);
    if (!auth.ok) return auth.response;
    const secret = await inviteTrainer(database, auth.room);
    return json(201, { trainerSecret: secret, trainerPath: trainerPath(auth.room.code, secret) });
  });
}
