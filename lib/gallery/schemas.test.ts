import { describe, expect, it } from 'vitest';
import { MAX_DOCKERFILE_CHARS } from '../share/share-link';
import {
  PublishRequestSchema,
  ShortLinkRequestSchema,
  StoredSolutionSchema,
  WithdrawRequestSchema,
  parseWith,
} from './schemas';

const key = 'A'.repeat(43);
const publish = {
  lessonVersion: '0123456789',
  dockerfile: 'FROM alpine:3.20\n',
  dockerignore: '',
  nickname: '  Ada  ',
  withdrawKey: key,
};

describe('parseWith', () => {
  it('accepts a valid publish request and trims the nickname', () => {
    expect(parseWith(PublishRequestSchema, publish)).toEqual({
      ok: true,
      value: { ...publish, nickname: 'Ada' },
    });
  });

  it('accepts an anonymous publish request', () => {
    expect(parseWith(PublishRequestSchema, { ...publish, nickname: null }).ok).toBe(true);
    const { nickname: _nickname, ...anonymous } = publish;
    expect(parseWith(PublishRequestSchema, anonymous).ok).toBe(true);
  });

  const bad: [string, unknown][] = [
    ['not an object', 'FROM alpine'],
    ['null', null],
    ['an unknown key', { ...publish, isAdmin: true }],
    ['a Dockerfile over the cap', { ...publish, dockerfile: 'x'.repeat(MAX_DOCKERFILE_CHARS + 1) }],
    ['a nickname over 40 characters', { ...publish, nickname: 'n'.repeat(41) }],
    ['a nickname of spaces', { ...publish, nickname: '   ' }],
    ['a nickname with a bidi override', { ...publish, nickname: 'evil\u202eexe' }],
    ['a nickname with a control character', { ...publish, nickname: 'a\u0007b' }],
    ['a short withdraw key', { ...publish, withdrawKey: 'abc' }],
    ['a malformed lesson version', { ...publish, lessonVersion: 'LESSON' }],
    ['a Dockerfile that is not text', { ...publish, dockerfile: 42 }],
    ['a lowercase room code', { ...publish, room: 'abc123' }],
  ];
  it.each(bad)('refuses a publish request with %s, saying why', (_reason, body) => {
    const result = parseWith(PublishRequestSchema, body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(5);
  });

  it('names the field that failed', () => {
    const result = parseWith(PublishRequestSchema, { ...publish, nickname: 'n'.repeat(41) });
    expect(result).toEqual({
      ok: false,
      reason: 'nickname: the nickname is longer than 40 characters',
    });
  });

  it('accepts a playground short link (no lesson) and refuses a path as a slug', () => {
    expect(parseWith(ShortLinkRequestSchema, { dockerfile: 'FROM a', dockerignore: '' }).ok).toBe(
      true,
    );
    expect(
      parseWith(ShortLinkRequestSchema, { lesson: '../x', dockerfile: '', dockerignore: '' }).ok,
    ).toBe(false);
  });

  it('checks withdraw requests and stored rows', () => {
    expect(parseWith(WithdrawRequestSchema, { withdrawKey: key }).ok).toBe(true);
    expect(parseWith(WithdrawRequestSchema, { withdrawKey: key, extra: 1 }).ok).toBe(false);
    const row = {
      id: 'vkve0q4pckcd5885k3ek',
      dockerfile: 'FROM alpine:3.20\n',
      dockerignore: '',
      createdAt: '2026-12-02T08:00:00.000Z',
    };
    expect(parseWith(StoredSolutionSchema, row).ok).toBe(true);
    expect(parseWith(StoredSolutionSchema, { ...row, id: 'x' }).ok).toBe(false);
  });
});
