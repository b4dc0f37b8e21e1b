import { describe, expect, it } from 'vitest';
import { ROOM_LIMITS } from './limits';
import {
  broadcastSchema,
  joinSchema,
  parseRequest,
  progressBatchSchema,
  spotlightSchema,
} from './schemas';

const report = {
  id: 'abcdefgh12',
  lesson: 'base-image',
  at: '2026-01-01T09:00:00.000Z',
  goalsMet: 1,
  goalsTotal: 2,
  isCompleted: false,
};

describe('parseRequest', () => {
  it('accepts a join with a code typed in lower case and trims the nickname', () => {
    expect(parseRequest(joinSchema, { code: 'acd efg', nickname: '  ada ' })).toEqual({
      ok: true,
      value: { code: 'ACDEFG', nickname: 'ada' },
    });
  });

  it.each([
    ['a nickname over 40 characters', { code: 'ACDEFG', nickname: 'x'.repeat(41) }, /40/],
    ['an empty nickname', { code: 'ACDEFG', nickname: '   ' }, /empty/],
    [
      'a control character in the nickname',
      { code: 'ACDEFG', nickname: 'a\u0007b' },
      /cannot be shown/,
    ],
    [
      'a bidi override in the nickname',
      { code: 'ACDEFG', nickname: 'a\u202eb' },
      /cannot be shown/,
    ],
    ['a code with a look-alike', { code: 'ACDEF0', nickname: 'ada' }, /not a room code/],
    ['an unknown key', { code: 'ACDEFG', nickname: 'ada', admin: true }, /./],
    ['not an object', 'ACDEFG', /./],
  ])('refuses %s', (_reason, input, message) => {
    const parsed = parseRequest(joinSchema, input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(message);
  });

  it('caps a Dockerfile at the share-link limit', () => {
    const ok = parseRequest(progressBatchSchema, {
      reports: [{ ...report, dockerfile: 'x'.repeat(ROOM_LIMITS.dockerfileChars) }],
    });
    expect(ok.ok).toBe(true);
    const tooBig = parseRequest(progressBatchSchema, {
      reports: [{ ...report, dockerfile: 'x'.repeat(ROOM_LIMITS.dockerfileChars + 1) }],
    });
    expect(tooBig).toMatchObject({ ok: false, reason: expect.stringMatching(/64000/) });
  });

  it('refuses an empty batch, a batch over the cap and a negative size', () => {
    expect(parseRequest(progressBatchSchema, { reports: [] }).ok).toBe(false);
    expect(parseRequest(progressBatchSchema, { reports: Array(51).fill(report) }).ok).toBe(false);
    expect(parseRequest(progressBatchSchema, { reports: [{ ...report, bytes: -1 }] }).ok).toBe(
      false,
    );
  });

  it('caps a message at 500 characters', () => {
    expect(parseRequest(broadcastSchema, { text: 'x'.repeat(500) })).toMatchObject({
      ok: true,
      value: { kind: 'message' },
    });
    expect(parseRequest(broadcastSchema, { text: 'x'.repeat(501) }).ok).toBe(false);
  });

  it('hides names in a spotlight unless asked', () => {
    expect(
      parseRequest(spotlightSchema, { show: true, memberId: 'abcdefgh', lesson: 'one' }),
    ).toMatchObject({
      ok: true,
      value: { showName: false },
    });
  });
});
