import * as v from 'valibot';
import { MAX_SLUG_CHARS, SLUG_PATTERN } from '../lessons/slug';
import { CODE_ALPHABET, CODE_LENGTH } from './code';
import { ROOM_LIMITS as L } from './limits';

// Every request body of the room API, as schemas (valibot). Objects are strict: an unknown key is
// a malformed request, not something to ignore. A request that fails gets a 400 and changes nothing.

// Control characters (C0, DEL, C1) and bidi overrides would let a nickname disguise itself.
// eslint-disable-next-line no-control-regex -- the point is to reject control characters
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const text = (max: number, what: string) =>
  v.pipe(
    v.string(`${what} must be text.`),
    v.trim(),
    v.nonEmpty(`${what} is empty.`),
    v.maxLength(max, `${what} is longer than ${max} characters.`),
  );

const slug = v.pipe(
  v.string(),
  v.maxLength(MAX_SLUG_CHARS),
  v.regex(SLUG_PATTERN, 'Not a lesson slug.'),
);
const isoTime = v.pipe(v.string(), v.isoTimestamp('Not an ISO 8601 time.'));
const id = v.pipe(
  v.string(),
  v.minLength(8),
  v.maxLength(64),
  v.regex(/^[A-Za-z0-9_-]+$/, 'Not an id.'),
);
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000));

export const nicknameSchema = v.pipe(
  text(L.nicknameChars, 'The nickname'),
  v.check((s) => !UNPRINTABLE.test(s), 'The nickname has characters that cannot be shown.'),
);

export const roomCodeSchema = v.pipe(
  v.string(),
  v.transform((s) => s.toUpperCase().replace(/[\s-]/g, '')),
  v.length(CODE_LENGTH, `A room code has ${CODE_LENGTH} characters.`),
  v.check(
    (s) => [...s].every((c) => CODE_ALPHABET.includes(c)),
    'That is not a room code (codes use letters and digits that cannot be confused).',
  ),
);

export const createRoomSchema = v.strictObject({
  name: v.pipe(
    text(L.roomNameChars, 'The room name'),
    v.check((s) => !UNPRINTABLE.test(s), 'The room name has characters that cannot be shown.'),
  ),
  open: v.pipe(v.array(slug), v.maxLength(100)),
  endsAt: v.optional(isoTime),
});

export const joinSchema = v.strictObject({ code: roomCodeSchema, nickname: nicknameSchema });

export const progressReportSchema = v.strictObject({
  id,
  lesson: slug,
  at: isoTime,
  bytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e13))),
  goalsMet: count,
  goalsTotal: count,
  isCompleted: v.boolean(),
  score: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))),
  dockerfile: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(L.dockerfileChars, `A Dockerfile is limited to ${L.dockerfileChars} characters.`),
    ),
  ),
  dockerignore: v.optional(v.pipe(v.string(), v.maxLength(L.dockerignoreChars))),
});

export const progressBatchSchema = v.strictObject({
  reports: v.pipe(v.array(progressReportSchema), v.minLength(1), v.maxLength(L.reportsPerRequest)),
});

export const handSchema = v.strictObject({ raised: v.boolean() });

export const pacingSchema = v.variant('action', [
  v.strictObject({ action: v.literal('open-next') }),
  v.strictObject({ action: v.literal('open-all') }),
  v.strictObject({ action: v.literal('hold'), lesson: slug }),
  v.strictObject({ action: v.literal('set'), open: v.pipe(v.array(slug), v.maxLength(100)) }),
]);

export const broadcastSchema = v.strictObject({
  kind: v.optional(v.picklist(['message', 'hint']), 'message'),
  text: v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty('The message is empty.'),
    v.maxLength(L.messageChars, `A message is limited to ${L.messageChars} characters.`),
  ),
});

export const spotlightSchema = v.variant('show', [
  v.strictObject({
    show: v.literal(true),
    memberId: id,
    lesson: slug,
    showName: v.optional(v.boolean(), false),
  }),
  v.strictObject({ show: v.literal(false) }),
]);

export type CreateRoomRequest = v.InferOutput<typeof createRoomSchema>;
export type JoinRequest = v.InferOutput<typeof joinSchema>;
export type ProgressBatch = v.InferOutput<typeof progressBatchSchema>;
export type PacingRequest = v.InferOutput<typeof pacingSchema>;
export type BroadcastRequest = v.InferOutput<typeof broadcastSchema>;
export type SpotlightRequest = v.InferOutput<typeof spotlightSchema>;

/** A parsed request, or the first problem as a sentence for a 400 answer. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Validates `input` against `schema`; never throws. */
export function parseRequest<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): Parsed<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, reason: where ? `${where}: ${issue.message}` : issue.message };
}
