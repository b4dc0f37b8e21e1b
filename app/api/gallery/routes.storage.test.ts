import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { lessons } from '@/content/lessons/generated';
import { lessonVersion } from '@/lib/gallery';
import { MAX_DOCKERFILE_CHARS } from '@/lib/share';
import { rowsOf } from '@/server/db/migrate';
import { describeStorage } from '@/server/testing/storage';
import * as shortLinks from '../short-links/route';
import * as hideShortLink from '../short-links/[id]/hide/route';
import * as gallery from './[slug]/route';
import * as hideEntry from './entries/[id]/hide/route';
import * as withdraw from './entries/[id]/withdraw/route';

// The route handlers, called as Next calls them, against each engine: validation, Origin, keys,
// the operator token and the rate limits. Every refusal is checked to have changed nothing.

const ORIGIN = 'http://localhost:3000';
const lesson = lessons[0];
const version = lessonVersion(lesson);
const solution = {
  dockerfile: lesson.solutionDockerfile,
  dockerignore: lesson.solutionDockerignore ?? '',
};
const KEY_A = 'A'.repeat(43);
const KEY_B = 'B'.repeat(43);
const OPERATOR = 'operator-token-0123456789';
const HOLDER = Symbol.for('layerlab.database');

let client = 0;
/** A distinct client address per test, so rate limits of one test never reach another. */
function nextClient(): string {
  client += 1;
  return `198.51.100.${client}`;
}

function post(
  path: string,
  body: unknown,
  { origin = ORIGIN as string | null, ip = 'local', headers = {} as Record<string, string> } = {},
): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: {
      host: 'localhost:3000',
      'content-type': 'application/json',
      'x-forwarded-for': ip,
      ...(origin === null ? {} : { origin }),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });

describeStorage('gallery routes', (ctx) => {
  const count = async (table: 'solutions' | 'gallery_entries') =>
    Number(
      rowsOf<{ n: number | string }>(
        await ctx.database().db.execute(sql.raw(`SELECT count(*) AS n FROM ${table}`)),
      )[0].n,
    );

  beforeEach(() => {
    (globalThis as Record<symbol, unknown>)[HOLDER] = Promise.resolve(ctx.database());
  });
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[HOLDER];
    delete process.env.LAYERLAB_OPERATOR_TOKEN;
  });

  it('makes a short link from the content: the same solution gets the same link', async () => {
    const ip = nextClient();
    const body = { lesson: lesson.slug, lessonVersion: version, ...solution };
    const first = await shortLinks.POST(post('/api/short-links', body, { ip }));
    const again = await shortLinks.POST(post('/api/short-links', body, { ip }));
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const a = (await first.json()) as { id: string; path: string };
    const b = (await again.json()) as { id: string };
    expect(a.id).toMatch(/^[0-9a-z]{20}$/);
    expect(a.path).toBe(`/s/${a.id}`);
    expect(b.id).toBe(a.id);
  });

  it('refuses bad short-link requests with a 4xx and stores nothing', async () => {
    const ip = nextClient();
    const before = await count('solutions');
    const cases: [string, Request, number][] = [
      ['no Origin', post('/api/short-links', solution, { origin: null, ip }), 403],
      [
        'another site’s Origin',
        post('/api/short-links', solution, { origin: 'https://evil.example', ip }),
        403,
      ],
      ['not JSON', post('/api/short-links', '{"dockerfile":', { ip }), 400],
      ['a missing field', post('/api/short-links', { dockerfile: 'FROM a\n' }, { ip }), 400],
      ['an unknown field', post('/api/short-links', { ...solution, extra: 1 }, { ip }), 400],
      ['a wrong type', post('/api/short-links', { dockerfile: 1, dockerignore: '' }, { ip }), 400],
      [
        'an unknown lesson',
        post('/api/short-links', { ...solution, lesson: 'no-such-lesson' }, { ip }),
        400,
      ],
      [
        'a Dockerfile over the cap',
        post(
          '/api/short-links',
          { dockerfile: 'x'.repeat(MAX_DOCKERFILE_CHARS + 1), dockerignore: '' },
          { ip },
        ),
        400,
      ],
      [
        'a body over the byte cap',
        post('/api/short-links', { dockerfile: 'x'.repeat(1_000_000), dockerignore: '' }, { ip }),
        413,
      ],
    ];
    for (const [name, request, status] of cases) {
      const response = await shortLinks.POST(request);
      expect(response.status, name).toBe(status);
      expect(((await response.json()) as { error: string }).error, name).toMatch(/\w/);
    }
    expect(await count('solutions')).toBe(before);
  });

  it('rate-limits short links per client with a 429 and Retry-After', async () => {
    const ip = nextClient();
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const response = await shortLinks.POST(
        post(
          '/api/short-links',
          { dockerfile: `FROM alpine:3.20\n# ${i}\n`, dockerignore: '' },
          { ip },
        ),
      );
      statuses.push(response.status);
      if (response.status === 429)
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 60).every((status) => status === 201)).toBe(true);
    expect(statuses[60]).toBe(429);
    // A link that exists is handed out again without counting: it stores nothing.
    const again = await shortLinks.POST(
      post('/api/short-links', { dockerfile: 'FROM alpine:3.20\n# 0\n', dockerignore: '' }, { ip }),
    );
    expect(again.status).toBe(200);
    // Another client is not affected.
    const other = await shortLinks.POST(
      post(
        '/api/short-links',
        { dockerfile: 'FROM alpine:3.21\n', dockerignore: '' },
        { ip: nextClient() },
      ),
    );
    expect(other.status).toBe(201);
  });

  it('publishes a solution that meets the goals, measured on the server', async () => {
    const ip = nextClient();
    const response = await gallery.POST(
      post(
        `/api/gallery/${lesson.slug}`,
        { lessonVersion: version, ...solution, nickname: ' Ada ', withdrawKey: KEY_A },
        { ip },
      ),
      params({ slug: lesson.slug }),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { entryId: string; solutionId: string; bytes: number };
    expect(body.bytes).toBeGreaterThan(0);
    const view = await gallery.GET(
      new Request(`${ORIGIN}/api/gallery/${lesson.slug}`),
      params({ slug: lesson.slug }),
    );
    const listed = (await view.json()) as {
      groups: { solutionId: string; nickname?: string; entryIds: string[]; bytes: number }[];
    };
    const group = listed.groups.find((g) => g.entryIds.includes(body.entryId));
    expect(group).toMatchObject({
      solutionId: body.solutionId,
      nickname: 'Ada',
      bytes: body.bytes,
    });
  });

  it('refuses bad publications with a 4xx and publishes nothing', async () => {
    const ip = nextClient();
    const valid = { lessonVersion: version, ...solution, withdrawKey: KEY_A };
    const before = [await count('solutions'), await count('gallery_entries')];
    const cases: [string, Request, string, number][] = [
      ['no Origin', post('/x', valid, { origin: null, ip }), lesson.slug, 403],
      ['an unknown lesson', post('/x', valid, { ip }), 'no-such-lesson', 404],
      [
        'a start that misses the goals',
        post('/x', { ...valid, dockerfile: lesson.startDockerfile }, { ip }),
        lesson.slug,
        422,
      ],
      [
        'an older lesson version',
        post('/x', { ...valid, lessonVersion: '0000000000' }, { ip }),
        lesson.slug,
        409,
      ],
      [
        'no withdraw key',
        post('/x', { ...valid, withdrawKey: undefined }, { ip }),
        lesson.slug,
        400,
      ],
      [
        'a short withdraw key',
        post('/x', { ...valid, withdrawKey: 'abc' }, { ip }),
        lesson.slug,
        400,
      ],
      [
        'a nickname with invisible characters',
        post('/x', { ...valid, nickname: 'Ada\u202e' }, { ip }),
        lesson.slug,
        400,
      ],
      [
        'a nickname too long',
        post('/x', { ...valid, nickname: 'x'.repeat(41) }, { ip }),
        lesson.slug,
        400,
      ],
      ['a bad room code', post('/x', { ...valid, room: 'not a code' }, { ip }), lesson.slug, 400],
    ];
    for (const [name, request, slug, status] of cases) {
      const response = await gallery.POST(request, params({ slug }));
      expect(response.status, name).toBe(status);
    }
    expect([await count('solutions'), await count('gallery_entries')]).toEqual(before);
  });

  it('filters the gallery by room and refuses a malformed room', async () => {
    const ip = nextClient();
    const inRoom = {
      lessonVersion: version,
      dockerfile: `${solution.dockerfile}# from the room\n`,
      dockerignore: solution.dockerignore,
      withdrawKey: KEY_A,
      room: 'ACDEFG',
    };
    const published = await gallery.POST(
      post(`/api/gallery/${lesson.slug}`, inRoom, { ip }),
      params({ slug: lesson.slug }),
    );
    expect(published.status).toBe(201);
    const { entryId } = (await published.json()) as { entryId: string };
    const get = (query: string) =>
      gallery.GET(
        new Request(`${ORIGIN}/api/gallery/${lesson.slug}${query}`),
        params({ slug: lesson.slug }),
      );
    const room = (await (await get('?room=ACDEFG')).json()) as { groups: { entryIds: string[] }[] };
    const other = (await (await get('?room=HJKMNP')).json()) as { groups: unknown[] };
    expect(room.groups.flatMap((g) => g.entryIds)).toContain(entryId);
    expect(other.groups).toEqual([]);
    expect((await get('?room=%3Cscript%3E')).status).toBe(400);
    expect(
      (await gallery.GET(new Request(`${ORIGIN}/api/gallery/nope`), params({ slug: 'nope' })))
        .status,
    ).toBe(404);
  });

  it('withdraws an entry only with its key', async () => {
    const ip = nextClient();
    const published = await gallery.POST(
      post(
        `/api/gallery/${lesson.slug}`,
        { lessonVersion: version, ...solution, withdrawKey: KEY_A },
        { ip },
      ),
      params({ slug: lesson.slug }),
    );
    const { entryId } = (await published.json()) as { entryId: string };
    const entries = await count('gallery_entries');
    const call = (body: unknown, options?: Parameters<typeof post>[2], id = entryId) =>
      withdraw.POST(post(`/api/gallery/entries/${id}/withdraw`, body, options), params({ id }));

    expect((await call({ withdrawKey: KEY_B }, { ip })).status).toBe(403);
    expect((await call({ withdrawKey: KEY_A }, { ip, origin: null })).status).toBe(403);
    expect((await call({}, { ip })).status).toBe(400);
    expect((await call({ withdrawKey: KEY_A }, { ip }, 'NOT-AN-ID')).status).toBe(400);
    expect(await count('gallery_entries')).toBe(entries);

    expect((await call({ withdrawKey: KEY_A }, { ip })).status).toBe(200);
    expect(await count('gallery_entries')).toBe(entries - 1);
    expect((await call({ withdrawKey: KEY_A }, { ip })).status).toBe(404);
  });

  it('hides an entry and a short link only with the operator token', async () => {
    const ip = nextClient();
    const dockerfile = `${solution.dockerfile}# to hide\n`;
    const published = await gallery.POST(
      post(
        `/api/gallery/${lesson.slug}`,
        {
          lessonVersion: version,
          dockerfile,
          dockerignore: solution.dockerignore,
          withdrawKey: KEY_A,
        },
        { ip },
      ),
      params({ slug: lesson.slug }),
    );
    const { entryId, solutionId } = (await published.json()) as {
      entryId: string;
      solutionId: string;
    };
    const hide = (token: string | undefined, body: unknown = { isHidden: true }) =>
      hideEntry.POST(
        post(`/api/gallery/entries/${entryId}/hide`, body, {
          ip,
          headers: token ? { authorization: `Bearer ${token}` } : {},
        }),
        params({ id: entryId }),
      );
    const listed = async () =>
      (
        (await (
          await gallery.GET(
            new Request(`${ORIGIN}/api/gallery/${lesson.slug}`),
            params({ slug: lesson.slug }),
          )
        ).json()) as { groups: { entryIds: string[] }[] }
      ).groups.flatMap((g) => g.entryIds);

    // Without LAYERLAB_OPERATOR_TOKEN nobody is an operator, whatever they send.
    expect((await hide(OPERATOR)).status).toBe(403);
    process.env.LAYERLAB_OPERATOR_TOKEN = OPERATOR;
    expect((await hide(undefined)).status).toBe(403);
    expect((await hide(`${OPERATOR}x`)).status).toBe(403);
    expect((await hide(OPERATOR, { isHidden: 'yes' })).status).toBe(400);
    expect(await listed()).toContain(entryId);

    expect((await hide(OPERATOR)).status).toBe(200);
    expect(await listed()).not.toContain(entryId);
    expect((await hide(OPERATOR, { isHidden: false })).status).toBe(200);
    expect(await listed()).toContain(entryId);

    const hideLink = (token: string) =>
      hideShortLink.POST(
        post(
          `/api/short-links/${solutionId}/hide`,
          { isHidden: true },
          {
            ip,
            headers: { authorization: `Bearer ${token}` },
          },
        ),
        params({ id: solutionId }),
      );
    expect((await hideLink('wrong-token-0123456789')).status).toBe(403);
    expect((await hideLink(OPERATOR)).status).toBe(200);
    // A hidden short link takes its gallery entries down with it.
    expect(await listed()).not.toContain(entryId);
  });
});
