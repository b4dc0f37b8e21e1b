import { sql } from 'drizzle-orm';
import type * as v from 'valibot';
import { lessons } from '@/content/lessons/generated';
import { parseRequest, roomCodeSchema } from '@/lib/rooms/schemas';
import type { Member, Room, Viewer } from '@/lib/rooms/types';
import type { Database, Executor } from '../db/database';
import { getDatabase } from '../db/instance';
import { rowsOf } from '../db/migrate';
import { hitRateLimit } from '../db/rate-limit';
import { checkOrigin, clientKey, json, limit, readJson, refuse } from '../gallery/http';
import { hashSecret } from './secrets';
import { findRoom, MemberRefused, memberForToken, roomForTrainer } from './store';

export { checkOrigin, clientKey, json, limit, refuse };

/** Largest request body of the room API (a batch of progress reports with their texts). */
export const MAX_ROOM_BODY_BYTES = 256 * 1024;

/** Unknown join codes one address may try per window before it is refused (against guessing). */
export const CODE_MISSES = { max: 30, windowMs: 600_000 };
/** Rooms one address may create per hour. */
export const CREATE_ROOMS = { max: 20, windowMs: 3_600_000 };
/**
 * Joins one address may make per 10 minutes. A whole class may sit behind one company address,
 * so this is well above a room's size; guessing is stopped by `CODE_MISSES`, not by this.
 */
export const JOINS = { max: 1000, windowMs: 600_000 };

/** The course's lesson slugs in order: what a new room is made of. */
export function courseLessons(): string[] {
  return lessons.map((lesson) => lesson.slug);
}

/** The room API's route context: the `[code]` segment and any others. */
export type RoomParams<T = object> = { params: Promise<{ code: string } & T> };

/**
 * Runs a route handler, turning an unexpected failure (a database that went away) into a JSON
 * 503 rather than an HTML error page; nothing the request asked for is half done, because every
 * write is one transaction.
 */
export async function handle(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    console.error('room API:', error);
    return refuse(503, 'The room service is unavailable just now. Try again in a moment.');
  }
}

/** The code from the URL, normalised; `undefined` when it cannot be a code. */
export function parseCode(text: string): string | undefined {
  const parsed = parseRequest(roomCodeSchema, text);
  return parsed.ok ? parsed.value : undefined;
}

const NO_ROOM = 'There is no room with this code.';

/**
 * The current hits of `key` in its fixed window, without counting one (the same windows as
 * `hitRateLimit`).
 */
async function currentHits(db: Executor, key: string, windowMs: number): Promise<number> {
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const rows = rowsOf<{ hits: number }>(
    await db.execute(
      sql`SELECT hits FROM rate_limits WHERE key = ${key} AND window_start = ${windowStart.toISOString()}`,
    ),
  );
  return Number(rows[0]?.hits ?? 0);
}

/**
 * Looks a room up by the code a visitor typed. Only misses are counted: an address that has
 * tried `CODE_MISSES.max` unknown codes is refused (429) before the lookup, hit or miss, so it
 * learns nothing more until the window passes; a class joining a real room is never slowed.
 */
export async function lookUpRoom(
  database: Database,
  request: Request,
  codeText: string,
): Promise<{ ok: true; room: Room } | { ok: false; response: Response }> {
  const key = `room-code-miss:${clientKey(request)}`;
  const tooMany = () =>
    refuse(429, 'Too many unknown room codes from this address. Try again in a few minutes.', {
      'retry-after': String(Math.ceil(CODE_MISSES.windowMs / 1000)),
    });
  if ((await currentHits(database.db, key, CODE_MISSES.windowMs)) >= CODE_MISSES.max) {
    return { ok: false, response: tooMany() };
  }
  const code = parseCode(codeText);
  const room = code ? await findRoom(database.db, code) : undefined;
  if (room) return { ok: true, room };
  const hit = await hitRateLimit(database.db, key, CODE_MISSES.max, CODE_MISSES.windowMs);
  return { ok: false, response: hit.allowed ? refuse(404, NO_ROOM) : tooMany() };
}

/** The bearer token of the request, or `undefined`. */
export function bearer(request: Request): string | undefined {
  const match = /^Bearer\s+(\S{1,200})$/i.exec(request.headers.get('authorization')?.trim() ?? '');
  return match?.[1];
}

const NEEDS_SECRET = 'This needs the trainer link of this room.';
const NEEDS_MEMBER = 'This needs a membership of this room: join it first.';

/**
 * The room when the request carries one of its trainer secrets. Missing → 401; a wrong secret
 * (or a learner's token) → 403; an unknown room → 404.
 */
export async function authTrainer(
  database: Database,
  request: Request,
  codeText: string,
): Promise<{ ok: true; room: Room } | { ok: false; response: Response }> {
  const code = parseCode(codeText);
  if (!code) return { ok: false, response: refuse(404, NO_ROOM) };
  const secret = bearer(request);
  if (!secret) return { ok: false, response: refuse(401, NEEDS_SECRET) };
  const room = await roomForTrainer(database.db, code, secret);
  if (room) return { ok: true, room };
  const exists = await findRoom(database.db, code);
  return { ok: false, response: exists ? refuse(403, NEEDS_SECRET) : refuse(404, NO_ROOM) };
}

/**
 * The room and learner when the request carries a current member token of the room. Missing →
 * 401; a wrong, foreign or surrendered token → 403; an unknown room → 404.
 */
export async function authMember(
  database: Database,
  request: Request,
  codeText: string,
): Promise<{ ok: true; room: Room; member: Member } | { ok: false; response: Response }> {
  const code = parseCode(codeText);
  if (!code) return { ok: false, response: refuse(404, NO_ROOM) };
  const token = bearer(request);
  if (!token) return { ok: false, response: refuse(401, NEEDS_MEMBER) };
  const found = await memberForToken(database.db, code, token);
  if (found) return { ok: true, ...found };
  const exists = await findRoom(database.db, code);
  return { ok: false, response: exists ? refuse(403, NEEDS_MEMBER) : refuse(404, NO_ROOM) };
}

/** How long a token that checked out is trusted by `authMemberCached` without a read. */
const TOKEN_CACHE_MS = 30_000;
/** Most tokens remembered per process; the oldest go first. */
const TOKEN_CACHE_MAX = 10_000;
const TOKENS = Symbol.for('layerlab.memberTokens');
type TokenEntry = { at: number; room: Room; member: Member };
type TokenHolder = { [TOKENS]?: WeakMap<Database, Map<string, TokenEntry>> };

/**
 * `authMember` for the requests every learner sends all the time (progress reports, the raised
 * hand, their screen's snapshot): a token that checked out in the last 30 s is taken without a
 * read. That is safe because each of those checks again, inside its transaction, that the
 * learner is still a member and the room is current (and, for a write, open) — `MemberRefused` —
 * so a learner who left is refused on every instance at once; the cache only saves the read for
 * learners who are still in.
 */
export async function authMemberCached(
  database: Database,
  request: Request,
  codeText: string,
): Promise<{ ok: true; room: Room; member: Member } | { ok: false; response: Response }> {
  const code = parseCode(codeText);
  const token = bearer(request);
  if (!code || !token) return authMember(database, request, codeText);
  const cache = tokenCache(database);
  const key = `${code}:${hashSecret(token)}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < TOKEN_CACHE_MS) return { ok: true, room: hit.room, member: hit.member };
  cache.delete(key);
  const auth = await authMember(database, request, codeText);
  if (auth.ok) {
    cache.set(key, { at: now, room: auth.room, member: auth.member });
    if (cache.size > TOKEN_CACHE_MAX) cache.delete(cache.keys().next().value as string);
  }
  return auth;
}

function tokenCache(database: Database): Map<string, TokenEntry> {
  const holder = globalThis as TokenHolder;
  const byDatabase = (holder[TOKENS] ??= new WeakMap());
  let cache = byDatabase.get(database);
  if (!cache) byDatabase.set(database, (cache = new Map()));
  return cache;
}

/**
 * Forgets this process's cached check of the request's token (after the learner left). Other
 * instances keep theirs for up to 30 s, which the in-transaction check makes harmless.
 */
export function forgetMemberToken(database: Database, request: Request, codeText: string): void {
  const code = parseCode(codeText);
  const token = bearer(request);
  if (code && token) tokenCache(database).delete(`${code}:${hashSecret(token)}`);
}

/** The answer to a learner's request refused in its transaction (see `MemberRefused`). */
export function refuseMember(reason: 'left' | 'closed' | 'gone'): Response {
  if (reason === 'closed') return refuseClosed();
  if (reason === 'gone') return refuse(404, NO_ROOM);
  return refuse(403, NEEDS_MEMBER);
}

/** Refuses a write to a closed room (410); `undefined` when the room is open. */
export function refuseIfClosed(room: Room): Response | undefined {
  return room.closedAt ? refuseClosed() : undefined;
}

/** The 410 for a write to a closed room. */
export function refuseClosed(): Response {
  return refuse(410, 'This room is closed: it can be read, but nothing in it changes any more.');
}

/**
 * Reads and validates a JSON body: 413 over `MAX_ROOM_BODY_BYTES`, 400 when it is not JSON or
 * does not match `schema`.
 */
export async function readBody<S extends v.GenericSchema>(
  request: Request,
  schema: S,
): Promise<{ ok: true; value: v.InferOutput<S> } | { ok: false; response: Response }> {
  const body = await readJson(request, MAX_ROOM_BODY_BYTES);
  if (!body.ok) return body;
  const parsed = parseRequest(schema, body.value);
  return parsed.ok
    ? { ok: true, value: parsed.value }
    : { ok: false, response: refuse(400, parsed.reason) };
}

/** What a write to an open room has checked before it acts: the room, the caller, the body. */
export interface WriteContext<T> {
  database: Database;
  room: Room;
  body: T;
}

/**
 * A trainer's POST to an open room: Origin, the trainer secret, the body against `schema`, the
 * room not closed, in that order (each refusal changes nothing), then `act`.
 */
export function trainerWrite<S extends v.GenericSchema>(
  schema: S,
  act: (context: WriteContext<v.InferOutput<S>>) => Promise<Response>,
): (request: Request, context: RoomParams) => Promise<Response> {
  return (request, { params }) =>
    handle(async () => {
      const wrongOrigin = checkOrigin(request);
      if (wrongOrigin) return wrongOrigin;
      const database = await roomsDatabase();
      const auth = await authTrainer(database, request, (await params).code);
      if (!auth.ok) return auth.response;
      const body = await readBody(request, schema);
      if (!body.ok) return body.response;
      return refuseIfClosed(auth.room) ?? act({ database, room: auth.room, body: body.value });
    });
}

/**
 * A learner's POST to an open room: as `trainerWrite`, with a member token instead (the cached
 * check, `authMemberCached`: `act` must check standing in its transaction and throw
 * `MemberRefused`, which becomes the matching 403 / 404 / 410).
 */
export function memberWrite<S extends v.GenericSchema>(
  schema: S,
  act: (context: WriteContext<v.InferOutput<S>> & { member: Member }) => Promise<Response>,
): (request: Request, context: RoomParams) => Promise<Response> {
  return (request, { params }) =>
    handle(async () => {
      const wrongOrigin = checkOrigin(request);
      if (wrongOrigin) return wrongOrigin;
      const database = await roomsDatabase();
      const auth = await authMemberCached(database, request, (await params).code);
      if (!auth.ok) return auth.response;
      const body = await readBody(request, schema);
      if (!body.ok) return body.response;
      const closed = refuseIfClosed(auth.room);
      if (closed) return closed;
      try {
        return await act({ database, room: auth.room, member: auth.member, body: body.value });
      } catch (error) {
        if (error instanceof MemberRefused) return refuseMember(error.reason);
        throw error;
      }
    });
}

/**
 * A trainer's POST with no body that acts on a room whether or not it is closed (close, invite a
 * trainer): Origin, then the trainer secret (each refusal changes nothing), then `act`.
 */
export function trainerAction(
  act: (context: { database: Database; room: Room }) => Promise<Response>,
): (request: Request, context: RoomParams) => Promise<Response> {
  return (request, { params }) =>
    handle(async () => {
      const wrongOrigin = checkOrigin(request);
      if (wrongOrigin) return wrongOrigin;
      const database = await roomsDatabase();
      const auth = await authTrainer(database, request, (await params).code);
      if (!auth.ok) return auth.response;
      return act({ database, room: auth.room });
    });
}

/**
 * A trainer's GET (board, export, solutions; a closed room stays readable): `refuseQuery`
 * first, when given (a malformed query is refused before any lookup), then the trainer secret,
 * then `act` with the request's URL.
 */
export function trainerRead(
  act: (context: { database: Database; room: Room; url: URL }) => Promise<Response>,
  refuseQuery?: (url: URL) => Response | undefined,
): (request: Request, context: RoomParams) => Promise<Response> {
  return (request, { params }) =>
    handle(async () => {
      const url = new URL(request.url);
      const refused = refuseQuery?.(url);
      if (refused) return refused;
      const database = await roomsDatabase();
      const auth = await authTrainer(database, request, (await params).code);
      if (!auth.ok) return auth.response;
      return act({ database, room: auth.room, url });
    });
}

/** The process's database (route handlers share one). */
export function roomsDatabase(): Promise<Database> {
  return getDatabase();
}

/** The trainer's link for a secret: the secret rides in the fragment, which no server sees. */
export function trainerPath(code: string, secret: string): string {
  return `/rooms/${code}/board#key=${secret}`;
}

/**
 * Who reads a room's events: its trainer (a trainer secret) or one of its learners (a member
 * token, which starts with `m_`), with the same refusals as `authTrainer` / `authMember`.
 */
export async function authViewer(
  database: Database,
  request: Request,
  codeText: string,
): Promise<{ ok: true; room: Room; viewer: Viewer } | { ok: false; response: Response }> {
  if (bearer(request)?.startsWith('m_')) {
    const auth = await authMember(database, request, codeText);
    return auth.ok
      ? { ok: true, room: auth.room, viewer: { role: 'member', memberId: auth.member.id } }
      : auth;
  }
  const auth = await authTrainer(database, request, codeText);
  return auth.ok ? { ok: true, room: auth.room, viewer: { role: 'trainer' } } : auth;
}

/**
 * Where a stream resumes: the `Last-Event-ID` header (a reconnecting client), else `?after=N`,
 * else from the start. `undefined` when either is not a whole number.
 */
export function resumeAfter(request: Request): number | undefined {
  const text =
    request.headers.get('last-event-id')?.trim() ||
    new URL(request.url).searchParams.get('after')?.trim() ||
    '0';
  return /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}
