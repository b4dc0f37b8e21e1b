import { and, asc, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { BoardState } from '@/lib/rooms/board';
import type { ExportRow } from '@/lib/rooms/export';
import { exportRows } from '@/lib/rooms/export';
import type { Solution } from '@/lib/rooms/grouping';
import { ROOM_LIMITS } from '@/lib/rooms/limits';
import { normalizePacing } from '@/lib/rooms/pacing';
import { applyReport, type ProgressReport } from '@/lib/rooms/progress';
import type {
  Broadcast,
  LessonProgress,
  Member,
  Pacing,
  ProgressSummary,
  Room,
  RoomEvent,
  Spotlight,
} from '@/lib/rooms/types';
import { learnerView, RECENT_BROADCASTS, type LearnerRoomView } from '@/lib/rooms/visibility';
import type { Database, Executor, Tx } from '../db/database';
import { rowsOf } from '../db/migrate';
import {
  roomEvents,
  roomMembers,
  roomProgress,
  roomReceipts,
  rooms,
  roomTrainers,
} from '../db/schema';
import { publishLocal } from './local-events';
import { hashSecret, newCode, newId, newMemberToken, newTrainerSecret } from './secrets';

/** The body of an event, before the store numbers it. */
export type EventBody = RoomEvent extends infer E
  ? E extends RoomEvent
    ? Omit<E, 'seq' | 'at'>
    : never
  : never;

/** The notification topic of a room: its messages are event sequence numbers. */
export function roomTopic(roomId: string): string {
  return `room:${roomId}`;
}

type RoomRow = typeof rooms.$inferSelect;
type MemberRow = typeof roomMembers.$inferSelect;
type ProgressRow = typeof roomProgress.$inferSelect;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);

function toRoom(row: RoomRow): Room {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    lessons: row.lessons,
    pacing: row.pacing as Pacing,
    spotlight: (row.spotlight ?? undefined) as Spotlight | undefined,
    createdAt: row.createdAt.toISOString(),
    endsAt: iso(row.endsAt),
    closedAt: iso(row.closedAt),
    expiresAt: row.expiresAt.toISOString(),
  };
}

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    nickname: row.nickname,
    joinedAt: row.joinedAt.toISOString(),
    leftAt: iso(row.leftAt),
    handRaisedAt: iso(row.handRaisedAt),
  };
}

function toProgress(row: ProgressRow): LessonProgress {
  return {
    lesson: row.lesson,
    state: row.state as LessonProgress['state'],
    startedAt: row.startedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: iso(row.completedAt),
    bytes: row.bytes ?? undefined,
    goalsMet: row.goalsMet,
    goalsTotal: row.goalsTotal,
    score: row.score ?? undefined,
    attempts: row.attempts,
    dockerfile: row.dockerfile ?? undefined,
    dockerignore: row.dockerignore ?? undefined,
  };
}

export function summary(p: LessonProgress): ProgressSummary {
  const { dockerfile: _d, dockerignore: _i, ...rest } = p;
  return rest;
}

/**
 * Numbers and stores an event inside `tx`. Bumping `rooms.last_seq` locks the room's row until
 * the transaction ends, so sequence numbers commit in order and without gaps.
 */
async function appendEvent(tx: Tx, roomId: string, body: EventBody, now: Date): Promise<RoomEvent> {
  const [{ seq }] = await tx
    .update(rooms)
    .set({ lastSeq: sql`${rooms.lastSeq} + 1` })
    .where(eq(rooms.id, roomId))
    .returning({ seq: rooms.lastSeq });
  const memberId = 'memberId' in body ? body.memberId : 'member' in body ? body.member.id : null;
  await tx
    .insert(roomEvents)
    .values({ roomId, seq, kind: body.kind, memberId, data: body, createdAt: now });
  return { ...body, seq, at: now.toISOString() } as RoomEvent;
}

/**
 * Numbers and stores several events inside `tx` with one bump of `rooms.last_seq` (which locks
 * the room's row until the transaction ends) and one insert; numbers follow the order given.
 */
async function appendEvents(
  tx: Tx,
  roomId: string,
  items: readonly { body: EventBody; now: Date }[],
): Promise<RoomEvent[]> {
  const [{ seq: last }] = await tx
    .update(rooms)
    .set({ lastSeq: sql`${rooms.lastSeq} + ${items.length}` })
    .where(eq(rooms.id, roomId))
    .returning({ seq: rooms.lastSeq });
  const first = last - items.length + 1;
  const rowsToInsert = items.map(({ body, now }, i) => ({
    roomId,
    seq: first + i,
    kind: body.kind,
    memberId: 'memberId' in body ? body.memberId : 'member' in body ? body.member.id : null,
    data: body,
    createdAt: now,
  }));
  await tx.insert(roomEvents).values(rowsToInsert);
  return items.map(
    ({ body, now }, i) => ({ ...body, seq: first + i, at: now.toISOString() }) as RoomEvent,
  );
}

/**
 * Runs `work` in a transaction, then hands the new events to this process's streams and tells
 * every instance the room's last new event.
 */
async function writeRoom<T extends { events: RoomEvent[] }>(
  database: Database,
  roomId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const result = await database.db.transaction(work);
  const last = result.events.at(-1);
  if (last) {
    publishLocal(roomId, result.events);
    await database.notify(roomTopic(roomId), String(last.seq));
  }
  return result;
}

/** What creating a room gives back: the room and the trainer's secret (shown once, stored hashed). */
export interface CreatedRoom {
  room: Room;
  trainerSecret: string;
}

/**
 * Creates a room with a fresh join code. It expires `defaultLifetimeHours` after its end time (or
 * after creation when it has none); expired rooms are deleted with all their data.
 */
export async function createRoom(
  database: Database,
  input: { name: string; open: string[]; endsAt?: string },
  lessons: readonly string[],
  now = new Date(),
): Promise<CreatedRoom> {
  await deleteExpiredRooms(database.db, now);
  const endsAt = input.endsAt ? new Date(input.endsAt) : undefined;
  const from = endsAt && endsAt > now ? endsAt : now;
  const expiresAt = new Date(from.getTime() + ROOM_LIMITS.defaultLifetimeHours * 3_600_000);
  const trainerSecret = newTrainerSecret();
  for (let attempt = 0; ; attempt++) {
    const id = newId();
    const code = newCode();
    try {
      const row = await database.db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(rooms)
          .values({
            id,
            code,
            name: input.name,
            lessons: [...lessons],
            pacing: normalizePacing(input.open, lessons),
            createdAt: now,
            endsAt: endsAt ?? null,
            expiresAt,
          })
          .onConflictDoNothing({ target: rooms.code })
          .returning();
        if (!inserted) return undefined;
        await tx.insert(roomTrainers).values({
          id: newId(),
          roomId: id,
          secretHash: hashSecret(trainerSecret),
          createdAt: now,
        });
        return inserted;
      });
      if (row) return { room: toRoom(row), trainerSecret };
    } catch (error) {
      if (attempt >= 5) throw error;
    }
    if (attempt >= 5) throw new Error('Could not find a free room code.');
  }
}

/** Deletes rooms past their expiry time (their members, progress and events go with them). */
export async function deleteExpiredRooms(db: Executor, now = new Date()): Promise<number> {
  const gone = await db.delete(rooms).where(lt(rooms.expiresAt, now)).returning({ id: rooms.id });
  return gone.length;
}

/** The room with this code; `undefined` when there is none or it has expired. */
export async function findRoom(
  db: Executor,
  code: string,
  now = new Date(),
): Promise<Room | undefined> {
  const [row] = await db.select().from(rooms).where(eq(rooms.code, code)).limit(1);
  return row && row.expiresAt > now ? toRoom(row) : undefined;
}

/** The room when `secret` is one of its trainer secrets; `undefined` otherwise. */
export async function roomForTrainer(
  db: Executor,
  code: string,
  secret: string,
  now = new Date(),
): Promise<Room | undefined> {
  const [row] = await db
    .select({ room: rooms })
    .from(roomTrainers)
    .innerJoin(rooms, eq(rooms.id, roomTrainers.roomId))
    .where(and(eq(roomTrainers.secretHash, hashSecret(secret)), eq(rooms.code, code)))
    .limit(1);
  return row && row.room.expiresAt > now ? toRoom(row.room) : undefined;
}

/** The room and the learner when `token` is a current member's token in it; `undefined` otherwise. */
export async function memberForToken(
  db: Executor,
  code: string,
  token: string,
  now = new Date(),
): Promise<{ room: Room; member: Member } | undefined> {
  const [row] = await db
    .select({ room: rooms, member: roomMembers })
    .from(roomMembers)
    .innerJoin(rooms, eq(rooms.id, roomMembers.roomId))
    .where(
      and(
        eq(roomMembers.tokenHash, hashSecret(token)),
        eq(rooms.code, code),
        isNull(roomMembers.leftAt),
      ),
    )
    .limit(1);
  return row && row.room.expiresAt > now
    ? { room: toRoom(row.room), member: toMember(row.member) }
    : undefined;
}

/** Adds another trainer secret to the room (a co-trainer's link); returns it. */
export async function inviteTrainer(
  database: Database,
  room: Room,
  now = new Date(),
): Promise<string> {
  const secret = newTrainerSecret();
  await database.db
    .insert(roomTrainers)
    .values({ id: newId(), roomId: room.id, secretHash: hashSecret(secret), createdAt: now });
  return secret;
}

export type JoinResult =
  | { ok: true; member: Member; token: string }
  | { ok: false; reason: 'closed' | 'nickname-taken' | 'full' };

/**
 * Adds a learner. A nickname is unique (ignoring case) among the room's current members; a
 * closed or full room takes nobody.
 */
export async function joinRoom(
  database: Database,
  room: Room,
  nickname: string,
  now = new Date(),
): Promise<JoinResult> {
  if (room.closedAt) return { ok: false, reason: 'closed' };
  const token = newMemberToken();
  const result = await writeRoom(database, room.id, async (tx) => {
    // Lock the room first, so two learners joining at once cannot both take the same name.
    await tx.execute(sql`SELECT 1 FROM rooms WHERE id = ${room.id} FOR UPDATE`);
    const current = await tx
      .select({ nickname: roomMembers.nickname })
      .from(roomMembers)
      .where(and(eq(roomMembers.roomId, room.id), isNull(roomMembers.leftAt)));
    if (current.length >= ROOM_LIMITS.membersPerRoom)
      return { outcome: 'full' as const, events: [] };
    const lower = nickname.toLocaleLowerCase();
    if (current.some((m) => m.nickname.toLocaleLowerCase() === lower)) {
      return { outcome: 'nickname-taken' as const, events: [] };
    }
    const member: Member = { id: newId(), nickname, joinedAt: now.toISOString() };
    await tx.insert(roomMembers).values({
      id: member.id,
      roomId: room.id,
      nickname,
      tokenHash: hashSecret(token),
      joinedAt: now,
    });
    const event = await appendEvent(tx, room.id, { kind: 'member-joined', member }, now);
    return { outcome: member, events: [event] };
  });
  if (typeof result.outcome === 'string') return { ok: false, reason: result.outcome };
  return { ok: true, member: result.outcome, token };
}

/** The learner leaves: their token stops working; their progress stays in the room's results. */
export async function leaveRoom(
  database: Database,
  room: Room,
  member: Member,
  now = new Date(),
): Promise<void> {
  await writeRoom(database, room.id, async (tx) => {
    await tx
      .update(roomMembers)
      .set({ leftAt: now, handRaisedAt: null })
      .where(eq(roomMembers.id, member.id));
    return {
      events: [await appendEvent(tx, room.id, { kind: 'member-left', memberId: member.id }, now)],
    };
  });
}

/**
 * A learner's write (progress, hand) or read of their own screen refused inside its
 * transaction: the learner has left the room, or the room is closed or gone. Checked there (not
 * only when the request's token was read) so a learner who left is refused on every instance
 * even when the token check came from a cache. A read refuses `left` and `gone`, never `closed`.
 */
export class MemberRefused extends Error {
  constructor(readonly reason: 'left' | 'closed' | 'gone') {
    super(`member refused: ${reason}`);
    this.name = 'MemberRefused';
  }
}

/**
 * Inside `tx`: why `memberId` may not write to the room now (`left`, `gone` or `closed`, in that
 * order), or `undefined` when they may. Reads the member's and the room's rows.
 */
async function memberStanding(
  tx: Tx,
  roomId: string,
  memberId: string,
  now: Date,
): Promise<MemberRefused | undefined> {
  const [row] = await tx
    .select({ leftAt: roomMembers.leftAt, closedAt: rooms.closedAt, expiresAt: rooms.expiresAt })
    .from(roomMembers)
    .innerJoin(rooms, eq(rooms.id, roomMembers.roomId))
    .where(and(eq(rooms.id, roomId), eq(roomMembers.id, memberId)));
  if (!row || row.leftAt) return new MemberRefused('left');
  if (row.expiresAt <= now) return new MemberRefused('gone');
  if (row.closedAt) return new MemberRefused('closed');
  return undefined;
}

/** One request's progress reports, waiting for the room's next write. */
interface ProgressJob {
  member: Member;
  reports: readonly ProgressReport[];
  now: Date;
  resolve: (events: RoomEvent[]) => void;
  reject: (error: unknown) => void;
}

type JobOutcome = RoomEvent[] | MemberRefused;

function settle(job: ProgressJob, outcome: JobOutcome): void {
  if (outcome instanceof MemberRefused) job.reject(outcome);
  else job.resolve(outcome);
}

/** A room's write queue in this process: the jobs waiting, and whether a write is under way. */
interface ProgressQueue {
  waiting: ProgressJob[];
  running: boolean;
}

/** At most this many reports go into one transaction (keeps every statement's parameters bounded). */
const MAX_REPORTS_PER_WRITE = 1000;

const QUEUES = Symbol.for('layerlab.progressQueues');
type QueueHolder = { [QUEUES]?: WeakMap<Database, Map<string, ProgressQueue>> };

function progressQueue(database: Database, roomId: string): ProgressQueue {
  const holder = globalThis as QueueHolder;
  const byDatabase = (holder[QUEUES] ??= new WeakMap());
  let byRoom = byDatabase.get(database);
  if (!byRoom) byDatabase.set(database, (byRoom = new Map()));
  let queue = byRoom.get(roomId);
  if (!queue) byRoom.set(roomId, (queue = { waiting: [], running: false }));
  return queue;
}

/**
 * Applies a batch of progress reports. Each report id is recorded once per learner: a report the
 * outbox resends is acknowledged again and changes nothing. Returns every id of the batch as
 * acknowledged, and the events written.
 *
 * Group commit: while a write of the room is under way in this process, the requests that arrive
 * wait, and the next write folds all of them into one transaction (a handful of statements
 * however many reports). Each request resolves only after the commit that holds its reports, so
 * what is acknowledged is stored. If a folded write fails, each request is retried on its own,
 * so one bad request cannot fail the others.
 */
export function recordProgress(
  database: Database,
  room: Room,
  member: Member,
  reports: readonly ProgressReport[],
  now = new Date(),
): Promise<{ acked: string[]; events: RoomEvent[] }> {
  const acked = reports.map((r) => r.id);
  return new Promise<RoomEvent[]>((resolve, reject) => {
    const queue = progressQueue(database, room.id);
    queue.waiting.push({ member, reports, now, resolve, reject });
    if (!queue.running) void drainProgress(database, room.id, queue);
  }).then((events) => ({ acked, events }));
}

async function drainProgress(
  database: Database,
  roomId: string,
  queue: ProgressQueue,
): Promise<void> {
  queue.running = true;
  try {
    while (queue.waiting.length > 0) {
      let count = 0;
      let take = 0;
      while (take < queue.waiting.length) {
        count += queue.waiting[take].reports.length;
        if (take > 0 && count > MAX_REPORTS_PER_WRITE) break;
        take++;
      }
      const batch = queue.waiting.splice(0, take);
      try {
        const perJob = await writeProgress(database, roomId, batch);
        batch.forEach((job, i) => settle(job, perJob[i]));
      } catch (error) {
        if (batch.length === 1) batch[0].reject(error);
        else {
          for (const job of batch) {
            try {
              settle(job, (await writeProgress(database, roomId, [job]))[0]);
            } catch (alone) {
              job.reject(alone);
            }
          }
        }
      }
    }
  } finally {
    queue.running = false;
  }
}

/**
 * Writes the reports of `jobs` in one transaction: one insert of receipts, one read of the
 * progress rows they touch, one upsert of the changed rows, one bump of the room's event number
 * and one insert of the events, after one read that the learners are still members of the open
 * room. Returns each job's events, or why it was refused.
 */
async function writeProgress(
  database: Database,
  roomId: string,
  allJobs: readonly ProgressJob[],
): Promise<JobOutcome[]> {
  const { perJob } = await writeRoom(database, roomId, async (tx) => {
    const perJob: JobOutcome[] = allJobs.map(() => []);
    const allIds = [...new Set(allJobs.map((j) => j.member.id))];
    const standing = await tx
      .select({ id: roomMembers.id, closedAt: rooms.closedAt, expiresAt: rooms.expiresAt })
      .from(roomMembers)
      .innerJoin(rooms, eq(rooms.id, roomMembers.roomId))
      .where(
        and(eq(rooms.id, roomId), inArray(roomMembers.id, allIds), isNull(roomMembers.leftAt)),
      );
    const current = new Set(standing.map((r) => r.id));
    const roomState = standing[0];
    const jobs: ProgressJob[] = [];
    const jobIndex: number[] = [];
    allJobs.forEach((job, i) => {
      if (!current.has(job.member.id)) perJob[i] = new MemberRefused('left');
      else if (roomState.expiresAt <= job.now) perJob[i] = new MemberRefused('gone');
      else if (roomState.closedAt) perJob[i] = new MemberRefused('closed');
      else {
        jobIndex.push(i);
        jobs.push(job);
      }
    });
    const receiptKey = (memberId: string, clientId: string) => `${memberId}\u0000${clientId}`;
    const receipts = new Map<string, { memberId: string; clientId: string; receivedAt: Date }>();
    for (const job of jobs) {
      for (const report of job.reports) {
        const key = receiptKey(job.member.id, report.id);
        if (!receipts.has(key)) {
          receipts.set(key, { memberId: job.member.id, clientId: report.id, receivedAt: job.now });
        }
      }
    }
    if (receipts.size === 0) return { perJob, events: [] };
    const freshRows = await tx
      .insert(roomReceipts)
      .values([...receipts.values()])
      .onConflictDoNothing()
      .returning({ memberId: roomReceipts.memberId, clientId: roomReceipts.clientId });
    const fresh = new Set(freshRows.map((r) => receiptKey(r.memberId, r.clientId)));
    if (fresh.size === 0) return { perJob, events: [] };

    const progressKey = (memberId: string, lesson: string) => `${memberId}\u0000${lesson}`;
    const memberIds = [...new Set(jobs.map((j) => j.member.id))];
    if (memberIds.length === 0) return { perJob, events: [] };
    const latest = new Map<string, LessonProgress>();
    const rows = await tx
      .select()
      .from(roomProgress)
      .where(and(eq(roomProgress.roomId, roomId), inArray(roomProgress.memberId, memberIds)));
    for (const row of rows) latest.set(progressKey(row.memberId, row.lesson), toProgress(row));

    const changed = new Map<string, { memberId: string; progress: LessonProgress }>();
    const bodies: { job: number; body: EventBody; now: Date }[] = [];
    jobs.forEach((job, index) => {
      for (const report of job.reports) {
        // The first occurrence of a new id counts; a repeat (even in the same write) does not.
        if (!fresh.delete(receiptKey(job.member.id, report.id))) continue;
        const key = progressKey(job.member.id, report.lesson);
        const before = latest.get(key);
        const after = applyReport(before, report, {
          joinedAt: job.member.joinedAt,
          receivedAt: job.now.toISOString(),
        });
        if (after === before) continue;
        latest.set(key, after);
        changed.set(key, { memberId: job.member.id, progress: after });
        bodies.push({
          job: index,
          body: { kind: 'progress', memberId: job.member.id, progress: summary(after) },
          now: job.now,
        });
      }
    });
    if (bodies.length === 0) return { perJob, events: [] };

    // In key order, so two writers touching the same rows lock them in the same order.
    const values = [...changed.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, { memberId, progress: after }]) => ({
        memberId,
        lesson: after.lesson,
        roomId,
        state: after.state,
        startedAt: new Date(after.startedAt),
        updatedAt: new Date(after.updatedAt),
        completedAt: after.completedAt ? new Date(after.completedAt) : null,
        bytes: after.bytes ?? null,
        goalsMet: after.goalsMet,
        goalsTotal: after.goalsTotal,
        score: after.score ?? null,
        attempts: after.attempts,
        dockerfile: after.dockerfile ?? null,
        dockerignore: after.dockerignore ?? null,
      }));
    const excluded = (column: string) => sql.raw(`excluded.${column}`);
    await tx
      .insert(roomProgress)
      .values(values)
      .onConflictDoUpdate({
        target: [roomProgress.memberId, roomProgress.lesson],
        set: {
          state: excluded('state'),
          startedAt: excluded('started_at'),
          updatedAt: excluded('updated_at'),
          completedAt: excluded('completed_at'),
          bytes: excluded('bytes'),
          goalsMet: excluded('goals_met'),
          goalsTotal: excluded('goals_total'),
          score: excluded('score'),
          attempts: excluded('attempts'),
          dockerfile: excluded('dockerfile'),
          dockerignore: excluded('dockerignore'),
        },
      });

    // Taking the room's numbers last keeps its row locked only for the end of the transaction.
    const events = await appendEvents(tx, roomId, bodies);
    events.forEach((event, i) => (perJob[jobIndex[bodies[i].job]] as RoomEvent[]).push(event));
    return { perJob, events };
  });
  return perJob;
}

/**
 * Raises or lowers the learner's hand; no event when nothing changes. Throws `MemberRefused`
 * (changing nothing) when the learner has left or the room is closed or gone.
 */
export async function setHand(
  database: Database,
  room: Room,
  member: Member,
  raised: boolean,
  now = new Date(),
): Promise<RoomEvent | undefined> {
  const result = await writeRoom(database, room.id, async (tx) => {
    const refused = await memberStanding(tx, room.id, member.id, now);
    if (refused) throw refused;
    const [row] = await tx
      .select({ at: roomMembers.handRaisedAt })
      .from(roomMembers)
      .where(eq(roomMembers.id, member.id));
    if (Boolean(row?.at) === raised) return { events: [] };
    await tx
      .update(roomMembers)
      .set({ handRaisedAt: raised ? now : null })
      .where(eq(roomMembers.id, member.id));
    const event = await appendEvent(
      tx,
      room.id,
      { kind: 'hand', memberId: member.id, raisedAt: raised ? now.toISOString() : undefined },
      now,
    );
    return { events: [event] };
  });
  return result.events[0];
}

/** Sets which lessons the room opens. */
export async function setPacing(
  database: Database,
  room: Room,
  pacing: Pacing,
  now = new Date(),
): Promise<RoomEvent> {
  const result = await writeRoom(database, room.id, async (tx) => {
    await tx.update(rooms).set({ pacing }).where(eq(rooms.id, room.id));
    return { events: [await appendEvent(tx, room.id, { kind: 'pacing', pacing }, now)] };
  });
  return result.events[0];
}

/** Sends a message or hint to every screen in the room. */
export async function broadcast(
  database: Database,
  room: Room,
  message: Omit<Broadcast, 'at'>,
  now = new Date(),
): Promise<RoomEvent> {
  const result = await writeRoom(database, room.id, async (tx) => ({
    events: [
      await appendEvent(
        tx,
        room.id,
        { kind: 'broadcast', broadcast: { ...message, at: now.toISOString() } },
        now,
      ),
    ],
  }));
  return result.events[0];
}

/** Shows a solution on every screen, or (with `undefined`) takes it down. */
export async function setSpotlight(
  database: Database,
  room: Room,
  spotlight: Spotlight | undefined,
  now = new Date(),
): Promise<RoomEvent> {
  const result = await writeRoom(database, room.id, async (tx) => {
    await tx
      .update(rooms)
      .set({ spotlight: spotlight ?? null })
      .where(eq(rooms.id, room.id));
    return { events: [await appendEvent(tx, room.id, { kind: 'spotlight', spotlight }, now)] };
  });
  return result.events[0];
}

/** Closes the room: it stays readable, and takes no new members or progress. */
export async function closeRoom(
  database: Database,
  room: Room,
  now = new Date(),
): Promise<RoomEvent | undefined> {
  if (room.closedAt) return undefined;
  const result = await writeRoom(database, room.id, async (tx) => {
    await tx.update(rooms).set({ closedAt: now }).where(eq(rooms.id, room.id));
    return {
      events: [
        await appendEvent(tx, room.id, { kind: 'closed', closedAt: now.toISOString() }, now),
      ],
    };
  });
  return result.events[0];
}

function toEvent(row: typeof roomEvents.$inferSelect): RoomEvent {
  return { ...(row.data as EventBody), seq: row.seq, at: row.createdAt.toISOString() } as RoomEvent;
}

/** Events after `afterSeq`, oldest first, at most `limit`. */
export async function eventsAfter(
  db: Executor,
  roomId: string,
  afterSeq: number,
  limit = 500,
): Promise<RoomEvent[]> {
  const rows = await db
    .select()
    .from(roomEvents)
    .where(and(eq(roomEvents.roomId, roomId), gt(roomEvents.seq, afterSeq)))
    .orderBy(asc(roomEvents.seq))
    .limit(limit);
  return rows.map(toEvent);
}

/** The room's last event number. */
export async function lastSeq(db: Executor, roomId: string): Promise<number> {
  const [row] = await db.select({ seq: rooms.lastSeq }).from(rooms).where(eq(rooms.id, roomId));
  return row?.seq ?? 0;
}

/**
 * Everything the board shows, read in one transaction with the event number it is current at,
 * so the stream can continue exactly after it.
 */
export async function boardSnapshot(database: Database, room: Room): Promise<BoardState> {
  return database.db.transaction(async (tx) => {
    // REPEATABLE READ is not needed: the row lock orders this read after any writer in progress.
    const rows = rowsOf<{ last_seq: number | string }>(
      await tx.execute(sql`SELECT last_seq FROM rooms WHERE id = ${room.id} FOR SHARE`),
    );
    const [fresh] = await tx.select().from(rooms).where(eq(rooms.id, room.id));
    const members = await tx
      .select()
      .from(roomMembers)
      .where(eq(roomMembers.roomId, room.id))
      .orderBy(asc(roomMembers.joinedAt));
    const progress = await tx.select().from(roomProgress).where(eq(roomProgress.roomId, room.id));
    const byMember: BoardState['progress'] = {};
    for (const row of progress)
      (byMember[row.memberId] ??= {})[row.lesson] = summary(toProgress(row));
    const current = toRoom(fresh);
    return {
      room: {
        code: current.code,
        name: current.name,
        lessons: current.lessons,
        closedAt: current.closedAt,
        endsAt: current.endsAt,
        expiresAt: current.expiresAt,
      },
      pacing: current.pacing,
      spotlight: current.spotlight,
      members: members.map(toMember),
      progress: byMember,
      seq: Number(rows[0]?.last_seq ?? 0),
    };
  });
}

/**
 * What a learner's screen starts from: the room's part and their own hand, plus their progress.
 * Throws `MemberRefused` when the learner has left or the room is gone (a closed room is read).
 */
export async function learnerSnapshot(
  database: Database,
  room: Room,
  member: Member,
  now = new Date(),
): Promise<LearnerRoomView & { progress: ProgressSummary[] }> {
  return database.db.transaction(async (tx) => {
    const rows = rowsOf<{ last_seq: number | string }>(
      await tx.execute(sql`SELECT last_seq FROM rooms WHERE id = ${room.id} FOR SHARE`),
    );
    const [fresh] = await tx.select().from(rooms).where(eq(rooms.id, room.id));
    const [me] = await tx.select().from(roomMembers).where(eq(roomMembers.id, member.id));
    if (!fresh || !me || me.roomId !== room.id || me.leftAt) throw new MemberRefused('left');
    if (fresh.expiresAt <= now) throw new MemberRefused('gone');
    const messages = await tx
      .select({ data: roomEvents.data })
      .from(roomEvents)
      .where(and(eq(roomEvents.roomId, room.id), eq(roomEvents.kind, 'broadcast')))
      .orderBy(desc(roomEvents.seq))
      .limit(RECENT_BROADCASTS);
    const mine = await tx.select().from(roomProgress).where(eq(roomProgress.memberId, member.id));
    const broadcasts = messages
      .map((m) => (m.data as { broadcast: Broadcast }).broadcast)
      .reverse();
    return {
      ...learnerView(
        toRoom(fresh),
        { handRaisedAt: iso(me?.handRaisedAt) },
        broadcasts,
        Number(rows[0]?.last_seq ?? 0),
      ),
      progress: mine.map((row) => summary(toProgress(row))),
    };
  });
}

/** Completed solutions of one lesson, with their texts (for grouping and the diff). */
export async function lessonSolutions(
  db: Executor,
  room: Room,
  lesson: string,
): Promise<Solution[]> {
  const rows = await db
    .select({ progress: roomProgress, nickname: roomMembers.nickname })
    .from(roomProgress)
    .innerJoin(roomMembers, eq(roomMembers.id, roomProgress.memberId))
    .where(
      and(
        eq(roomProgress.roomId, room.id),
        eq(roomProgress.lesson, lesson),
        eq(roomProgress.state, 'completed'),
      ),
    );
  return rows.map(({ progress, nickname }) => ({
    memberId: progress.memberId,
    nickname,
    dockerfile: progress.dockerfile ?? '',
    dockerignore: progress.dockerignore ?? '',
    bytes: progress.bytes ?? undefined,
    completedAt: iso(progress.completedAt),
  }));
}

/** One learner's completed solution of a lesson; `undefined` when they have not completed it. */
export async function memberSolution(
  db: Executor,
  room: Room,
  memberId: string,
  lesson: string,
): Promise<(Solution & { nickname: string }) | undefined> {
  const all = await lessonSolutions(db, room, lesson);
  return all.find((s) => s.memberId === memberId);
}

/** The export rows of the room. */
export async function roomResults(db: Executor, room: Room): Promise<ExportRow[]> {
  const members = await db.select().from(roomMembers).where(eq(roomMembers.roomId, room.id));
  const progress = await db.select().from(roomProgress).where(eq(roomProgress.roomId, room.id));
  return exportRows(
    members.map(toMember),
    progress.map((row) => ({ ...toProgress(row), memberId: row.memberId })),
    room.lessons,
  );
}
