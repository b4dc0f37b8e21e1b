import type { RoomEvent } from '@/lib/rooms';
import { SseParser } from './sse-parser';

/** An answer of the room API: the JSON body, or the server's sentence (or ours) on failure. */
export type ApiResult<T> =
  { ok: true; status: number; value: T } | { ok: false; status: number; error: string };

/** Status 0: the request never got an answer (offline, server down). */
export const NO_ANSWER = 0;

/**
 * Calls the site's own room API (same origin, so the browser sends the Origin the server checks).
 * Never throws: a network failure is `{ ok: false, status: 0 }`, a 4xx/5xx carries the server's
 * `{ error }` sentence when it sent one.
 */
export async function roomApi<T>(
  path: string,
  options: {
    method?: 'GET' | 'POST' | 'DELETE';
    body?: unknown;
    token?: string;
    signal?: AbortSignal;
  } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch {
    return { ok: false, status: NO_ANSWER, error: 'The server could not be reached.' };
  }
  let body: unknown;
  try {
    body = response.status === 204 ? undefined : await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok) return { ok: true, status: response.status, value: body as T };
  const sentence =
    body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string'
      ? (body as { error: string }).error
      : `The server answered ${response.status}.`;
  return { ok: false, status: response.status, error: sentence };
}

export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

export interface StreamOptions {
  /** `/api/rooms/CODE/events`. */
  url: string;
  token: string;
  /** The last event applied: sent as Last-Event-ID on every (re)connection. */
  lastSeq: () => number;
  onEvent: (event: RoomEvent) => void;
  onState: (state: ConnectionState) => void;
  /** The server refused the stream for good (401, 403, 404, 410): no more retries. */
  onRefused: (status: number, error: string) => void;
}

/** Without a byte for this long (heartbeats come every 15 s) the connection counts as dead. */
const SILENCE_MS = 40_000;
const BACKOFF_MS = [500, 1000, 2000, 4000, 8000];

/**
 * Follows a room's event stream with `fetch` and a stream reader (so the Authorization header
 * works), reconnecting with backoff and resuming from Last-Event-ID. Returns a function that
 * stops it.
 */
export function followRoom(options: StreamOptions): () => void {
  let isStopped = false;
  let controller: AbortController | undefined;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;

  const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;
  const onOnline = () => wake?.();
  // The browser knows before the socket does: drop the stream at once and say so.
  const onOffline = () => controller?.abort();
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = () => {
        clearTimeout(retryTimer);
        wake = undefined;
        resolve();
      };
      retryTimer = setTimeout(() => wake?.(), ms);
    });

  async function connectOnce(): Promise<'retry' | 'stop'> {
    controller = new AbortController();
    let silence: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller?.abort(), SILENCE_MS);
    };
    try {
      arm();
      const response = await fetch(options.url, {
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'text/event-stream',
          'last-event-id': String(options.lastSeq()),
        },
        cache: 'no-store',
        signal: controller.signal,
      });
      if ([400, 401, 403, 404, 410].includes(response.status)) {
        let error = `The server answered ${response.status}.`;
        try {
          const body = (await response.json()) as { error?: unknown };
          if (typeof body.error === 'string') error = body.error;
        } catch {
          // No JSON body: keep the status sentence.
        }
        options.onRefused(response.status, error);
        return 'stop';
      }
      if (!response.ok || !response.body) return 'retry';
      failures = 0;
      options.onState('connected');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      for (;;) {
        const { done, value } = await reader.read();
        if (done || isStopped) break;
        arm();
        for (const message of parser.push(value)) {
          if (message.event !== 'room') continue;
          let event: RoomEvent;
          try {
            event = JSON.parse(message.data) as RoomEvent;
          } catch {
            continue;
          }
          if (typeof event?.seq !== 'number' || typeof event.kind !== 'string') continue;
          options.onEvent(event);
          if (event.kind === 'closed') return 'stop';
        }
      }
      return 'retry';
    } catch {
      return 'retry';
    } finally {
      clearTimeout(silence);
    }
  }

  void (async () => {
    while (!isStopped) {
      const outcome = await connectOnce();
      if (outcome === 'stop' || isStopped) break;
      options.onState(isOffline() ? 'offline' : 'reconnecting');
      await sleep(BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)]);
      failures++;
    }
  })();

  return () => {
    isStopped = true;
    controller?.abort();
    wake?.();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    }
  };
}

/** Random id for a progress report (URL-safe, 22 characters). */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
