import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rowsOf } from '@/server/db/migrate';
import type { Database } from '@/server/db/database';
import { describeStorage } from '@/server/testing/storage';
import { closeRoom, findRoom, lastSeq, leaveRoom } from '@/server/rooms/store';
import { CODE_MISSES, CREATE_ROOMS, MAX_ROOM_BODY_BYTES } from '@/server/rooms/http';
import * as createRoute from './route';
import * as roomRoute from './[code]/route';
import * as membersRoute from './[code]/members/route';
import * as meMemberRoute from './[code]/members/me/route';
import * as memberSolutionRoute from './[code]/members/[memberId]/solutions/[slug]/route';
import * as meRoute from './[code]/me/route';
import * as progressRoute from './[code]/progress/route';
import * as handRoute from './[code]/hand/route';
import * as eventsRoute from './[code]/events/route';
import * as boardRoute from './[code]/board/route';
import * as pacingRoute from './[code]/pacing/route';
import * as broadcastRoute from './[code]/broadcast/route';
import * as spotlightRoute from './[code]/spotlight/route';
import * as closeRoute from './[code]/close/route';
import * as trainersRoute from './[code]/trainers/route';
import * as exportRoute from './[code]/export/route';
import * as solutionsRoute from './[code]/solutions/route';

const SITE = 'http://localhost:3000';

// The route handlers take the process-wide database; each suite puts its own there.
function useDatabase(database: Database): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('layerlab.database')] =
    Promise.resolve(database);
}

let ipCounter = 0;
/** A fresh client address, so one test's rate-limit counts never reach another's. */
const newIp = () => `192.0.2.${++ipCounter}`;

interface Call {
  body?: unknown;
  raw?: string;
  token?: string;
  origin?: string | null;
  ip?: string;
  headers?: Record<string, string>;
  query?: string;
}

function request(method: string, path: string, call: Call = {}): Request {
  const headers: Record<string, string> = { host: 'localhost:3000', ...call.headers };
  if (call.origin !== null) headers.origin = call.origin ?? SITE;
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  headers['x-forwarded-for'] = call.ip ?? '198.51.100.1';
  let body: string | undefined = call.raw;
  if (call.body !== undefined) body = JSON.stringify(call.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Request(`${SITE}${path}${call.query ?? ''}`, { method, headers, body });
}

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

async function call(
  handler: unknown,
  method: string,
  path: string,
  params: Record<string, string>,
  options: Call = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test checks the body it expects
): Promise<{ status: number; body: any; response: Response }> {
  const response = await (handler as Handler)(request(method, path, options), {
    params: Promise.resolve(params) as Promise<never>,
  });
  const text = await response.text();
  let body: unknown = text;
  if (response.headers.get('content-type')?.includes('json')) body = JSON.parse(text);
  return { status: response.status, body, response };
}

const report = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  lesson: 'base-image',
  at: new Date().toISOString(),
  bytes: 120_000_000,
  goalsMet: 1,
  goalsTotal: 2,
  isCompleted: false,
  ...over,
});

const SOLUTION = 'FROM alpine:3.20\nRUN apk add --no-cache curl\n';

describeStorage('room API', (ctx) => {
  beforeAll(() => useDatabase(ctx.database()));

  async function newRoom(body: Record<string, unknown> = {}) {
    const created = await call(
      createRoute.POST,
      'POST',
      '/api/rooms',
      {},
      {
        ip: newIp(),
        body: { name: 'Team A', open: ['base-image'], ...body },
      },
    );
    expect(created.status).toBe(201);
    return created.body as {
      code: string;
      name: string;
      trainerSecret: string;
      joinPath: string;
      trainerPath: string;
    };
  }

  async function join(code: string, nickname: string) {
    const joined = await call(
      membersRoute.POST,
      'POST',
      `/api/rooms/${code}/members`,
      { code },
      {
        body: { nickname },
      },
    );
    expect(joined.status).toBe(201);
    return joined.body as { memberId: string; token: string };
  }

  async function seqOf(code: string): Promise<number> {
    const room = await findRoom(ctx.database().db, code);
    return lastSeq(ctx.database().db, room!.id);
  }

  const board = async (code: string, token: string) =>
    call(boardRoute.GET, 'GET', `/api/rooms/${code}/board`, { code }, { token });

  it('creates a room with a join path and a trainer link holding the secret', async () => {
    const room = await newRoom();
    expect(room.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(room.joinPath).toBe(`/join/${room.code}`);
    expect(room.trainerPath).toBe(`/rooms/${room.code}/board#key=${room.trainerSecret}`);
    const pub = await call(roomRoute.GET, 'GET', `/api/rooms/${room.code}`, { code: room.code });
    expect(pub.status).toBe(200);
    expect(pub.body).toEqual({
      code: room.code,
      name: 'Team A',
      lessons: expect.arrayContaining(['base-image', 'multi-stage']),
      pacing: { open: ['base-image'] },
      closed: false,
    });
    expect(JSON.stringify(pub.body)).not.toContain(room.trainerSecret);
    // A code typed in lower case with a dash still finds the room.
    const typed = `${room.code.slice(0, 3)}-${room.code.slice(3)}`.toLowerCase();
    expect((await call(roomRoute.GET, 'GET', `/api/rooms/${typed}`, { code: typed })).status).toBe(
      200,
    );
  });

  it('refuses a malformed, foreign or oversized create request and creates nothing', async () => {
    const { db } = ctx.database();
    const count = async () =>
      Number(
        rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM rooms`))[0].n,
      );
    const before = await count();
    const cases: [string, Call, number][] = [
      ['no Origin', { origin: null, body: { name: 'x', open: [] } }, 403],
      ['another site', { origin: 'https://evil.example', body: { name: 'x', open: [] } }, 403],
      ['not JSON', { raw: '{"name": ' }, 400],
      ['an unknown key', { body: { name: 'x', open: [], admin: true } }, 400],
      ['an empty name', { body: { name: '   ', open: [] } }, 400],
      ['an unknown lesson', { body: { name: 'x', open: ['no-such-lesson'] } }, 400],
      [
        'an end in the past',
        { body: { name: 'x', open: [], endsAt: '2020-01-01T00:00:00Z' } },
        400,
      ],
      [
        'a body over 256 kB',
        { raw: JSON.stringify({ name: 'x'.repeat(MAX_ROOM_BODY_BYTES) }) },
        413,
      ],
    ];
    for (const [reason, options, status] of cases) {
      const answer = await call(
        createRoute.POST,
        'POST',
        '/api/rooms',
        {},
        { ip: newIp(), ...options },
      );
      expect(answer.status, reason).toBe(status);
      expect(typeof answer.body.error, reason).toBe('string');
    }
    expect(await count()).toBe(before);
  });

  it('rate-limits room creation per address', async () => {
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i <= CREATE_ROOMS.max; i++) {
      statuses.push(
        (
          await call(
            createRoute.POST,
            'POST',
            '/api/rooms',
            {},
            { ip, body: { name: `r${i}`, open: [] } },
          )
        ).status,
      );
    }
    expect(statuses.slice(0, CREATE_ROOMS.max).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const other = await call(
      createRoute.POST,
      'POST',
      '/api/rooms',
      {},
      {
        ip: newIp(),
        body: { name: 'other', open: [] },
      },
    );
    expect(other.status).toBe(201);
  });

  it('stops an address that guesses codes, even on a real code, but not another address', async () => {
    const room = await newRoom();
    const ip = newIp();
    for (let i = 0; i < CODE_MISSES.max; i++) {
      const guess = `AAAA${'ACDEFGHJKMNPQRTUVWXY34679'[i % 25]}${'ACDEFGHJKMNPQRTUVWXY34679'[(i * 7) % 25]}`;
      if (guess === room.code) continue;
      expect(
        (await call(roomRoute.GET, 'GET', `/api/rooms/${guess}`, { code: guess }, { ip })).status,
      ).toBe(404);
    }
    const blocked = await call(
      roomRoute.GET,
      'GET',
      `/api/rooms/${room.code}`,
      { code: room.code },
      { ip },
    );
    expect(blocked.status).toBe(429);
    const joinBlocked = await call(
      membersRoute.POST,
      'POST',
      `/api/rooms/${room.code}/members`,
      { code: room.code },
      { ip, body: { nickname: 'x' } },
    );
    expect(joinBlocked.status).toBe(429);
    const fine = await call(
      roomRoute.GET,
      'GET',
      `/api/rooms/${room.code}`,
      { code: room.code },
      { ip: newIp() },
    );
    expect(fine.status).toBe(200);
  });

  it('joins with a nickname unique in the room, and refuses bad nicknames', async () => {
    const room = await newRoom();
    const code = room.code;
    const ada = await join(code, 'Ada');
    expect(ada.token).toMatch(/^m_/);
    const path = `/api/rooms/${code}/members`;
    const taken = await call(
      membersRoute.POST,
      'POST',
      path,
      { code },
      { body: { nickname: 'ADA' } },
    );
    expect(taken.status).toBe(409);
    for (const nickname of ['', 'x'.repeat(41), 'bad\u202ename', 42]) {
      expect(
        (await call(membersRoute.POST, 'POST', path, { code }, { body: { nickname } })).status,
      ).toBe(400);
    }
    expect(
      (
        await call(
          membersRoute.POST,
          'POST',
          path,
          { code },
          { origin: 'http://localhost:4000', body: { nickname: 'Eve' } },
        )
      ).status,
    ).toBe(403);
    const snapshot = await board(code, room.trainerSecret);
    expect(snapshot.body.members.map((m: { nickname: string }) => m.nickname)).toEqual(['Ada']);
  });

  it('counts progress once however often the outbox resends it', async () => {
    const room = await newRoom();
    const { code } = room;
    const ada = await join(code, 'Ada');
    const path = `/api/rooms/${code}/progress`;
    const batch = {
      reports: [
        report('rep-0001'),
        report('rep-0002', {
          isCompleted: true,
          goalsMet: 2,
          bytes: 8_000_000,
          dockerfile: SOLUTION,
        }),
      ],
    };
    const first = await call(
      progressRoute.POST,
      'POST',
      path,
      { code },
      { token: ada.token, body: batch },
    );
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ acked: ['rep-0001', 'rep-0002'] });
    const seq = await seqOf(code);
    const again = await call(
      progressRoute.POST,
      'POST',
      path,
      { code },
      { token: ada.token, body: batch },
    );
    expect(again.body).toEqual({ acked: ['rep-0001', 'rep-0002'] });
    expect(await seqOf(code)).toBe(seq);
    const snapshot = await board(code, room.trainerSecret);
    const cell = snapshot.body.progress[ada.memberId]['base-image'];
    expect(cell).toMatchObject({ state: 'completed', bytes: 8_000_000, attempts: 2 });
    const csv = await call(
      exportRoute.GET,
      'GET',
      `/api/rooms/${code}/export`,
      { code },
      { token: room.trainerSecret, query: '?format=csv' },
    );
    expect(csv.response.headers.get('content-type')).toContain('text/csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(2);
    expect(csv.body).toMatch(
      /^nickname,lesson,completedAt,finalBytes,score,attempts\r\nAda,base-image,[^,]+,8000000,,2\r\n$/,
    );
  });

  it('refuses a malformed progress batch whole, and changes nothing', async () => {
    const room = await newRoom();
    const { code } = room;
    const ada = await join(code, 'Ada');
    const path = `/api/rooms/${code}/progress`;
    const seq = await seqOf(code);
    const bad: [string, Call, number][] = [
      [
        'one bad report in the batch',
        { body: { reports: [report('ok-00001'), report('x')] } },
        400,
      ],
      [
        'a lesson not in the room',
        { body: { reports: [report('ok-00002', { lesson: 'nope' })] } },
        400,
      ],
      [
        'too many reports',
        {
          body: {
            reports: Array.from({ length: 51 }, (_, i) =>
              report(`many-${String(i).padStart(4, '0')}`),
            ),
          },
        },
        400,
      ],
      ['an empty batch', { body: { reports: [] } }, 400],
      ['a negative size', { body: { reports: [report('ok-00003', { bytes: -1 })] } }, 400],
      ['not JSON', { raw: 'reports' }, 400],
      [
        'over 256 kB',
        {
          body: {
            reports: [
              report('ok-00004', { dockerfile: 'x'.repeat(60_000) }),
              report('ok-00005', { dockerfile: 'y'.repeat(60_000) }),
              report('ok-00006', { dockerfile: 'z'.repeat(60_000) }),
              report('ok-00007', { dockerfile: 'w'.repeat(60_000) }),
              report('ok-00008', { dockerfile: 'v'.repeat(60_000) }),
            ],
          },
        },
        413,
      ],
      ['no token', { token: undefined, body: { reports: [report('ok-00009')] } }, 401],
      ['a made-up token', { token: 'm_nope', body: { reports: [report('ok-00010')] } }, 403],
      ['no Origin', { origin: null, body: { reports: [report('ok-00011')] } }, 403],
    ];
    for (const [reason, options, status] of bad) {
      const answer = await call(
        progressRoute.POST,
        'POST',
        path,
        { code },
        { token: ada.token, ...options },
      );
      expect(answer.status, reason).toBe(status);
      expect(typeof answer.body.error, reason).toBe('string');
    }
    expect(await seqOf(code)).toBe(seq);
    expect((await board(code, room.trainerSecret)).body.progress).toEqual({});
  });

  it('never lets a learner act as the trainer, nor a wrong secret', async () => {
    const room = await newRoom();
    const { code } = room;
    const ada = await join(code, 'Ada');
    await call(
      progressRoute.POST,
      'POST',
      `/api/rooms/${code}/progress`,
      { code },
      {
        token: ada.token,
        body: {
          reports: [report('done-0001', { isCompleted: true, goalsMet: 2, dockerfile: SOLUTION })],
        },
      },
    );
    const seq = await seqOf(code);
    const p = (tail: string) => `/api/rooms/${code}/${tail}`;
    const attempts: [string, unknown, string, string, Record<string, string>, unknown?][] = [
      ['board', boardRoute.GET, 'GET', p('board'), { code }],
      ['pacing', pacingRoute.POST, 'POST', p('pacing'), { code }, { action: 'open-all' }],
      ['broadcast', broadcastRoute.POST, 'POST', p('broadcast'), { code }, { text: 'hi' }],
      [
        'spotlight',
        spotlightRoute.POST,
        'POST',
        p('spotlight'),
        { code },
        { show: true, memberId: ada.memberId, lesson: 'base-image' },
      ],
      ['close', closeRoute.POST, 'POST', p('close'), { code }],
      ['trainers', trainersRoute.POST, 'POST', p('trainers'), { code }],
      ['export', exportRoute.GET, 'GET', p('export'), { code }],
      ['solutions', solutionsRoute.GET, 'GET', p('solutions?lesson=base-image'), { code }],
      [
        'one solution',
        memberSolutionRoute.GET,
        'GET',
        p(`members/${ada.memberId}/solutions/base-image`),
        { code, memberId: ada.memberId, slug: 'base-image' },
      ],
    ];
    for (const [name, handler, method, path, params, body] of attempts) {
      for (const [who, token, status] of [
        ['learner token', ada.token, 403],
        ['wrong secret', `${room.trainerSecret}x`, 403],
        ['no secret', undefined, 401],
      ] as const) {
        const answer = await call(handler, method, path, params, { token, body });
        expect(answer.status, `${name} with ${who}`).toBe(status);
      }
    }
    expect(await seqOf(code)).toBe(seq);
    expect((await call(roomRoute.GET, 'GET', p(''), { code })).body.closed).toBe(false);
    // And the trainer secret is not a learner token either.
    const asLearner = await call(
      meRoute.GET,
      'GET',
      p('me'),
      { code },
      { token: room.trainerSecret },
    );
    expect(asLearner.status).toBe(403);
  });

  it('paces the room, broadcasts, raises a hand and spotlights a solution without its name', async () => {
    const room = await newRoom();
    const { code, trainerSecret: secret } = room;
    const ada = await join(code, 'Ada');
    const p = (tail: string) => `/api/rooms/${code}/${tail}`;
    const next = await call(
      pacingRoute.POST,
      'POST',
      p('pacing'),
      { code },
      { token: secret, body: { action: 'open-next' } },
    );
    expect(next.body.pacing.open).toEqual(['base-image', 'multi-stage']);
    const badHold = await call(
      pacingRoute.POST,
      'POST',
      p('pacing'),
      { code },
      { token: secret, body: { action: 'hold', lesson: 'nope' } },
    );
    expect(badHold.status).toBe(400);
    const tooLong = await call(
      broadcastRoute.POST,
      'POST',
      p('broadcast'),
      { code },
      { token: secret, body: { text: 'x'.repeat(501) } },
    );
    expect(tooLong.status).toBe(400);
    const sent = await call(
      broadcastRoute.POST,
      'POST',
      p('broadcast'),
      { code },
      { token: secret, body: { kind: 'hint', text: '<b>Try</b> alpine' } },
    );
    expect(sent.status).toBe(200);
    const hand = await call(
      handRoute.POST,
      'POST',
      p('hand'),
      { code },
      { token: ada.token, body: { raised: true } },
    );
    expect(hand.status).toBe(200);
    const none = await call(
      spotlightRoute.POST,
      'POST',
      p('spotlight'),
      { code },
      { token: secret, body: { show: true, memberId: ada.memberId, lesson: 'base-image' } },
    );
    expect(none.status).toBe(404);
    await call(
      progressRoute.POST,
      'POST',
      p('progress'),
      { code },
      {
        token: ada.token,
        body: {
          reports: [report('done-0002', { isCompleted: true, goalsMet: 2, dockerfile: SOLUTION })],
        },
      },
    );
    const shown = await call(
      spotlightRoute.POST,
      'POST',
      p('spotlight'),
      { code },
      { token: secret, body: { show: true, memberId: ada.memberId, lesson: 'base-image' } },
    );
    expect(shown.status).toBe(200);

    const me = await call(meRoute.GET, 'GET', p('me'), { code }, { token: ada.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      code,
      memberId: ada.memberId,
      nickname: 'Ada',
      pacing: { open: ['base-image', 'multi-stage'] },
      broadcasts: [{ kind: 'hint', text: '<b>Try</b> alpine' }],
      spotlight: { lesson: 'base-image', dockerfile: SOLUTION },
      handRaisedAt: expect.any(String),
      progress: [expect.objectContaining({ lesson: 'base-image', state: 'completed' })],
    });
    expect(me.body.spotlight.nickname).toBeUndefined();
    expect((await board(code, secret)).body.members[0].handRaisedAt).toEqual(expect.any(String));

    const down = await call(
      spotlightRoute.POST,
      'POST',
      p('spotlight'),
      { code },
      { token: secret, body: { show: false } },
    );
    expect(down.status).toBe(200);
    expect(
      (await call(meRoute.GET, 'GET', p('me'), { code }, { token: ada.token })).body.spotlight,
    ).toBeUndefined();
  });

  it('groups identical solutions and gives each one to the trainer', async () => {
    const room = await newRoom();
    const { code, trainerSecret: secret } = room;
    const texts = {
      a: SOLUTION,
      b: `# same, other layout\n${SOLUTION.replace(' ', '   ')}`,
      c: 'FROM scratch\n',
    };
    const ids: Record<string, string> = {};
    for (const [name, dockerfile] of Object.entries(texts)) {
      const m = await join(code, name);
      ids[name] = m.memberId;
      await call(
        progressRoute.POST,
        'POST',
        `/api/rooms/${code}/progress`,
        { code },
        {
          token: m.token,
          body: {
            reports: [
              report(`sol-${name}-0001`, {
                isCompleted: true,
                goalsMet: 2,
                bytes: dockerfile.length,
                dockerfile,
              }),
            ],
          },
        },
      );
    }
    const grouped = await call(
      solutionsRoute.GET,
      'GET',
      `/api/rooms/${code}/solutions`,
      { code },
      { token: secret, query: '?lesson=base-image' },
    );
    expect(grouped.status).toBe(200);
    const sizes = grouped.body.groups
      .map((g: { solutions: unknown[] }) => g.solutions.length)
      .sort();
    expect(sizes).toEqual([1, 2]);
    const bad = await call(
      solutionsRoute.GET,
      'GET',
      `/api/rooms/${code}/solutions`,
      { code },
      { token: secret, query: '?lesson=nope' },
    );
    expect(bad.status).toBe(400);
    const one = await call(
      memberSolutionRoute.GET,
      'GET',
      '',
      { code, memberId: ids.c, slug: 'base-image' },
      { token: secret },
    );
    expect(one.body).toMatchObject({ nickname: 'c', dockerfile: 'FROM scratch\n' });
    const missing = await call(
      memberSolutionRoute.GET,
      'GET',
      '',
      { code, memberId: ids.c, slug: 'multi-stage' },
      { token: secret },
    );
    expect(missing.status).toBe(404);
    const rows = await call(
      exportRoute.GET,
      'GET',
      '',
      { code },
      { token: secret, query: '?format=json' },
    );
    expect(rows.body.rows.map((r: { nickname: string }) => r.nickname)).toEqual(['a', 'b', 'c']);
    expect(
      (await call(exportRoute.GET, 'GET', '', { code }, { token: secret, query: '?format=xml' }))
        .status,
    ).toBe(400);
  });

  it('invites a second trainer with a secret of their own', async () => {
    const room = await newRoom();
    const { code } = room;
    const invited = await call(
      trainersRoute.POST,
      'POST',
      '',
      { code },
      { token: room.trainerSecret },
    );
    expect(invited.status).toBe(201);
    expect(invited.body.trainerSecret).not.toBe(room.trainerSecret);
    expect(invited.body.trainerPath).toBe(`/rooms/${code}/board#key=${invited.body.trainerSecret}`);
    expect((await board(code, invited.body.trainerSecret)).status).toBe(200);
    expect((await board(code, room.trainerSecret)).status).toBe(200);
  });

  it('lets a learner leave: their token stops working and their results stay', async () => {
    const room = await newRoom();
    const { code } = room;
    const ada = await join(code, 'Ada');
    await call(
      progressRoute.POST,
      'POST',
      '',
      { code },
      {
        token: ada.token,
        body: {
          reports: [report('left-0001', { isCompleted: true, goalsMet: 2, dockerfile: SOLUTION })],
        },
      },
    );
    const foreign = await call(
      meMemberRoute.DELETE,
      'DELETE',
      '',
      { code },
      { token: ada.token, origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    const left = await call(meMemberRoute.DELETE, 'DELETE', '', { code }, { token: ada.token });
    expect(left.status).toBe(204);
    expect((await call(meRoute.GET, 'GET', '', { code }, { token: ada.token })).status).toBe(403);
    // Her token checked out for a progress report a moment ago; after leaving it is refused anyway.
    const seq = await seqOf(code);
    const late = await call(
      progressRoute.POST,
      'POST',
      '',
      { code },
      { token: ada.token, body: { reports: [report('left-0002')] } },
    );
    expect(late.status).toBe(403);
    expect(await seqOf(code)).toBe(seq);
    const rows = await call(
      exportRoute.GET,
      'GET',
      '',
      { code },
      { token: room.trainerSecret, query: '?format=json' },
    );
    expect(rows.body.rows).toHaveLength(1);
    // The nickname is free again.
    await join(code, 'Ada');
  });

  it('refuses a hand and a snapshot from a learner who left on another instance, and a hand in a room closed there', async () => {
    const room = await newRoom();
    const { code, trainerSecret: secret } = room;
    const ada = await join(code, 'Ada');
    const bob = await join(code, 'Bob');
    const hand = (token: string, raised: boolean) =>
      call(handRoute.POST, 'POST', '', { code }, { token, body: { raised } });
    const me = (token: string) => call(meRoute.GET, 'GET', '', { code }, { token });
    // Both tokens check out once here, so this process trusts them for a while without a read.
    expect((await me(ada.token)).status).toBe(200);
    expect((await me(bob.token)).status).toBe(200);
    // Ada leaves through another instance: this process's cached check knows nothing of it.
    const stored = await findRoom(ctx.database().db, code);
    const members = (await board(code, secret)).body.members as { id: string }[];
    expect(members.map((m) => m.id)).toContain(ada.memberId);
    await leaveRoom(ctx.database(), stored!, {
      id: ada.memberId,
      nickname: 'Ada',
      joinedAt: new Date().toISOString(),
    });
    const seq = await seqOf(code);
    const raised = await hand(ada.token, true);
    expect(raised.status).toBe(403);
    expect(raised.body.error).toMatch(/membership/);
    expect((await me(ada.token)).status).toBe(403);
    expect(await seqOf(code)).toBe(seq);
    // The trainer closes the room through another instance: the cached room says open.
    await closeRoom(ctx.database(), stored!);
    const closedSeq = await seqOf(code);
    const late = await hand(bob.token, true);
    expect(late.status).toBe(410);
    expect(late.body.error).toMatch(/closed/);
    expect(await seqOf(code)).toBe(closedSeq);
    const after = await board(code, secret);
    expect(
      (after.body.members as { id: string; handRaisedAt?: string }[]).every(
        (m) => m.handRaisedAt === undefined,
      ),
    ).toBe(true);
    // A closed room stays readable for a learner still in it.
    const read = await me(bob.token);
    expect(read.status).toBe(200);
    expect(read.body.isClosed).toBe(true);
  });

  it('closes a room: readable, and nothing in it changes', async () => {
    const room = await newRoom();
    const { code, trainerSecret: secret } = room;
    const ada = await join(code, 'Ada');
    const before = await call(
      progressRoute.POST,
      'POST',
      '',
      { code },
      { token: ada.token, body: { reports: [report('open-0001')] } },
    );
    expect(before.status).toBe(200);
    const closed = await call(closeRoute.POST, 'POST', '', { code }, { token: secret });
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).toEqual(expect.any(String));
    const seq = await seqOf(code);
    expect((await call(roomRoute.GET, 'GET', '', { code })).body.closed).toBe(true);
    expect(
      (await call(membersRoute.POST, 'POST', '', { code }, { body: { nickname: 'Late' } })).status,
    ).toBe(410);
    expect(
      (
        await call(
          progressRoute.POST,
          'POST',
          '',
          { code },
          { token: ada.token, body: { reports: [report('late-0001')] } },
        )
      ).status,
    ).toBe(410);
    expect(
      (
        await call(
          handRoute.POST,
          'POST',
          '',
          { code },
          { token: ada.token, body: { raised: true } },
        )
      ).status,
    ).toBe(410);
    expect(
      (
        await call(
          broadcastRoute.POST,
          'POST',
          '',
          { code },
          { token: secret, body: { text: 'x' } },
        )
      ).status,
    ).toBe(410);
    expect(
      (await call(closeRoute.POST, 'POST', '', { code }, { token: secret })).body.closedAt,
    ).toBe(closed.body.closedAt);
    expect(await seqOf(code)).toBe(seq);
    expect((await board(code, secret)).status).toBe(200);
  });

  it('streams events with ids, resumes after Last-Event-ID and shows a learner only their part', async () => {
    const room = await newRoom();
    const { code, trainerSecret: secret } = room;
    const ada = await join(code, 'Ada');
    const bob = await join(code, 'Bob');
    await call(
      broadcastRoute.POST,
      'POST',
      '',
      { code },
      { token: secret, body: { text: 'first' } },
    );
    await call(
      progressRoute.POST,
      'POST',
      '',
      { code },
      { token: bob.token, body: { reports: [report('bob-00001')] } },
    );
    await call(
      broadcastRoute.POST,
      'POST',
      '',
      { code },
      { token: secret, body: { text: 'second' } },
    );

    const open = async (token: string, headers: Record<string, string> = {}, query = '') => {
      const controller = new AbortController();
      const req = new Request(`${SITE}/api/rooms/${code}/events${query}`, {
        headers: { authorization: `Bearer ${token}`, host: 'localhost:3000', ...headers },
        signal: controller.signal,
      });
      const response = await (eventsRoute.GET as Handler)(req, {
        params: Promise.resolve({ code }) as Promise<never>,
      });
      return { response, controller };
    };
    const readUntil = async (response: Response, pattern: RegExp) => {
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const deadline = Date.now() + 5000;
      while (!pattern.test(text) && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      await reader.cancel();
      return text;
    };

    const trainer = await open(secret, { 'last-event-id': '3' });
    expect(trainer.response.status).toBe(200);
    expect(trainer.response.headers.get('content-type')).toContain('text/event-stream');
    expect(trainer.response.headers.get('x-accel-buffering')).toBe('no');
    expect(trainer.response.headers.get('cache-control')).toBe('no-store, no-transform');
    const trainerText = await readUntil(trainer.response, /second/);
    trainer.controller.abort();
    const ids = [...trainerText.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids).toEqual([4, 5]);
    expect(trainerText).not.toContain('first');

    const learner = await open(ada.token, {}, '?after=0');
    const learnerText = await readUntil(learner.response, /second/);
    learner.controller.abort();
    expect(learnerText).toContain('first');
    expect(learnerText).not.toContain(bob.memberId);

    const badResume = await open(secret, { 'last-event-id': 'abc' });
    expect(badResume.response.status).toBe(400);
    expect((await open('m_nope')).response.status).toBe(403);
  });
});
