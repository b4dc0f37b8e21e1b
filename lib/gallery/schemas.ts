import * as v from 'valibot';
import { SlugSchema } from '../lessons/slug';
import { MAX_DOCKERFILE_CHARS, MAX_DOCKERIGNORE_CHARS } from '../share/share-link';
import { LESSON_VERSION_PATTERN } from './lesson-version';
import { SHORT_ID_CHARS } from './short-id';

/**
 * Request and stored-row schemas for short links and the gallery (valibot). A request that fails
 * its schema changes nothing; a stored row is validated again when read, so a damaged row gives a
 * clear page instead of a crash. The size caps are the share links' caps.
 */

/** Longest nickname, in characters (the rooms limit). */
export const MAX_NICKNAME_CHARS = 40;
/** Cap on a request body in bytes, checked before parsing: the two texts plus a little JSON. */
export const MAX_BODY_BYTES = (MAX_DOCKERFILE_CHARS + MAX_DOCKERIGNORE_CHARS) * 4 + 4_096;

// Control characters (C0, DEL, C1), bidi overrides and zero-width characters make a nickname
// render misleadingly; none has a place in a name.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

export { SlugSchema };
export const LessonVersionSchema = v.pipe(
  v.string(),
  v.regex(LESSON_VERSION_PATTERN, 'not a lesson version'),
);
export const ShortIdSchema = v.pipe(
  v.string(),
  v.regex(new RegExp(`^[0-9a-hjkmnp-tv-z]{${SHORT_ID_CHARS}}$`), 'not a short-link id'),
);
const DockerfileSchema = v.pipe(
  v.string(),
  v.maxLength(MAX_DOCKERFILE_CHARS, 'the Dockerfile is too long'),
);
const DockerignoreSchema = v.pipe(
  v.string(),
  v.maxLength(MAX_DOCKERIGNORE_CHARS, 'the .dockerignore is too long'),
);
export const NicknameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'the nickname is empty'),
  v.maxLength(MAX_NICKNAME_CHARS, `the nickname is longer than ${MAX_NICKNAME_CHARS} characters`),
  v.check((text) => !UNPRINTABLE.test(text), 'the nickname contains invisible characters'),
);
/** A withdraw key as the browser makes it: 32 random bytes, base64url (43 characters). */
export const WithdrawKeySchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{43}$/, 'not a withdraw key'),
);
/** A room join code as rooms hand them out (letters and digits). */
export const RoomCodeSchema = v.pipe(v.string(), v.regex(/^[A-Z0-9]{4,12}$/, 'not a room code'));

/** POST /api/short-links: store a solution under its content ID. */
export const ShortLinkRequestSchema = v.strictObject({
  lesson: v.optional(SlugSchema),
  lessonVersion: v.optional(LessonVersionSchema),
  dockerfile: DockerfileSchema,
  dockerignore: DockerignoreSchema,
});
export type ShortLinkRequest = v.InferOutput<typeof ShortLinkRequestSchema>;

/** POST /api/gallery/SLUG: publish a solution of a completed lesson. */
export const PublishRequestSchema = v.strictObject({
  lessonVersion: LessonVersionSchema,
  dockerfile: DockerfileSchema,
  dockerignore: DockerignoreSchema,
  /** Absent or null: anonymous. */
  nickname: v.optional(v.nullable(NicknameSchema)),
  withdrawKey: WithdrawKeySchema,
  room: v.optional(RoomCodeSchema),
});
export type PublishRequest = v.InferOutput<typeof PublishRequestSchema>;

/** POST /api/gallery/entries/ID/withdraw: the learner takes their own entry down. */
export const WithdrawRequestSchema = v.strictObject({ withdrawKey: WithdrawKeySchema });

/** POST /api/gallery/entries/ID/hide: the operator hides (or shows again) an entry. */
export const HideRequestSchema = v.strictObject({ isHidden: v.boolean() });

/** A solution row as stored, checked again when read. */
export const StoredSolutionSchema = v.strictObject({
  id: ShortIdSchema,
  lesson: v.optional(SlugSchema),
  lessonVersion: v.optional(LessonVersionSchema),
  dockerfile: DockerfileSchema,
  dockerignore: DockerignoreSchema,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
});
export type StoredSolution = v.InferOutput<typeof StoredSolutionSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Validates `value` against `schema`. Never throws: a failure gives the first problem as a
 * sentence ("dockerfile: the Dockerfile is too long"), for a 400 response body.
 */
export function parseWith<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
): Parsed<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue.path
    ?.map((item) => String(item.key))
    .filter(Boolean)
    .join('.');
  return { ok: false, reason: path ? `${path}: ${issue.message}` : issue.message };
}
