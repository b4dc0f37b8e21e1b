import { expect, it } from 'vitest';
import { applyBoardEvent } from '@/lib/rooms/board';
import type { ProgressReport } from '@/lib/rooms/progress';
import { describeStorage } from '../testing/storage';
import { roomFeed } from './feed';
import { roomEventStream } from './sse';
import {
  boardSnapshot,
  broadcast,
  closeRoom,
  createRoom,
  eventsAfter,
  findRoom,
  joinRoom,
  learnerSnapshot,
  leaveRoom,
  MemberRefused,
  memberForToken,
  recordProgress,
  roomForTrainer,
  roomResults,
  setHand,
  setPacing,
} from './store';

const lessons = ['one', 'two', 'three'];
const report = (id: string, over: Partial<ProgressReport> = {}): ProgressReport => ({
  id,
  lesson: 'one',
  at: new Date().toISOString(),
  bytes: 1000,
  goalsMet: 1,
  goalsTotal: 2,
  isCompleted: false,
  ...over,
});

async function readUntil(stream: ReadableStream<Uint8Array>, pattern: RegExp): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 5000;
  while (!pattern.test(text)) {
    if (Date.now() > deadline) throw new Error(`stream never matched ${pattern}: ${text}`);
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  await reader.cancel();
  return text;
}

describeStorage('room store', (ctx) => {
  async function room() {
    const created = await createRoom(ctx.database(), { name: 'Team A', open: ['one'] }, lessons);
    return created;
  }

  it('creates a room reachable by its code, and by the trainer secret only', async () => {
    const { room: r, trainerSecret } = await room();
    const { db } = ctx.database();
    expect(r.code).toMatch(/^[A-Z0-9]{6}$/);
    expect((await findRoom(db, r.code))?.id).toBe(r.id);
    expect((await roomForTrainer(db, r.code, trainerSecret))?.id).toBe(r.id);
    expect(await roomForTrainer(db, r.code, `${trainerSecret}x`)).toBeUndefined();
  });

  it('joins learners with unique nicknames and knows them by token', async () => {
    const { room: r } = await room();
    const database = ctx.database();
    const ada = await joinRoom(database, r, 'Ada');
    expect(ada.ok).toBe(true);
    expect(await joinRoom(database, r, 'ada')).toEqual({ ok: false, reason: 'nickname-taken' });
    if (!ada.ok) return;
    expect((await memberForToken(database.db, r.code, ada.token))?.member.id).toBe(ada.member.id);
    // A learner's token is not a trainer secret.
    expect(await roomForTrainer(database.db, r.code, ada.token)).toBeUndefined();
  });

  it('counts a resent report once, and numbers events without gaps', async () => {
    const { room: r } = await room();
    const database = ctx.database();
    const joined = await joinRoom(database, r, 'bob');
    if (!joined.ok) throw new Error('join failed');
    const first = await recordProgress(database, r, joined.member, [report('aaaaaaaa1')]);
    const again = await recordProgress(database, r, joined.member, [
      report('aaaaaaaa1'),
      report('aaaaaaaa2', { isCompleted: true, goalsMet: 2, bytes: 500 }),
    ]);
    expect(first.acked).toEqual(['aaaaaaaa1']);
    expect(again.acked).toEqual(['aaaaaaaa1', 'aaaaaaaa2']);
    expect(again.events).toHaveLength(1);
    const events = await eventsAfter(database.db, r.id, 0);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    const results = await roomResults(database.db, r);
    expect(results).toEqual([
      expect.objectContaining({ nickname: 'bob', lesson: 'one', finalBytes: 500, attempts: 2 }),
    ]);
  });

  it('folds reports sent at once into writes that keep order, ids and idempotence', async () => {
    const { room: r } = await room();
    const database = ctx.database();
    const members = [];
    for (let i = 0; i < 12; i++) {
      const joined = await joinRoom(database, r, `learner-${i}`);
      if (!joined.ok) throw new Error('join failed');
      members.push(joined.member);
    }
    const before = (await eventsAfter(database.db, r.id, 0)).length;
    // Every learner sends two reports at once, and learner 0 resends its first in the same moment.
    const answers = await Promise.all([
      ...members.map((m, i) =>
        recordProgress(database, r, m, [
          report(`first-${i}-x`, { bytes: 2000 + i }),
          report(`second-${i}-x`, { bytes: 3000 + i }),
        ]),
      ),
      recordProgress(database, r, members[0], [report('first-0-x', { bytes: 2000 })]),
    ]);
    expect(answers.at(-1)?.acked).toEqual(['first-0-x']);
    expect(answers.at(-1)?.events).toEqual([]);
    const events = await eventsAfter(database.db, r.id, 0);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const progress = events.slice(before);
    expect(progress).toHaveLength(24);
    // Each request got back exactly its own events, in the order it sent them.
    members.forEach((m, i) => {
      const mine = answers[i].events.map((e) => (e.kind === 'progress' ? e.progress.bytes : -1));
      expect(mine).toEqual([2000 + i, 3000 + i]);
      expect(answers[i].events.every((e) => 'memberId' in e && e.memberId === m.id)).toBe(true);
    });
    expect(progress.map((e) => e.seq)).toEqual(
      answers.flatMap((a) => a.events.map((e) => e.seq)).sort((a, b) => a - b),
    );
    const board = await boardSnapshot(database, r);
    members.forEach((m, i) => expect(board.progress[m.id].one.bytes).toBe(3000 + i));
    // Sent again later, nothing is counted twice.
    const again = await recordProgress(database, r, members[3], [report('second-3-x')]);
    expect(again.events).toEqual([]);
    expect(await eventsAfter(database.db, r.id, events.length)).toEqual([]);
  });

  it('refuses progress in its transaction from a learner who left or in a closed room', async () => {
    const { room: r } = await room();
    const database = ctx.database();
    const a = await joinRoom(database, r, 'a');
    const b = await joinRoom(database, r, 'b');
    if (!a.ok || !b.ok) throw new Error('join failed');
    await leaveRoom(database, r, a.member);
    // Sent together: the one who left is refused, the other is written.
    const [left, stayed] = await Promise.allSettled([
      recordProgress(database, r, a.member, [report('gone-0001')]),
      recordProgress(database, r, b.member, [report('here-0001')]),
    ]);
    expect(left.status === 'rejected' && left.reason).toEqual(new MemberRefused('left'));
    expect(stayed.status === 'fulfilled' && stayed.value.events).toHaveLength(1);
    await closeRoom(database, r);
    await expect(recordProgress(database, r, b.member, [report('here-0002')])).rejects.toEqual(
      new MemberRefused('closed'),
    );
    const board = await boardSnapshot(database, r);
    expect(Object.keys(board.progress)).toEqual([b.member.id]);
  });

  it('refuses a hand and a snapshot in their transaction from a learner who left or in a closed room', async () => {
    const { room: r } = await room();
    const database = ctx.database();
    const a = await joinRoom(database, r, 'a');
    const b = await joinRoom(database, r, 'b');
    if (!a.ok || !b.ok) throw new Error('join failed');
    await leaveRoom(database, r, a.member);
    const seq = (await boardSnapshot(database, r)).seq;
    // `r` and `a.member` are what a cached token check would still hold.
    await expect(setHand(database, r, a.member, true)).rejects.toEqual(new MemberRefused('left'));
    await expect(learnerSnapshot(database, r, a.member)).rejects.toEqual(new MemberRefused('left'));
    expect((await setHand(database, r, b.member, true))?.kind).toBe('hand');
    await closeRoom(database, r);
    await expect(setHand(database, r, b.member, false)).rejects.toEqual(
      new MemberRefused('closed'),
    );
    // A closed room stays readable.
    expect((await learnerSnapshot(database, r, b.member)).handRaisedAt).toEqual(expect.any(String));
    const board = await boardSnapshot(database, r);
    expect(board.seq).toBe(seq + 2); // b's hand and the close, nothing else
    expect(board.members.find((m) => m.id === a.member.id)?.handRaisedAt).toBeUndefined();
    expect(board.members.find((m) => m.id === b.member.id)?.handRaisedAt).toEqual(
      expect.any(String),
    );
    // Past its expiry the room is gone for both.
    const later = new Date(Date.parse(r.expiresAt) + 1000);
    await expect(setHand(database, r, b.member, false, later)).rejects.toEqual(
      new MemberRefused('gone'),
    );
    await expect(learnerSnapshot(database, r, b.member, later)).rejects.toEqual(
      new MemberRefused('gone'),
    );
  });

  it('gives a board snapshot that the events after it continue exactly', async () => {
    const { room: r } = await room();
    const database = ctx.database();
    const a = await joinRoom(database, r, 'a');
    if (!a.ok) throw new Error('join failed');
    const snapshot = await boardSnapshot(database, r);
    await setHand(database, r, a.member, true);
    await recordProgress(database, r, a.member, [report('bbbbbbbb1')]);
    const later = await eventsAfter(database.db, r.id, snapshot.seq);
    const board = later.reduce(applyBoardEvent, snapshot);
    expect(board.members[0].handRaisedAt).toBeDefined();
    expect(board.progress[a.member.id].one.state).toBe('working');
    expect(board).toEqual(await boardSnapshot(database, r));
  });

  it('shows a learner the room and their own things, never another learner', async () => {
    const { room: r } = await room();
    const database = ctx.database();
    const a = await joinRoom(database, r, 'a');
    const b = await joinRoom(database, r, 'b');
    if (!a.ok || !b.ok) throw new Error('join failed');
    await recordProgress(database, r, b.member, [report('cccccccc1')]);
    await broadcast(database, r, { kind: 'message', text: 'Hello room' });
    await setPacing(database, r, { open: ['one', 'two'] });
    const view = await learnerSnapshot(database, r, a.member);
    expect(view.broadcasts.map((m) => m.text)).toEqual(['Hello room']);
    expect(view.pacing.open).toEqual(['one', 'two']);
    expect(view.progress).toEqual([]);

    const controller = new AbortController();
    const stream = roomEventStream(
      roomFeed(database, r.id),
      { role: 'member', memberId: a.member.id },
      0,
      controller.signal,
    );
    const text = await readUntil(stream, /"kind":"pacing"/);
    expect(text).toContain('Hello room');
    expect(text).not.toContain(b.member.id);
    expect(text).not.toContain('"nickname":"b"');
    controller.abort();
  });

  it('streams live events to a listener with their sequence numbers as ids', async () => {
    const { room: r } = await room();
    const database = ctx.database();
    const controller = new AbortController();
    const stream = roomEventStream(
      roomFeed(database, r.id),
      { role: 'trainer' },
      0,
      controller.signal,
    );
    setTimeout(() => void broadcast(database, r, { kind: 'hint', text: 'Try alpine' }), 100);
    const text = await readUntil(stream, /Try alpine/);
    expect(text).toMatch(/id: 1\nevent: room\ndata: .*Try alpine/);
    controller.abort();
  });

  it('keeps a closed room readable and takes no one new', async () => {
    const { room: r } = await room();
    const database = ctx.database();
    await closeRoom(database, r);
    const closed = await findRoom(database.db, r.code);
    expect(closed?.closedAt).toBeDefined();
    expect(await joinRoom(database, closed!, 'late')).toEqual({ ok: false, reason: 'closed' });
  });

  if (ctx.kind === 'postgres') {
    it('delivers an event written by one instance to a stream on another', async () => {
      const { room: r } = await room();
      const other = await ctx.reopen(ctx.target());
      const controller = new AbortController();
      const stream = roomEventStream(
        roomFeed(other, r.id),
        { role: 'trainer' },
        0,
        controller.signal,
      );
      setTimeout(
        () => void broadcast(ctx.database(), r, { kind: 'message', text: 'from instance one' }),
        400,
      );
      const started = Date.now();
      const text = await readUntil(stream, /from instance one/);
      expect(text).toContain('id: 1');
      // Well under the feed's 5 s safety poll: it came by NOTIFY.
      expect(Date.now() - started).toBeLessThan(4000);
      controller.abort();
    });
  }
});
