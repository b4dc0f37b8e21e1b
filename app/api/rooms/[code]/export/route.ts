import { toCsv } from '@/lib/rooms';
import { json, refuse, trainerRead } from '@/server/rooms/http';
import { roomResults } from '@/server/rooms/store';

export const dynamic = 'force-dynamic';

/** `?format=`, csv by default. */
function formatOf(url: URL): string {
  return url.searchParams.get('format') ?? 'csv';
}

/**
 * GET /api/rooms/CODE/export?format=csv|json (trainer secret) → one row per completed lesson per
 * learner: nickname, lesson, completedAt, finalBytes, score, attempts. CSV (the default) comes
 * as a download; JSON is `{ code, rows }`.
 */
export const GET = trainerRead(
  async ({ database, room, url }) => {
    const rows = await roomResults(database.db, room);
    if (formatOf(url) === 'json') return json(200, { code: room.code, rows });
    return new Response(toCsv(rows), {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="room-${room.code}-results.csv"`,
        'cache-control': 'no-store',
      },
    });
  },
  (url) => {
    const format = formatOf(url);
    return format === 'csv' || format === 'json'
      ? undefined
      : refuse(400, 'format must be csv or json.');
  },
);
