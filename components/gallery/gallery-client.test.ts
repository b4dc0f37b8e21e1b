import { afterEach, describe, expect, it, vi } from 'vitest';
import { solutionId } from '@/lib/gallery';
import { createShortLink, knownShortLink, SERVER_UNAVAILABLE } from './gallery-client';

/** A fetch that answers each POST like the route handler: the ID is the content's. */
function serverFetch(status = 201) {
  return vi.fn(async (_path: string, init?: RequestInit) => {
    const id = solutionId(JSON.parse(String(init?.body)));
    return new Response(JSON.stringify({ id, path: `/s/${id}` }), { status });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createShortLink', () => {
  it('asks the server once for the same texts, however often Share is pressed', async () => {
    const fetch = serverFetch();
    vi.stubGlobal('fetch', fetch);
    const files = { dockerfile: 'FROM alpine:3.20 # once\n', dockerignore: '' };
    const first = await createShortLink(files);
    const again = await Promise.all([createShortLink({ ...files }), createShortLink(files)]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(first.ok && first.value.path).toBe(`/s/${solutionId(files)}`);
    expect(again).toEqual([first, first]);
    expect(knownShortLink(files)).toEqual(first.ok ? first.value : undefined);
  });

  it('asks again for other texts, another lesson or another lesson version', async () => {
    const fetch = serverFetch();
    vi.stubGlobal('fetch', fetch);
    const files = { dockerfile: 'FROM alpine:3.20 # other\n', dockerignore: '' };
    await createShortLink(files);
    await createShortLink({ ...files, dockerignore: 'node_modules\n' });
    await createShortLink({ ...files, lesson: 'base-image', lessonVersion: 'a1' });
    await createShortLink({ ...files, lesson: 'base-image', lessonVersion: 'a2' });
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('does not keep a failure: the next press asks the server again', async () => {
    const files = { dockerfile: 'FROM alpine:3.20 # failed\n', dockerignore: '' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('offline');
      }),
    );
    expect(await createShortLink(files)).toEqual({ ok: false, reason: SERVER_UNAVAILABLE });
    expect(knownShortLink(files)).toBeUndefined();
    const fetch = serverFetch();
    vi.stubGlobal('fetch', fetch);
    const retried = await createShortLink(files);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(retried.ok).toBe(true);
  });
});
