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

  it('leaves a malformed stamp in place so the codec calls the link damaged', () => {
    const text = `${encodeShare(payload)}&lv=<script>`;
    expect(splitLessonStamp(text)).toEqual({ fragment: text });
    expect(decodeShare(text).ok).toBe(false);
  });
});
