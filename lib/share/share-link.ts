import { sha256 } from '@noble/hashes/sha2.js';
import { Inflate, deflateSync, strToU8 } from 'fflate';
import { base64UrlDecode, base64UrlEncode } from './base64url';
import { isSlug } from '../lessons/slug';
import { LIMITS } from '../limits';

/**
 * Share links: a lesson (optional), a Dockerfile and a .dockerignore packed into the URL fragment
 * so nothing is ever sent to a server.
 *
 * Format, version 2 (written now): `#v2=<base64url(check ‖ deflate-raw(utf8(JSON)))>` where
 * `check` is the first 8 bytes of SHA-256 over the UTF-8 JSON and the JSON is
 * `{ "lesson"?: string, "dockerfile": string, "dockerignore": string }`. Decoding is strict:
 * canonical base64url (no padding, zero spare bits), nothing after the DEFLATE stream, valid
 * UTF-8, and the check must match, so a damaged link is refused rather than shown changed.
 *
 * Version 1 (still read): `#v1=<base64url(deflate-raw(utf8(JSON)))>`, the same JSON, no check.
 * base64url is RFC 4648 §5 without padding; deflate-raw is RFC 1951 with no zlib/gzip header.
 *
 * Every version ever shipped keeps decoding: add a version beside the others, never change one.
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
export const SHARE_VERSION = 2;
/** Bytes of SHA-256 kept as the v2 integrity check: 64 bits, so a random change passes 1 in 2^64. */
export const SHARE_CHECK_BYTES = 8;
/** Longest Dockerfile a link may carry, in characters (a real Dockerfile is a few KB). */
export const MAX_DOCKERFILE_CHARS = LIMITS.share.dockerfileChars;
/** Longest .dockerignore a link may carry, in characters. */
export const MAX_DOCKERIGNORE_CHARS = LIMITS.share.dockerignoreChars;
/** Cap on the inflated JSON in bytes: bigger means a zip bomb or a hand-made link. */
export const MAX_JSON_BYTES = LIMITS.share.jsonBytes;
/** Cap on the encoded fragment data in characters (about 90 KB of compressed bytes). */
export const MAX_FRAGMENT_CHARS = 120_000;

const BASE64URL_TEXT = /^[A-Za-z0-9_-]+=*$/;
/** `v` and a version number written without leading zeros (`v000001=` is not a version 1 link). */
const VERSION_PREFIX = /^v(\d{1,6})=(.*)$/s;
const CANONICAL_VERSION = /^(?:0|[1-9]\d*)$/;
/** The only keys a v1 or v2 payload ever had: any other key means the link was edited. */
const V1_KEYS = new Set(['lesson', 'dockerfile', 'dockerignore']);
/** Inflate in slices this small so one push can never expand past ~1,032× its size (deflate's ceiling). */
const INFLATE_SLICE_BYTES = 256;

export const REASONS = {
  empty: 'This link has no shared Dockerfile in it. Ask for the full link again.',
  notShare: 'This is not a Layerlab share link (it should contain "#v2=" or "#v1=").',
  nonCanonical:
    'This link was changed by hand: its version number is written in a way Layerlab never writes it.',
  newer:
    'This link was made by a newer version of Layerlab. Reload the page to get the latest version, then open the link again.',
  truncated: 'This link is truncated: part of it is missing. Copy the whole link and try again.',
  damaged: 'This link is damaged: it contains characters a Layerlab link never has.',
  tooLong: 'This link is too long to be a Layerlab share link.',
  tooLarge: 'This link expands to more than a Layerlab share link may hold, so it was not opened.',
  invalid:
    'This link was changed by hand or damaged: its contents are not a valid shared Dockerfile.',
  checkFailed:
    'This link is damaged: its contents do not match its check code, so it was not opened. Ask for the link again.',
  trailing:
    'This link has extra data after its end: it was changed by hand or joined with other text, so it was not opened.',
  notUtf8: 'This link is damaged: its text is not valid UTF-8, so it was not opened.',
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
 * Encodes a payload as fragment text `v2=...` (without the leading `#`).
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
  const jsonBytes = strToU8(json);
  const compressed = deflateSync(jsonBytes, { level: 9 });
  const bytes = new Uint8Array(SHARE_CHECK_BYTES + compressed.length);
  bytes.set(checkOf(jsonBytes), 0);
  bytes.set(compressed, SHARE_CHECK_BYTES);
  const data = base64UrlEncode(bytes);
  if (data.length > MAX_FRAGMENT_CHARS)
    return { ok: false, reason: 'This solution is too large to fit in a link.' };
  return { ok: true, fragment: `v${SHARE_VERSION}=${data}` };
}

/**
 * Encodes a payload as fragment text `v2=...` (without the leading `#`).
 * Throws a RangeError with a readable message when the payload breaks a limit; use
 * `tryEncodeShare` to get the reason as a value instead.
 */
export function encodeShare(payload: SharePayload): string {
  const result = tryEncodeShare(payload);
  if (!result.ok) throw new RangeError(result.reason);
  return result.fragment;
}

/** Full link to the share page: `${origin}/share#v2=...`. Throws like `encodeShare`. */
export function shareUrl(origin: string, payload: SharePayload): string {
  return `${origin.replace(/\/+$/, '')}/share#${encodeShare(payload)}`;
}

/**
 * Decodes a fragment (`#v2=...`, `v1=...`, or a whole URL holding one). Never throws:
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
  const match = VERSION_PREFIX.exec(text);
  if (!match) return { ok: false, reason: REASONS.notShare };
  if (!CANONICAL_VERSION.test(match[1])) return { ok: false, reason: REASONS.nonCanonical };
  const version = Number(match[1]);
  const data = match[2];
  if (version > SHARE_VERSION) return { ok: false, reason: REASONS.newer };
  if (version === 1) return decodeV1(data);
  if (version === 2) return decodeV2(data);
  return { ok: false, reason: REASONS.notShare };
}

/** The v2 check: the first SHARE_CHECK_BYTES of SHA-256 over the JSON's UTF-8 bytes. */
function checkOf(jsonBytes: Uint8Array): Uint8Array {
  return sha256(jsonBytes).subarray(0, SHARE_CHECK_BYTES);
}

function decodeV2(data: string): DecodeResult {
  if (data === '') return { ok: false, reason: REASONS.truncated };
  if (data.length > MAX_FRAGMENT_CHARS) return { ok: false, reason: REASONS.tooLong };
  // v2 is never padded: an `=` anywhere in the data was typed in.
  if (!BASE64URL_TEXT.test(data) || data.includes('=')) {
    return { ok: false, reason: REASONS.damaged };
  }
  const bytes = base64UrlDecode(data);
  // Every character valid but a length no whole bytes give (4n+1): the link was cut short.
  if (bytes === undefined) return { ok: false, reason: REASONS.truncated };
  const result = decodeV2Bytes(bytes);
  // One spelling per link: spare bits in the last character that are not zero were changed,
  // even though the bytes (and so the payload) come out the same.
  if (result.ok && base64UrlEncode(bytes) !== data) return { ok: false, reason: REASONS.damaged };
  return result;
}

function decodeV2Bytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length <= SHARE_CHECK_BYTES) return { ok: false, reason: REASONS.truncated };
  const inflated = inflateCapped(bytes.subarray(SHARE_CHECK_BYTES), MAX_JSON_BYTES);
  if (!inflated.ok) return inflated;
  const expected = bytes.subarray(0, SHARE_CHECK_BYTES);
  const actual = checkOf(inflated.bytes);
  if (actual.some((byte, i) => byte !== expected[i])) {
    return { ok: false, reason: REASONS.checkFailed };
  }
  return payloadOfJsonBytes(inflated.bytes);
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
  return payloadOfJsonBytes(inflated.bytes);
}

/** The JSON step every version shares: strict UTF-8, JSON, then the schema. */
function payloadOfJsonBytes(jsonBytes: Uint8Array): DecodeResult {
  const json = decodeUtf8Strict(jsonBytes);
  if (json === undefined) return { ok: false, reason: REASONS.notUtf8 };
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

interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}
/**
 * Every runtime lib/ runs in (browsers, workers, Node) has TextDecoder, but lib/ compiles without
 * DOM or Node types, so it is reached through a narrow type. `ignoreBOM` keeps a leading U+FEFF
 * in the text instead of silently dropping it.
 */
const utf8Decoder: Utf8Decoder = new (
  globalThis as unknown as {
    TextDecoder: new (
      label: string,
      options: { fatal: boolean; ignoreBOM: boolean },
    ) => Utf8Decoder;
  }
).TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 bytes as text; `undefined` for any byte sequence that is not valid UTF-8. */
function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** fflate's streaming state: where its bit reader stands and the input it has not consumed. */
interface InflateInternals {
  p?: Uint8Array;
  s?: { p?: number; f?: number; l?: unknown };
}

/**
 * Bytes left after the end of the DEFLATE stream, read from fflate's (pinned, 0.8.3) internal
 * state: `p` is the input from the byte the bit reader stands in, `s.p` the bit inside it.
 * `undefined` when the state is not as expected (a changed fflate), which callers refuse:
 * the unit tests pin both the clean and the trailing case so an upgrade cannot pass silently.
 */
function bytesAfterStream(inflater: Inflate): number | undefined {
  const state = inflater as unknown as InflateInternals;
  if (!(state.p instanceof Uint8Array) || typeof state.s?.p !== 'number' || state.s.f !== 1) {
    return undefined;
  }
  return state.p.length - (state.s.p & 7 ? 1 : 0);
}

/**
 * Inflates raw DEFLATE, giving up as soon as the output passes `maxBytes` (zip-bomb safe).
 * Any byte after the stream's final block is refused (`REASONS.trailing`).
 */
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
  const after = bytesAfterStream(inflater);
  if (after === undefined) return { ok: false, reason: REASONS.invalid };
  if (after > 0) return { ok: false, reason: REASONS.trailing };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes };
}

/** Strict schema (v1 and v2): a plain object with the two texts and an optional slug, and no other key. */
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
