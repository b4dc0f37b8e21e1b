import { expect, it } from 'vitest';
import type { RoomEvent } from '@/lib/rooms/types';
import { describeStorage } from '../testing/storage';
import { roomFeed } from './feed';
import { publishLocal } from './local-events';
import { roomEventStream } from './sse';
import { broadcast, createRoom, joinRoom, recordProgress } from './store';

describeStorage('room feed', (ctx) => {
  it('streams every event of concurrent writers once, in order, with no gaps', async () => {
    const database = ctx.database();
    const { room } = await createRoom(database, { name: 'Busy', open: ['one'] }, ['one']);
    const members = [];
    for (let i = 0; i < 8; i++) {
      const joined = await joinRoom(database, room, `m${i}`);
      if (!joined.ok) throw new Error('join failed');
      members.push(joined.member);
    }
    const controller = new AbortController();
    const stream = roomEventStream(
      roomFeed(database, room.id),
      { role: 'trainer' },
      0,
      controller.signal,
    );
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    // 8 learners × 5 reports and 5 messages, all at once: commits finish in any order.
    const writes = members.flatMap((member, i) =>
      Array.from({ length: 5 }, (_, k) =>
        recordProgress(database, room, member, [
          {
            id: `feed-${i}-${k}-xxxx`,
            lesson: 'one',
            at: new Date().toISOString(),
            bytes: 1000 + k,
            goalsMet: 0,
            goalsTotal: 1,
            isCompleted: false,
          },
        ]),
      ),
    );
    const messages = Array.from({ length: 5 }, (_, k) =>
      broadcast(database, room, { kind: 'message', text: `m${k}` }),
    );
    await Promise.all([...writes, ...messages]);
    const total = 8 + 40 + 5;
    let text = '';
    const deadline = Date.now() + 10_000;
    while (!text.includes(`id: ${total}\n`) && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('puts events this process wrote in order without reading them back, even out of order', async () => {
    const database = ctx.database();
    const { room } = await createRoom(database, { name: 'Local', open: [] }, ['one']);
    await broadcast(database, room, { kind: 'message', text: 'in the database' });
    const feed = roomFeed(database, room.id);
    await feed.whenReady();
    const head = feed.lastSeq;
    const at = new Date().toISOString();
    const message = (seq: number): RoomEvent => ({
      kind: 'broadcast',
      broadcast: { kind: 'message', text: `only offered ${seq}`, at },
      seq,
      at,
    });
    let heard = 0;
    const stop = feed.listen(() => heard++);
    // These were never stored: only the in-process hand-over can have put them in the feed.
    publishLocal(room.id, [message(head + 2)]);
    expect(feed.lastSeq).toBe(head);
    publishLocal(room.id, [message(head + 1)]);
    expect(feed.lastSeq).toBe(head + 2);
    expect((await feed.eventsAfter(head)).map((e) => e.seq)).toEqual([head + 1, head + 2]);
    expect(heard).toBe(1);
    stop();
  });
});
