import { base32Prefix, canonicalJson, sha256Text } from './hash';

/**
 * Short-link IDs, derived from the content: the same solution always gets the same `/s/ID`, and
 * a server can check that what it stored under an ID is what the ID names (immutability).
 *
 * ID = 18 base32 characters (90 bits) of SHA-256 over a canonical encoding of the solution,
 * followed by 2 check characters (10 bits of SHA-256 of those 18). With 90 bits, two different
 * solutions share an ID with probability about n²/2⁹¹ (10⁻¹⁵ for a million links); a deliberate
 * collision costs about 2⁴⁵ hashes, and the store refuses a second, different text under an
 * existing ID, so even then no link changes what it shows. The check characters let a page tell
 * a mistyped or edited ID (1 in 1,024 slips through) from one that simply is not stored.
 */

/** What a short link names. `lessonVersion` is the lesson's content stamp at share time. */
export interface SolutionContent {
  /** Lesson slug; absent for the playground. */
  lesson?: string;
  /** `lessonVersion()` of the lesson when it was shared; absent for the playground. */
  lessonVersion?: string;
  dockerfile: string;
  dockerignore: string;
}

export const SHORT_ID_BODY_CHARS = 18;
export const SHORT_ID_CHECK_CHARS = 2;
export const SHORT_ID_CHARS = SHORT_ID_BODY_CHARS + SHORT_ID_CHECK_CHARS;
/** Bumped only if the canonical encoding ever changes; part of the hashed text. */
const ENCODING_TAG = 'layerlab/solution/1';
const ID_PATTERN = new RegExp(`^[0-9a-hjkmnp-tv-z]{${SHORT_ID_CHARS}}$`);

/**
 * The canonical text that is hashed: a JSON array (fixed order, no keys to sort) of the encoding
 * tag, the slug, the version and the two texts. Texts are taken exactly as written: a CRLF file
 * and an LF file are different content.
 */
export function canonicalSolution(content: SolutionContent): string {
  return canonicalJson([
    ENCODING_TAG,
    content.lesson ?? '',
    content.lessonVersion ?? '',
    content.dockerfile,
    content.dockerignore,
  ]);
}

function checkChars(body: string): string {
  return base32Prefix(sha256Text(`check:${body}`), SHORT_ID_CHECK_CHARS);
}

/** The short-link ID of a solution: 20 lower-case base32 characters, the same for equal content. */
export function solutionId(content: SolutionContent): string {
  const body = base32Prefix(sha256Text(canonicalSolution(content)), SHORT_ID_BODY_CHARS);
  return body + checkChars(body);
}

export type IdCheck =
  { ok: true; id: string } | { ok: false; problem: 'malformed' | 'check-failed'; reason: string };

/**
 * Checks the form of an ID from a URL before any lookup. Upper case is accepted (and lowered), as
 * Crockford base32 is case-insensitive. `malformed`: wrong length or characters; `check-failed`:
 * the right form but the check characters do not match, i.e. the ID was mistyped or edited.
 */
export function checkShortId(text: string): IdCheck {
  const id = typeof text === 'string' ? text.trim().toLowerCase() : '';
  if (!ID_PATTERN.test(id)) {
    return {
      ok: false,
      problem: 'malformed',
      reason: `This is not a Layerlab short link: the part after /s/ should be ${SHORT_ID_CHARS} letters and digits.`,
    };
  }
  const body = id.slice(0, SHORT_ID_BODY_CHARS);
  if (checkChars(body) !== id.slice(SHORT_ID_BODY_CHARS)) {
    return {
      ok: false,
      problem: 'check-failed',
      reason:
        'This short link was changed or mistyped: its check characters do not match. Copy the whole link again.',
    };
  }
  return { ok: true, id };
}

/** True when `content` is what `id` names: the test a server runs on every stored row it serves. */
export function contentMatchesId(id: string, content: SolutionContent): boolean {
  return solutionId(content) === id;
}
