import type { RoomEvent } from '@/lib/rooms/types';
import type { Database } from '../db/database';
import { onLocalEvents } from './local-events';
import { eventsAfter, lastSeq, roomTopic } from './store';

/** How many recent events a feed keeps for streams that are a little behind. */
const CACHE_EVENTS = 2000;
/** A safety read when no notification came: catches anything a dropped connection missed. */
const POLL_MS = 5000;
/** How long an event this process wrote may wait for an earlier one before the gap is read. */
const GAP_MS = 200;
/** A feed without streams lingers this long before it stops listening. */
const IDLE_MS = 30_000;

type FeedListener = () => void;

/**
 * One per room per process: it listens for the room's notifications, reads the new events once,
 * and tells every local stream. Streams read from its cache, so 200 open streams cost one query
 * per notification, not 200.
 */
export class RoomFeed {
  private cache: RoomEvent[] = [];
  private head = 0;
  private readonly listeners = new Set<FeedListener>();
  private reading: Promise<void> | undefined;
  private readonly pending = new Map<number, RoomEvent>();
  private gapTimer: NodeJS.Timeout | undefined;
  private again = false;
  private ready: Promise<void>;
  private readonly unsubscribe: () => void;
  private readonly unsubscribeLocal: () => void;
  private readonly poll: NodeJS.Timeout;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly database: Database,
    readonly roomId: string,
    private readonly onIdle: () => void,
  ) {
    // A notification of an event this feed already has (one this process wrote) needs no read.
    this.unsubscribe = database.subscribe(roomTopic(roomId), (message) => {
      if (message !== null && /^\d+$/.test(message) && Number(message) <= this.head) return;
      void this.refresh();
    });
    this.unsubscribeLocal = onLocalEvents(roomId, (events) => this.offer(events));
    this.ready = lastSeq(database.db, roomId).then((seq) => {
      this.head = Math.max(this.head, seq);
    });
    this.poll = setInterval(() => void this.refresh(), POLL_MS);
    this.poll.unref?.();
  }

  /** The last event number this feed knows about. */
  get lastSeq(): number {
    return this.head;
  }

  /** Waits until the feed knows the room's current last event. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /**
   * Events after `afterSeq` (at most `limit`): from the cache when it reaches back that far,
   * otherwise from the database.
   */
  async eventsAfter(afterSeq: number, limit = 500): Promise<RoomEvent[]> {
    const first = this.cache[0]?.seq;
    if (first !== undefined && first <= afterSeq + 1) {
      const start = this.cache.findIndex((e) => e.seq > afterSeq);
      return start < 0 ? [] : this.cache.slice(start, start + limit);
    }
    return eventsAfter(this.database.db, this.roomId, afterSeq, limit);
  }

  listen(listener: FeedListener): () => void {
    this.listeners.add(listener);
    clearTimeout(this.idleTimer);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.idleTimer = setTimeout(() => this.onIdle(), IDLE_MS);
        this.idleTimer.unref?.();
      }
    };
  }

  /**
   * Takes events this process just committed, without a read. Commits of one room are numbered
   * in order but their callbacks may run out of order, so an event that does not continue the
   * cache waits in `pending` for the ones before it; a gap that stays is filled by a read.
   * A read under way does not stop this: it keeps only what is newer than the cache by then.
   */
  private offer(events: readonly RoomEvent[]): void {
    for (const event of events) if (event.seq > this.head) this.pending.set(event.seq, event);
    if (this.drain()) for (const listener of this.listeners) listener();
    if (this.pending.size > 0 && !this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = undefined;
        if (this.pending.size > 0) void this.refresh();
      }, GAP_MS);
      this.gapTimer.unref?.();
    }
  }

  /** Moves pending events that continue the cache into it; true when any did. */
  private drain(): boolean {
    let added = false;
    for (const seq of [...this.pending.keys()]) if (seq <= this.head) this.pending.delete(seq);
    for (let next = this.pending.get(this.head + 1); next; next = this.pending.get(this.head + 1)) {
      this.pending.delete(next.seq);
      this.push([next]);
      added = true;
    }
    return added;
  }

  private push(events: readonly RoomEvent[]): void {
    this.cache.push(...events);
    if (this.cache.length > CACHE_EVENTS) this.cache.splice(0, this.cache.length - CACHE_EVENTS);
    this.head = events[events.length - 1].seq;
  }

  /** Reads what is new; concurrent calls coalesce into one more read. */
  refresh(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = (async () => {
      try {
        await this.ready;
        do {
          this.again = false;
          for (;;) {
            const read = await eventsAfter(this.database.db, this.roomId, this.head, 500);
            // Events offered while the read was under way are in already.
            const events = read.filter((event) => event.seq > this.head);
            if (events.length) this.push(events);
            this.drain();
            if (read.length < 500) break;
          }
          for (const listener of this.listeners) listener();
        } while (this.again);
      } catch {
        // The next notification or poll tries again.
      } finally {
        this.reading = undefined;
      }
    })();
    return this.reading;
  }

  close(): void {
    clearInterval(this.poll);
    clearTimeout(this.idleTimer);
    clearTimeout(this.gapTimer);
    this.unsubscribe();
    this.unsubscribeLocal();
    this.listeners.clear();
  }
}

const KEY = Symbol.for('layerlab.roomFeeds');
type Holder = { [KEY]?: Map<string, RoomFeed> };

/** The process's feed for a room, created on first use. */
export function roomFeed(database: Database, roomId: string): RoomFeed {
  const holder = globalThis as Holder;
  const feeds = (holder[KEY] ??= new Map());
  let feed = feeds.get(roomId);
  if (!feed) {
    const created: RoomFeed = new RoomFeed(database, roomId, () => {
      if (feeds.get(roomId) === created) feeds.delete(roomId);
      created.close();
    });
    feeds.set(roomId, created);
    feed = created;
  }
  return feed;
}
