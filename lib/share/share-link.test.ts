import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { deflateSync, strToU8 } from 'fflate';
import { base64UrlDecode, base64UrlEncode } from './base64url';
import {
  SHARE_CHECK_BYTES,
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

/**
 * A v2 link built by hand around any bytes: by default with the right check, so only the part
 * under test is wrong. `after` is appended to the DEFLATE stream; `check` replaces the check.
 */
function v2OfBytes(
  jsonBytes: Uint8Array,
  options: { after?: Uint8Array; check?: Uint8Array } = {},
): string {
  const compressed = deflateSync(jsonBytes, { level: 9 });
  const after = options.after ?? new Uint8Array(0);
  const check = options.check ?? sha256(jsonBytes).subarray(0, SHARE_CHECK_BYTES);
  const bytes = new Uint8Array(check.length + compressed.length + after.length);
  bytes.set(check, 0);
  bytes.set(compressed, check.length);
  bytes.set(after, check.length + compressed.length);
  return `v2=${base64UrlEncode(bytes)}`;
}

/** Every text that differs from `text` in exactly one bit of one UTF-16 code unit's low byte. */
function singleBitFlips(text: string): string[] {
  const flips: string[] = [];
  for (let at = 0; at < text.length; at++) {
    for (let bit = 0; bit < 8; bit++) {
      const code = text.charCodeAt(at) ^ (1 << bit);
      flips.push(text.slice(0, at) + String.fromCharCode(code) + text.slice(at + 1));
    }
  }
  return flips;
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

  // Produced by encodeShare when v2 shipped; must decode forever. Never regenerate these.
  const v2Fixtures: { reason: string; link: string; expected: SharePayload }[] = [
    {
      reason: 'v2 link with a lesson',
      link: '#v2=9hYTi77Nc909jsEKwkAMRH8l5Ci2BY-CJ4sgUisFETEitY1lbTdbdmsv4r-bgngZSDKZeW_sOAQnuMR7GTgytmwY51i7qmX_MB3rZVPkGYireblYRKEzluSUF7t0W0BS9j3JOj-coS-rVp9n8VPzIE5IiuMepLdQGYgiZ82wqnn8uYOv1KOqc5bChXAqIJwDoW6TwH5kr1mEV5I_kWnE-Ylpct-sq1_KTxI3ZlBl0Xj8fAE',
      expected: lessonPayload,
    },
    {
      reason: 'v2 playground link with non-ASCII text and markup',
      link: '#v2=Kq95p5a285WrVkrJT85OLUrLzElVslJyC_L3VUjMKcjMS7Uy1jMyiMlTVkhOTDu8UuHRjKkKNkl2FTb6SXYxeUo6UH2Z6Xn5RSCdSrUA',
      expected: { dockerfile: 'FROM alpine:3.20\n# café ☕ <b>x</b>\n', dockerignore: '' },
    },
  ];
  it.each(v2Fixtures)('$reason', ({ link, expected }) => {
    expect(decodeShare(link)).toEqual({ ok: true, payload: expected });
  });
});

describe('decodeShare: v2 integrity and strictness', () => {
  const link = encodeShare(lessonPayload);
  const typo = encodeShare({ ...lessonPayload, lesson: 'bste-image' });

  it('refuses every single-bit flip of a v2 link, or decodes it to the identical payload', () => {
    for (const fragment of [
      link,
      typo,
      encodeShare({ dockerfile: 'FROM a\n', dockerignore: '' }),
    ]) {
      const original = decodeShare(fragment);
      expect(original.ok).toBe(true);
      const flips = singleBitFlips(fragment);
      let refused = 0;
      for (const flipped of flips) {
        const result = decodeShare(flipped);
        if (result.ok) expect(result).toEqual(original);
        else refused++;
      }
      // The few accepted flips land in bits DEFLATE ignores (the padding after the last block).
      expect(refused / flips.length).toBeGreaterThan(0.99);
    }
  });

  it('still shows why v1 needed a check: some single-bit flips of a v1 link decode to a different payload', () => {
    const v1 = fragmentOfJson(JSON.stringify(lessonPayload));
    const original = decodeShare(v1);
    expect(original.ok).toBe(true);
    const changed = singleBitFlips(v1).filter((flipped) => {
      const result = decodeShare(flipped);
      return result.ok && JSON.stringify(result) !== JSON.stringify(original);
    });
    expect(changed.length).toBeGreaterThan(0);
  });

  it('refuses a payload whose check does not match, with its own reason', () => {
    const json = strToU8(JSON.stringify({ dockerfile: 'FROM a', dockerignore: '' }));
    const wrong = sha256(strToU8('something else')).subarray(0, SHARE_CHECK_BYTES);
    expect(decodeShare(v2OfBytes(json, { check: wrong }))).toEqual({
      ok: false,
      reason: REASONS.checkFailed,
    });
    expect(decodeShare(v2OfBytes(json))).toEqual({
      ok: true,
      payload: { dockerfile: 'FROM a', dockerignore: '' },
    });
  });

  it('refuses any byte after the DEFLATE stream, in v2 and in v1', () => {
    const json = strToU8(JSON.stringify({ dockerfile: 'FROM a', dockerignore: '' }));
    for (const after of [[0], [1], [0, 0, 0], Array.from({ length: 300 }, (_, i) => i & 255)]) {
      const extra = Uint8Array.from(after);
      expect(decodeShare(v2OfBytes(json, { after: extra }))).toEqual({
        ok: false,
        reason: REASONS.trailing,
      });
      const compressed = deflateSync(json);
      const v1 = new Uint8Array(compressed.length + extra.length);
      v1.set(compressed);
      v1.set(extra, compressed.length);
      expect(decodeShare(`v1=${base64UrlEncode(v1)}`)).toEqual({
        ok: false,
        reason: REASONS.trailing,
      });
    }
  });

  it('accepts streams that end on any bit of their last byte (no false "extra data")', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (dockerfile) => {
        const payload = { dockerfile, dockerignore: '' };
        expect(decodeShare(encodeShare(payload))).toEqual({ ok: true, payload });
        expect(decodeShare(fragmentOfJson(JSON.stringify(payload)))).toEqual({ ok: true, payload });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses invalid UTF-8 instead of turning it into U+FFFD, in v2 and in v1', () => {
    const prefix = strToU8('{"dockerfile":"FROM a');
    const suffix = strToU8('","dockerignore":""}');
    for (const bad of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      const bytes = new Uint8Array([...prefix, ...bad, ...suffix]);
      expect(decodeShare(v2OfBytes(bytes))).toEqual({ ok: false, reason: REASONS.notUtf8 });
      expect(decodeShare(`v1=${base64UrlEncode(deflateSync(bytes))}`)).toEqual({
        ok: false,
        reason: REASONS.notUtf8,
      });
    }
  });

  it('keeps a leading byte-order mark as text rather than dropping it', () => {
    const payload = { dockerfile: '\uFEFFFROM a', dockerignore: '' };
    expect(decodeShare(encodeShare(payload))).toEqual({ ok: true, payload });
  });

  it('refuses version numbers with leading zeros', () => {
    const data = link.slice('v2='.length);
    for (const prefix of ['v000001=', 'v01=', 'v002=', 'v00=']) {
      expect(decodeShare(`#${prefix}${data}`)).toEqual({
        ok: false,
        reason: REASONS.nonCanonical,
      });
    }
  });

  it('refuses padding and non-zero spare bits: a v2 link has exactly one spelling', () => {
    const data = link.slice('v2='.length);
    expect(decodeShare(`v2=${data}=`)).toEqual({ ok: false, reason: REASONS.damaged });
    expect(data.length % 4).not.toBe(0); // the last character has spare bits to flip
    const last = data.at(-1) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const other = alphabet[alphabet.indexOf(last) ^ 1];
    expect(decodeShare(`v2=${data.slice(0, -1)}${other}`)).toEqual({
      ok: false,
      reason: REASONS.damaged,
    });
  });

  it('says truncated for a v2 link cut to any length', () => {
    const data = link.slice('v2='.length);
    for (let keep = 1; keep < data.length; keep++) {
      expect(decodeShare(`v2=${data.slice(0, keep)}`)).toEqual({
        ok: false,
        reason: REASONS.truncated,
      });
    }
  });

  it('refuses a v2 zip bomb unexpanded, as v1 does', () => {
    const compressed = deflateSync(new Uint8Array(50_000_000), { level: 9 });
    const bytes = new Uint8Array(SHARE_CHECK_BYTES + compressed.length);
    bytes.set(compressed, SHARE_CHECK_BYTES);
    expect(decodeShare(`v2=${base64UrlEncode(bytes)}`)).toEqual({
      ok: false,
      reason: REASONS.tooLarge,
    });
  });
});

describe('encodeShare', () => {
  it('writes the v2 prefix and only URL-safe characters', () => {
    expect(encodeShare(lessonPayload)).toMatch(/^v2=[A-Za-z0-9_-]+$/);
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
    expect(url.startsWith('http://localhost:3000/share#v2=')).toBe(true);
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
    expect(decodeShare('#v3=abc')).toEqual({ ok: false, reason: REASONS.newer });
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
    // Its CPU time is printed by `npm run bench:hostile`.
    expect(decodeShare(`v1=${base64UrlEncode(bomb)}`)).toEqual({
      ok: false,
      reason: REASONS.tooLarge,
    });
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
