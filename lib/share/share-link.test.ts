import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { base64UrlDecode, base64UrlEncode } from './base64url';
import {
  MAX_DOCKERFILE_CHARS,
  MAX_JSON_BYTES,
  REASONS,
  decodeShare,
  encodeShare,
  shareUrl,
  tryEncodeShare,
  type SharePayload,
} from './share-link';

const lessonPayload: SharePayload = {
  lesson: 'base-image',
  dockerfile:
    'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY src ./src\nCMD ["node", "src/server.js"]\n',
  dockerignore: 'node_modules\n.git\n.env\n',
};

/** Builds fragment data from arbitrary JSON text, the way a hand-made (tampered) link would. */
function fragmentOfJson(json: string): string {
  return `v1=${base64UrlEncode(deflateSync(strToU8(json)))}`;
}

describe('decodeShare: links made by shipped versions keep decoding', () => {
  // Produced by encodeShare in the first release; must decode forever. Never regenerate these.
  const v1Fixtures: { reason: string; link: string; expected: SharePayload }[] = [
    {
      reason: 'v1 link with a lesson',
      link: '#v1=PY7BCsJADER_JeQotgWPgieLIFIrBRExIrWNZW03W3ZrL-K_m4J4GUgymXlv7DgEJ7jEexk4MrZsGOdYu6pl_zAd62VT5BmIq3m5WEShM5bklBe7dFtAUvY9yTo_nKEvq1afZ_FT8yBOSIrjHqS3UBmIImfNsKp5_LmDr9SjqnOWwoVwKiCcA6Fuk8B-ZK9ZhFeSP5FpxPmJaXLfrKtfyk8SN2ZQZdF4_HwB',
      expected: lessonPayload,
    },
    {
      reason: 'v1 playground link (no lesson, empty .dockerignore)',
      link: '#v1=q1ZKyU_OTi1Ky8xJVbJScgvy91VIzCnIzEu1MtYzMojJU9KBqshMz8svAqlRqgUA',
      expected: { dockerfile: 'FROM alpine:3.20\n', dockerignore: '' },
    },
  ];
  it.each(v1Fixtures)('$reason', ({ link, expected }) => {
    expect(decodeShare(link)).toEqual({ ok: true, payload: expected });
  });
});

describe('encodeShare', () => {
  it('writes the v1 prefix and only URL-safe characters', () => {
    expect(encodeShare(lessonPayload)).toMatch(/^v1=[A-Za-z0-9_-]+$/);
  });

  it('compresses a typical Dockerfile below its raw length', () => {
    const repeated = { dockerfile: 'RUN echo layer\n'.repeat(200), dockerignore: '' };
    expect(encodeShare(repeated).length).toBeLessThan(repeated.dockerfile.length / 4);
  });

  it('refuses a 1 MB paste with a readable reason instead of making a huge link', () => {
    const huge = { dockerfile: 'x'.repeat(1_000_000), dockerignore: '' };
    const result = tryEncodeShare(huge);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/too long to share/);
    expect(() => encodeShare(huge)).toThrow(RangeError);
  });

  it('refuses a lesson that is not a slug', () => {
    expect(tryEncodeShare({ ...lessonPayload, lesson: '../etc' }).ok).toBe(false);
  });
});

describe('shareUrl', () => {
  it('points at /share with the payload in the fragment, whatever the trailing slash', () => {
    const url = shareUrl('http://localhost:3000/', lessonPayload);
    expect(url.startsWith('http://localhost:3000/share#v1=')).toBe(true);
    expect(decodeShare(new URL(url).hash)).toEqual({ ok: true, payload: lessonPayload });
  });
});

describe('decodeShare', () => {
  it('round-trips any payload within the limits', () => {
    const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/);
    fc.assert(
      fc.property(
        fc.record(
          {
            lesson: slug,
            dockerfile: fc.string({ maxLength: 2000, unit: 'grapheme' }),
            dockerignore: fc.string({ maxLength: 300 }),
          },
          { requiredKeys: ['dockerfile', 'dockerignore'] },
        ),
        (payload) => {
          expect(decodeShare(`#${encodeShare(payload)}`)).toEqual({ ok: true, payload });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text, and every failure carries a reason', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `#v1=${s}`),
          fc.base64String().map((s) => `v1=${s}`),
        ),
        (text) => {
          const result = decodeShare(text);
          if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on random bytes dressed as a v1 link', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const result = decodeShare(`v1=${base64UrlEncode(bytes)}`);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('says a cut-short link is truncated', () => {
    const full = encodeShare({ ...lessonPayload, dockerfile: lessonPayload.dockerfile.repeat(3) });
    for (const keep of [0.3, 0.6, 0.9]) {
      const cut = full.slice(0, Math.floor(full.length * keep));
      expect(decodeShare(cut)).toEqual({ ok: false, reason: REASONS.truncated });
    }
    expect(decodeShare('#v1=')).toEqual({ ok: false, reason: REASONS.truncated });
  });

  it('says a link from a newer version is newer, not broken', () => {
    expect(decodeShare('#v2=abc')).toEqual({ ok: false, reason: REASONS.newer });
    expect(decodeShare('#v17=anything')).toEqual({ ok: false, reason: REASONS.newer });
  });

  it('recognises empty and foreign fragments', () => {
    expect(decodeShare('')).toEqual({ ok: false, reason: REASONS.empty });
    expect(decodeShare('#')).toEqual({ ok: false, reason: REASONS.empty });
    expect(decodeShare('#section-2')).toEqual({ ok: false, reason: REASONS.notShare });
    expect(decodeShare('#v0=abc')).toEqual({ ok: false, reason: REASONS.notShare });
  });

  it('reports characters outside base64url as damage', () => {
    expect(decodeShare('#v1=abc$def')).toEqual({ ok: false, reason: REASONS.damaged });
    expect(decodeShare('#v1=abc def')).toEqual({ ok: false, reason: REASONS.damaged });
  });

  it('stops inflating a zip bomb at the cap instead of expanding it', () => {
    // 50 MB of zeros deflate to ~50 KB: small enough for a URL, far too big to expand.
    const bomb = deflateSync(new Uint8Array(50_000_000), { level: 9 });
    const started = performance.now();
    expect(decodeShare(`v1=${base64UrlEncode(bomb)}`)).toEqual({
      ok: false,
      reason: REASONS.tooLarge,
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('rejects JSON just past the size cap even when it compresses well', () => {
    const json = JSON.stringify({ dockerfile: ' '.repeat(MAX_JSON_BYTES), dockerignore: '' });
    expect(decodeShare(fragmentOfJson(json))).toEqual({ ok: false, reason: REASONS.tooLarge });
  });

  it('rejects hand-made payloads that break the schema', () => {
    const tampered = [
      'not json',
      'null',
      '[]',
      '"FROM alpine"',
      JSON.stringify({ dockerfile: 42, dockerignore: '' }),
      JSON.stringify({ dockerfile: 'FROM alpine' }),
      JSON.stringify({
        dockerfile: 'FROM a',
        dockerignore: '',
        lesson: '<script>alert(1)</script>',
      }),
      JSON.stringify({ dockerfile: 'FROM a', dockerignore: '', lesson: 'A-Capital' }),
      JSON.stringify({ dockerfile: 'FROM a', dockerignore: '', lesson: 7 }),
      JSON.stringify({ dockerfile: 'x'.repeat(MAX_DOCKERFILE_CHARS + 1), dockerignore: '' }),
    ];
    for (const json of tampered) {
      expect(decodeShare(fragmentOfJson(json))).toEqual({ ok: false, reason: REASONS.invalid });
    }
  });

  it('keeps markup in the texts as plain text (rendering is the view’s job, escaping is not needed here)', () => {
    const payload = {
      dockerfile: 'FROM alpine\n# <img src=x onerror=alert(1)>\n',
      dockerignore: '',
    };
    expect(decodeShare(encodeShare(payload))).toEqual({ ok: true, payload });
  });

  it('rejects unknown keys: v1 never wrote others, so one means the link was edited', () => {
    const json = JSON.stringify({ dockerfile: 'FROM a', dockerignore: '', extra: { a: 1 } });
    expect(decodeShare(fragmentOfJson(json))).toEqual({ ok: false, reason: REASONS.invalid });
  });

  it('says truncated, not damaged, for a link cut to any length', () => {
    const fragment = encodeShare({
      lesson: 'base-image',
      dockerfile: 'FROM python:3.12-slim\n'.repeat(20),
      dockerignore: '.git\n',
    });
    const data = fragment.slice('v1='.length);
    for (let cut = 1; cut < 8; cut++) {
      expect(decodeShare(`v1=${data.slice(0, data.length - cut)}`)).toEqual({
        ok: false,
        reason: REASONS.truncated,
      });
    }
  });
});

describe('base64UrlDecode', () => {
  it('inverts base64UrlEncode for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(base64UrlDecode(base64UrlEncode(bytes))).toEqual(bytes);
      }),
    );
  });

  it('rejects impossible lengths and foreign characters', () => {
    expect(base64UrlDecode('a')).toBeUndefined();
    expect(base64UrlDecode('ab+c')).toBeUndefined();
    expect(base64UrlDecode('ab/c')).toBeUndefined();
    expect(base64UrlDecode('abé')).toBeUndefined();
  });
});
