import { describe, expect, it } from 'vitest';
import { splitLessonStamp, stampFragment } from './lesson-stamp';
import { decodeShare, encodeShare } from './share-link';

const payload = { lesson: 'base-image', dockerfile: 'FROM alpine:3.20\n', dockerignore: '' };

describe('stampFragment', () => {
  it('appends the stamp, and nothing for a missing or malformed one', () => {
    expect(stampFragment('v1=abc', '0123456789')).toBe('v1=abc&lv=0123456789');
    expect(stampFragment('v1=abc', undefined)).toBe('v1=abc');
    expect(stampFragment('v1=abc', 'a&b')).toBe('v1=abc');
  });
});

describe('splitLessonStamp', () => {
  it('gives back a stamped link’s payload and stamp', () => {
    const fragment = stampFragment(encodeShare(payload), '0123456789');
    const split = splitLessonStamp(`https://x/share#${fragment}`);
    expect(split.lessonVersion).toBe('0123456789');
    expect(decodeShare(split.fragment)).toEqual({ ok: true, payload });
  });

  it('leaves a link made before stamps existed exactly as it was', () => {
    // A v1 fixture from the first release (see share-link.test.ts).
    const old = '#v1=q1ZKyU_OTi1Ky8xJVbJScgvy91VIzCnIzEu1MtYzMojJU9KBqshMz8svAqlRqgUA';
    expect(splitLessonStamp(old)).toEqual({ fragment: old });
    expect(decodeShare(splitLessonStamp(old).fragment)).toEqual({
      ok: true,
      payload: { dockerfile: 'FROM alpine:3.20\n', dockerignore: '' },
    });
  });

  it('takes a damaged stamp off and says what is wrong with it, the payload still readable', () => {
    const data = encodeShare(payload);
    const cases: [string, RegExp][] = [
      ['&lv=', /lesson-version part \(lv=\) is empty/],
      ['&lv=<script>', /characters a Layerlab link never has there/],
      ['&lv=ABC', /characters a Layerlab link never has there/],
      [`&lv=${'a'.repeat(100_000)}`, /is 100,000 characters long; a Layerlab link has at most 32/],
      ['&lv=abc&lv=def', /is there twice/],
      ['&lv=abc&', /an empty part/],
      ['&utm_source=mail', /a part a Layerlab link never has \(“utm_source”\)/],
      [`&${'x'.repeat(500)}=1`, /\(“x{24}…”\)/],
    ];
    for (const [suffix, problem] of cases) {
      const split = splitLessonStamp(`#${data}${suffix}`);
      expect(split.problem, suffix.slice(0, 40)).toMatch(problem);
      expect(split.lessonVersion).toBeUndefined();
      expect(split.problem!.length).toBeLessThan(200);
      expect(decodeShare(split.fragment)).toEqual({ ok: true, payload });
    }
  });

  it('finds the parts after the fragment’s start, not in the address before it', () => {
    const data = encodeShare(payload);
    expect(splitLessonStamp(`https://x/share?a=1&b=2#${data}&lv=abc`)).toEqual({
      fragment: `https://x/share?a=1&b=2#${data}`,
      lessonVersion: 'abc',
    });
  });
});
