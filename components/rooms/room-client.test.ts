import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RoomEvent } from '@/lib/rooms';
import { followRoom, roomApi, type ConnectionState } from './room-client';

const event = (seq: number): RoomEvent => ({
  seq,
  at: '2026-12-01T10:00:00.000Z',
  kind: 'broadcast',
  broadcast: { kind: 'message', text: `message ${seq}`, at: '2026-12-01T10:00:00.000Z' },
});

/** A response streaming `text` in two chunks, then ending (a dropped connection). */
function stream(text: string): Response {
  const bytes = new TextEncoder().encode(text);
  const half = Math.floor(bytes.length / 2);
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, half));
        controller.enqueue(bytes.slice(half));
        controller.close();
      },
    }),
    { status: 200, headers: { 'content-type': 'text/event-stream' } },
  );
}

const sse = (e: RoomEvent) => `id: ${e.seq}\nevent: room\ndata: ${JSON.stringify(e)}\n\n`;

afterEach(() => vi.unstubAllGlobals());

describe('followRoom', () => {
  it('resumes after the last applied event with Last-Event-ID when the stream drops', async () => {
    const sent: string[] = [];
    const responses = [
      () => stream(`retry: 2000\n: connected after 0\n\n${sse(event(1))}${sse(event(2))}`),
      () => new Response(null, { status: 503 }),
      () => stream(`: heartbeat\n\n${sse(event(3))}`),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        sent.push((init.headers as Record<string, string>)['last-event-id']);
        const next = responses.shift();
        return next ? next() : new Promise<Response>(() => {});
      }),
    );
    const seen: number[] = [];
    const states: ConnectionState[] = [];
    let last = 0;
    const stop = followRoom({
      url: '/api/rooms/ACDEFG/events',
      token: 'token',
      lastSeq: () => last,
      onEvent: (e) => {
        seen.push(e.seq);
        last = e.seq;
      },
      onState: (s) => states.push(s),
      onRefused: () => {},
    });
    await vi.waitFor(() => expect(seen).toEqual([1, 2, 3]), { timeout: 5000 });
    stop();
    expect(sent.slice(0, 3)).toEqual(['0', '2', '2']);
    // Dropped, refused with a 503, then live again (the last fake stream ends too, later).
    expect(states.slice(0, 4)).toEqual(['connected', 'reconnecting', 'reconnecting', 'connected']);
  });

  it('stops for good when the server refuses the token', async () => {
    const fetch = vi.fn(async () =>
      Response.json({ error: 'This membership is not valid.' }, { status: 401 }),
    );
    vi.stubGlobal('fetch', fetch);
    const refused: [number, string][] = [];
    followRoom({
      url: '/api/rooms/ACDEFG/events',
      token: 'bad',
      lastSeq: () => 0,
      onEvent: () => {},
      onState: () => {},
      onRefused: (status, error) => refused.push([status, error]),
    });
    await vi.waitFor(() => expect(refused).toEqual([[401, 'This membership is not valid.']]));
    await new Promise((r) => setTimeout(r, 700));
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('roomApi', () => {
  it("gives the server's sentence on a 4xx and never throws when the network fails", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ error: 'That nickname is taken.' }, { status: 409 })),
    );
    expect(await roomApi('/api/rooms/ACDEFG/members', { method: 'POST', body: {} })).toEqual({
      ok: false,
      status: 409,
      error: 'That nickname is taken.',
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const offline = await roomApi('/api/rooms/ACDEFG');
    expect(offline).toMatchObject({ ok: false, status: 0 });
  });
});
