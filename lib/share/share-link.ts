import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { base64UrlDecode, base64UrlEncode } from './base64url';

/**
 * Share links: a lesson (optional), a Dockerfile and a .dockerignore packed into the URL fragment
 * so nothing is ever sent to a server.
 *
 * Format, version 1: `#v1=<base64url(deflate-raw(utf8(JSON)))>` where the JSON is
 * `{ "lesson"?: string, "dockerfile": string, "dockerignore": string }`.
 * base64url is RFC 4648 §5 without padding; deflate-raw is RFC 1951 with no zlib/gzip header.
 *
 * Every version ever shipped keeps decoding: add `v2` beside `v1`, never change `v1`.
 */
export interface SharePayload {
  /** Lesson slug the solution belongs to; absent for the playground. */
  lesson?: string;
  dockerfile: string;
  dockerignore: string;
}

export type DecodeResult = { ok: true; payload: SharePayload } | { ok: false; reason: string };
export type EncodeResult = { ok: true; fragment: string } | { ok: false; reason: string };

/** The version this build writes. */
export const SHARE_VERSION = 1;
/** Longest Dockerfile a link may carry, in characters (a real Dockerfile is a few KB). */
export const MAX_DOCKERFILE_CHARS = 64_000;
/** Longest .dockerignore a link may carry, in characters. */
export const MAX_DOCKERIGNORE_CHARS = 16_000;
/** Cap on the inflated JSON in bytes: bigger means a zip bomb or a hand-made link. */
export const MAX_JSON_BYTES = 256_000;
/** Cap on the encoded fragment data in characters (about 90 KB of compressed bytes). */
export const MAX_FRAGMENT_CHARS = 120_000;

const BASE64URL_TEXT = /^[A-Za-z0-9_-]+=*$/;
/** The only keys a v1 payload ever had: any other key means the link was edited. */
const V1_KEYS = new Set(['lesson', 'dockerfile', 'dockerignore']);
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_CHARS = 64;
/** Inflate in slices this small so one push can never expand past ~1,032× its size (deflate's ceiling). */
const INFLATE_SLICE_BYTES = 256;

export const REASONS = {
  empty: 'This link has no shared Dockerfile in it. Ask for the full link again.',
  notShare: 'This is not a Layerlab share link (it should contain "#v1=").',
  newer:
    'This link was made by a newer version of Layerlab. Reload the page to get the latest version, then open the link again.',
  truncated: 'This link is truncated: part of it is missing. Copy the whole link and try again.',
  damaged: 'This link is damaged: it contains characters a Layerlab link never has.',
  tooLong: 'This link is too long to be a Layerlab share link.',
  tooLarge: 'This link expands to more than a Layerlab share link may hold, so it was not opened.',
  invalid:
    'This link was changed by hand or damaged: its contents are not a valid shared Dockerfile.',
} as const;

/** Checks a payload against the v1 schema; returns the reason it cannot be shared, or undefined. */
export function sharePayloadProblem(payload: SharePayload): string | undefined {
  if (typeof payload.dockerfile !== 'string' || typeof payload.dockerignore !== 'string') {
    return 'The Dockerfile and .dockerignore must be text.';
  }
  if (payload.dockerfile.length > MAX_DOCKERFILE_CHARS) {
    return `The Dockerfile is too long to share (${payload.dockerfile.length.toLocaleString('en')} characters; the limit is ${MAX_DOCKERFILE_CHARS.toLocaleString('en')}).`;
  }
  if (payload.dockerignore.length > MAX_DOCKERIGNORE_CHARS) {
    return `The .dockerignore is too long to share (limit ${MAX_DOCKERIGNORE_CHARS.toLocaleString('en')} characters).`;
  }
  if (payload.lesson !== undefined && !isSlug(payload.lesson)) {
    return 'The lesson name is not a valid lesson slug.';
  }
  return undefined;
}

/**
 * Encodes a payload as fragment text `v1=...` (without the leading `#`).
 * Returns `{ ok: false, reason }` when the payload breaks a limit (for example a 1 MB paste).
 */
export function tryEncodeShare(payload: SharePayload): EncodeResult {
  const problem = sharePayloadProblem(payload);
  if (problem) return { ok: false, reason: problem };
  const json = JSON.stringify(
    payload.lesson === undefined
      ? { dockerfile: payload.dockerfile, dockerignore: payload.dockerignore }
      : {
          lesson: payload.lesson,
          dockerfile: payload.dockerfile,
          dockerignore: payload.dockerignore,
        },
  );
  const data = base64UrlEncode(deflateSync(strToU8(json), { level: 9 }));
  if (data.length > MAX_FRAGMENT_CHARS)
    return { ok: false, reason: 'This solution is too large to fit in a link.' };
  return { ok: true, fragment: `v${SHARE_VERSION}=${data}` };
}

/**
 * Encodes a payload as fragment text `v1=...` (without the leading `#`).
 * Throws a RangeError with a readable message when the payload breaks a limit; use
 * `tryEncodeShare` to get the reason as a value instead.
 */
export function encodeShare(payload: SharePayload): string {
  const result = tryEncodeShare(payload);
  if (!result.ok) throw new RangeError(result.reason);
  return result.fragment;
}

/** Full link to the share page: `${origin}/share#v1=...`. Throws like `encodeShare`. */
export function shareUrl(origin: string, payload: SharePayload): string {
  return `${origin.replace(/\/+$/, '')}/share#${encodeShare(payload)}`;
}

/**
 * Decodes a fragment (`#v1=...`, `v1=...`, or a whole URL holding one). Never throws:
 * anything wrong ends in `{ ok: false, reason }` with a sentence for the user.
 */
export function decodeShare(fragment: string): DecodeResult {
  try {
    return decodeUnsafe(typeof fragment === 'string' ? fragment : '');
  } catch {
    return { ok: false, reason: REASONS.invalid };
  }
}

function decodeUnsafe(input: string): DecodeResult {
  const hashAt = input.indexOf('#');
  const text = (hashAt >= 0 ? input.slice(hashAt + 1) : input).trim();
  if (text === '') return { ok: false, reason: REASONS.empty };
  const match = /^v(\d{1,6})=(.*)$/s.exec(text);
  if (!match) return { ok: false, reason: REASONS.notShare };
  const version = Number(match[1]);
  const data = match[2];
  if (version > SHARE_VERSION) return { ok: false, reason: REASONS.newer };
  if (version !== 1) return { ok: false, reason: REASONS.notShare };
  return decodeV1(data);
}

function decodeV1(data: string): DecodeResult {
  if (data === '') return { ok: false, reason: REASONS.truncated };
  if (data.length > MAX_FRAGMENT_CHARS) return { ok: false, reason: REASONS.tooLong };
  const bytes = base64UrlDecode(data);
  if (bytes === undefined) {
    // Every character valid but a length no whole bytes give (4n+1): the link was cut short.
    return { ok: false, reason: BASE64URL_TEXT.test(data) ? REASONS.truncated : REASONS.damaged };
  }
  const inflated = inflateCapped(bytes, MAX_JSON_BYTES);
  if (!inflated.ok) return inflated;
  let json: string;
  try {
    json = strFromU8(inflated.bytes);
  } catch {
    return { ok: false, reason: REASONS.invalid };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: REASONS.invalid };
  }
  const payload = validateV1(value);
  if (!payload) return { ok: false, reason: REASONS.invalid };
  return { ok: true, payload };
}

type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** Inflates raw DEFLATE, giving up as soon as the output passes `maxBytes` (zip-bomb safe). */
function inflateCapped(input: Uint8Array, maxBytes: number): InflateResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let isTooLarge = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) {
      isTooLarge = true;
      return;
    }
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < input.length && !isTooLarge; at += INFLATE_SLICE_BYTES) {
      const end = Math.min(at + INFLATE_SLICE_BYTES, input.length);
      inflater.push(input.subarray(at, end), end === input.length);
    }
  } catch (error) {
    if (isTooLarge) return { ok: false, reason: REASONS.tooLarge };
    const code = (error as { code?: number }).code;
    // fflate error 0 is "unexpected EOF": the stream stops mid-way, i.e. the link was cut short.
    return { ok: false, reason: code === 0 ? REASONS.truncated : REASONS.invalid };
  }
  if (isTooLarge) return { ok: false, reason: REASONS.tooLarge };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes };
}

function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_SLUG_CHARS && SLUG_PATTERN.test(value);
}

/** Strict v1 schema: a plain object with the two texts and an optional slug, and no other key. */
function validateV1(value: unknown): SharePayload | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (Object.keys(record).some((key) => !V1_KEYS.has(key))) return undefined;
  const { dockerfile, dockerignore, lesson } = record;
  if (typeof dockerfile !== 'string' || dockerfile.length > MAX_DOCKERFILE_CHARS) return undefined;
  if (typeof dockerignore !== 'string' || dockerignore.length > MAX_DOCKERIGNORE_CHARS)
    return undefined;
  if (lesson !== undefined && !isSlug(lesson)) return undefined;
  return lesson === undefined ? { dockerfile, dockerignore } : { lesson, dockerfile, dockerignore };
}
