import { hitRateLimit } from '../db/rate-limit';
import type { Executor } from '../db/database';
import { secretsEqual } from './store';

/** A JSON response that no cache keeps. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}

/** A 4xx with a sentence saying what was wrong; nothing was changed. */
export function refuse(status: number, reason: string, headers?: Record<string, string>): Response {
  return json(status, { error: reason }, headers);
}

/**
 * POSTs must come from a page of this site: the Origin header (which browsers always send on a
 * POST) must name the host the request was sent to. Returns the refusal, or undefined when fine.
 */
export function checkOrigin(request: Request): Response | undefined {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) return refuse(403, 'This request did not come from a page of this site.');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return refuse(403, 'This request did not come from a page of this site.');
  }
  return originHost === host
    ? undefined
    : refuse(403, 'This request did not come from a page of this site.');
}

/**
 * Reads a JSON body of at most `maxBytes`, counting the bytes as they arrive (a missing or false
 * Content-Length cannot get past the cap). `{ ok: false }` carries the 4xx to return.
 */
export async function readJson(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const tooLarge = () => ({
    ok: false as const,
    response: refuse(413, `The request is larger than ${maxBytes.toLocaleString('en')} bytes.`),
  });
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return tooLarge();
  if (!request.body) return { ok: false, response: refuse(400, 'The request has no body.') };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, response: refuse(400, 'The request body is not valid JSON.') };
  }
}

/**
 * Who is asking, for rate limits: the address the nearest proxy (or Next's own server) recorded
 * last in X-Forwarded-For; a client can prepend addresses but not replace the last one.
 */
export function clientKey(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for');
  const last = forwarded?.split(',').pop()?.trim();
  return last || request.headers.get('x-real-ip') || 'local';
}

/** Counts one attempt; the 429 to return when over the limit, else undefined. */
export async function limit(
  db: Executor,
  key: string,
  max: number,
  windowMs: number,
): Promise<Response | undefined> {
  const result = await hitRateLimit(db, key, max, windowMs);
  if (result.allowed) return undefined;
  const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
  return refuse(429, `Too many requests. Try again in ${seconds} seconds.`, {
    'retry-after': String(seconds),
  });
}

/**
 * True when the request carries the operator token (`Authorization: Bearer …`) set in
 * LAYERLAB_OPERATOR_TOKEN. Without that variable, nobody is an operator.
 */
export function isOperator(request: Request, env: NodeJS.ProcessEnv = process.env): boolean {
  const token = env.LAYERLAB_OPERATOR_TOKEN?.trim();
  if (!token || token.length < 16) return false;
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/.exec(header);
  return match !== null && secretsEqual(match[1], token);
}
