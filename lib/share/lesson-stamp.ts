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
const STAMP = /^[0-9a-z]{1,32}$/;
const MAX_STAMP_CHARS = 32;
/** How much of an unknown part's name a sentence quotes. */
const MAX_QUOTED_CHARS = 24;

/** Appends the lesson's version stamp to fragment text (`v1=…` → `v1=…&lv=stamp`). */
export function stampFragment(fragment: string, lessonVersion: string | undefined): string {
  if (lessonVersion === undefined || !STAMP.test(lessonVersion)) return fragment;
  return `${fragment}&${LESSON_STAMP_PARAM}=${lessonVersion}`;
}

/** What is wrong with one `&name=value` part after the codec's data; undefined when nothing. */
function partProblem(part: string, hasStamp: boolean): string | undefined {
  if (part === '') return 'It has an empty part (an “&” with nothing after it) after the solution.';
  const equals = part.indexOf('=');
  const name = equals === -1 ? part : part.slice(0, equals);
  const value = equals === -1 ? undefined : part.slice(equals + 1);
  if (name !== LESSON_STAMP_PARAM) {
    const quoted = name.length > MAX_QUOTED_CHARS ? `${name.slice(0, MAX_QUOTED_CHARS)}…` : name;
    return `It has a part a Layerlab link never has (“${quoted}”) after the solution.`;
  }
  if (hasStamp) return 'Its lesson-version part (lv=) is there twice.';
  if (!value) return 'Its lesson-version part (lv=) is empty.';
  if (value.length > MAX_STAMP_CHARS)
    return `Its lesson-version part (lv=) is ${value.length.toLocaleString('en')} characters long; a Layerlab link has at most ${MAX_STAMP_CHARS} there.`;
  if (!STAMP.test(value))
    return 'Its lesson-version part (lv=) has characters a Layerlab link never has there (only lower-case letters and digits).';
  return undefined;
}

/**
 * Splits the stamp off a fragment or URL: `fragment` is what the codec should decode,
 * `lessonVersion` the stamp (undefined for links without one). Any other part after the codec's
 * data, or a damaged stamp (empty, too long, other characters, twice), is taken off too and
 * described in `problem`, a sentence for the reader: the solution itself may still be intact
 * (the codec checks it), only which lesson version it was made for is unknown.
 */
export function splitLessonStamp(input: string): {
  fragment: string;
  lessonVersion?: string;
  problem?: string;
} {
  const text = typeof input === 'string' ? input : '';
  const hashAt = text.indexOf('#');
  const partsAt = text.indexOf('&', hashAt + 1);
  if (partsAt === -1) return { fragment: text };
  const fragment = text.slice(0, partsAt);
  let lessonVersion: string | undefined;
  let hasStamp = false;
  for (const part of text
    .slice(partsAt + 1)
    .trimEnd()
    .split('&')) {
    const problem = partProblem(part, hasStamp);
    if (problem) return { fragment, problem };
    hasStamp = true;
    lessonVersion = part.slice(LESSON_STAMP_PARAM.length + 1);
  }
  return { fragment, lessonVersion };
}
