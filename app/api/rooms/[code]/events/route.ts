import {
  authViewer,
  handle,
  refuse,
  resumeAfter,
  roomsDatabase,
  type RoomParams,
} from '@/server/rooms/http';
import { roomFeed } from '@/server/rooms/feed';
import { roomEventStream } from '@/server/rooms/sse';

export const dynamic = 'force-dynamic';

/**
 * GET /api/rooms/CODE/events (trainer secret or member token) → `text/event-stream` of the
 * room's events the caller may see, each with its number as `id:`. Resume with the
 * `Last-Event-ID` header or `?after=N`; a comment every 15 s keeps proxies from closing it.
 * A learner's stream ends when they leave the room.
 */
export function GET(request: Request, { params }: RoomParams): Promise<Response> {
  return handle(async () => {
    const after = resumeAfter(request);
    if (after === undefined) return refuse(400, 'Last-Event-ID or after must be an event number.');
    const database = await roomsDatabase();
    const auth = await authViewer(database, request, (await params).code);
    if (!auth.ok) return auth.response;
    const { viewer } = auth;
    const stream = roomEventStream(
      roomFeed(database, auth.room.id),
      viewer,
      after,
      request.signal,
      (event) =>
        viewer.role === 'member' &&
        event.kind === 'member-left' &&
        event.memberId === viewer.memberId,
    );
    return new Response(stream, {
      status: 200,
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        // no-transform: the server's gzip would hold events back until its buffer flushes, and
        // under load every event's flush waits its turn; a stream of small events gains nothing.
        'cache-control': 'no-store, no-transform',
        'x-accel-buffering': 'no',
      },
    });
  });
}
