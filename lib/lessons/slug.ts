import * as v from 'valibot';

/**
 * What a lesson slug looks like wherever one arrives from outside (share links, stored progress,
 * the gallery, rooms): lowercase words joined by single hyphens, at most 64 characters.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_CHARS = 64;

export const SlugSchema = v.pipe(
  v.string(),
  v.maxLength(MAX_SLUG_CHARS),
  v.regex(SLUG_PATTERN, 'not a lesson slug'),
);

/** Whether `value` is a lesson slug (see `SLUG_PATTERN`). */
export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_SLUG_CHARS && SLUG_PATTERN.test(value);
}
