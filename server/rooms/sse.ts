import type { RoomEvent, Viewer } from '@/lib/rooms/types';
import { isVisibleTo } from '@/lib/rooms/visibility';
import type { RoomFeed } from './feed';

/** A comment line every so often keeps proxies and browsers from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;

/** One Server-Sent Event: the room's event number as its id, so a client resumes with Last-Event-ID. */
export function sseEvent(event: RoomEvent): string {
  return `id: ${event.seq}\nevent: room\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * A stream of the room's events after `afterSeq` that `viewer` may see, live. Invisible events
 * are skipped; the stream ends when `signal` aborts or `shouldEnd` says so after an event.
 */
export function roomEventStream(
  feed: RoomFeed,
  viewer: Viewer,
  afterSeq: number,
  signal: AbortSignal,
  shouldEnd: (event: RoomEvent) => boolean = () => false,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let last = afterSeq;
  let pumping = false;
  let again = false;
  let closed = false;
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const end = () => {
        if (closed) return;
        closed = true;
        stop();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      const pump = async () => {
        if (pumping) {
          again = true;
          return;
        }
        pumping = true;
        try {
          do {
            again = false;
            while (!closed && last < feed.lastSeq) {
              const events = await feed.eventsAfter(last);
              if (events.length === 0) break;
              for (const event of events) {
                last = event.seq;
                if (isVisibleTo(event, viewer)) send(sseEvent(event));
                if (shouldEnd(event)) return end();
              }
            }
          } while (again && !closed);
        } catch {
          // A failed read: the feed's next refresh pumps again.
        } finally {
          pumping = false;
        }
      };
      send(`retry: 2000\n: connected after ${afterSeq}\n\n`);
      const unlisten = feed.listen(() => void pump());
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
      stop = () => {
        unlisten();
        clearInterval(heartbeat);
      };
      signal.addEventListener('abort', end, { once: true });
      await feed.whenReady();
      await feed.refresh();
      await pump();
    },
    cancel() {
      closed = true;
      stop();
    },
  });
}
