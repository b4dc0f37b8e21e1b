import { describe, expect, it } from 'vitest';
import { roomCodeFromStorage } from './room-membership';

describe('roomCodeFromStorage', () => {
  it('reads a join code from the shapes rooms may store', () => {
    expect(roomCodeFromStorage('{"code":"acd-efg"}')).toBe('ACDEFG');
    expect(roomCodeFromStorage('{"room":{"code":"ACDEFG"}}')).toBe('ACDEFG');
    expect(roomCodeFromStorage('"ACDEFG"')).toBe('ACDEFG');
  });

  it('means "not in a room" for nothing, damage or an impossible code', () => {
    for (const raw of [
      null,
      '',
      '{',
      'null',
      '42',
      '{"code":42}',
      '{"room":null}',
      '{"code":"ABC"}',
      // 0, O, 1, I, L, 5, S, 2, Z, 8 and B are not in the alphabet.
      '{"code":"ACDEF0"}',
      `{"code":"${'A'.repeat(20_000)}"}`,
    ]) {
      expect(roomCodeFromStorage(raw)).toBeUndefined();
    }
  });
});
