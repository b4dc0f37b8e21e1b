import { toCsv } from '@/lib/rooms';
import {
  authTrainer,
  handle,
  json,
  refuse,
  roomsDatabase,
  type RoomParams,
} from '@/server/rooms/http';
import { roomResults } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/**
 * GET /api/rooms/CODE/export?format=csv|json (trainer secret) → one row per completed lesson per
 * learner: nickname, lesson, completedAt, finalBytes, score, attempts. CSV (the default) comes
 * as a download; JSON is `{ code, rows }`.
 */
export function GET(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const format = new URL(request.url).searchParams.get('format') ?? 'csv';
    if (format !== 'csv' && format !== 'json') return refuse(400, 'format must be csv or json.');
    const database = await roomsDatabase();
    const auth = await authTrainer(database, request, (await params).code);
    if (!auth.ok) return auth.response;
    const rows = await roomResults(database.db, auth.room);
    if (format === 'json') return json(200, { code: auth.room.code, rows });
    return new Response(toCsv(rows), {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="room-${auth.room.code}-results.csv"`,
        'cache-control': 'no-store',
      },
    });
  });
}
