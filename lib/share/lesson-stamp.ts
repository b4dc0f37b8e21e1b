/**
 * The lesson's content version on a fragment link, kept outside the codec so the codec's
 * versions (`v1=`, later `v2=`) stay untouched: `#v1=<data>&lv=<stamp>`. `&` never occurs in a
 * codec's data (base64url), so the stamp is split off before decoding and a link made before
 * stamps existed (no `&lv=`) decodes exactly as before. The stamp is informational: it tells the
 * view that the lesson changed since the link was made; the analysis is always of the text as it
 * is now, so an edited stamp can at worst show or hide that notice.
 */

/** The fragment parameter that carries the stamp. */
export const LESSON_STAMP_PARAM = 'lv';
const STAMP_SUFFIX = /&lv=([0-9a-z]{1,32})$/;

/** Appends the lesson's version stamp to fragment text (`v1=…` → `v1=…&lv=stamp`). */
export function stampFragment(fragment: string, lessonVersion: string | undefined): string {
  if (lessonVersion === undefined || !/^[0-9a-z]{1,32}$/.test(lessonVersion)) return fragment;
  return `${fragment}&${LESSON_STAMP_PARAM}=${lessonVersion}`;
}

/**
 * Splits a stamp off a fragment or URL: `fragment` is what the codec should decode,
 * `lessonVersion` the stamp (undefined for links without one). Anything that is not a
 * well-formed stamp is left in place, so the codec reports the link as damaged.
 */
export function splitLessonStamp(input: string): { fragment: string; lessonVersion?: string } {
  const text = typeof input === 'string' ? input : '';
  const match = STAMP_SUFFIX.exec(text.trimEnd());
  if (!match) return { fragment: text };
  return { fragment: text.trimEnd().slice(0, match.index), lessonVersion: match[1] };
}
