import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, codeFromRandom, normalizeCode } from './code';

describe('codeFromRandom', () => {
  it('makes a 6-character code from the unambiguous alphabet', () => {
    const code = codeFromRandom(new Uint8Array([0, 1, 2, 3, 4, 5]));
    expect(code).toBe('ACDEFG');
    expect(code).toHaveLength(CODE_LENGTH);
  });

  it('skips bytes above the last whole multiple of the alphabet, so no character is favoured', () => {
    const limit = 256 - (256 % CODE_ALPHABET.length);
    const code = codeFromRandom(new Uint8Array([limit, 255, 0, 0, 0, 0, 0, 0]));
    expect(code).toBe('AAAAAA');
  });

  it('throws when the bytes run out instead of returning a short code', () => {
    expect(() => codeFromRandom(new Uint8Array([1, 2, 3]))).toThrow(/not enough/);
  });

  it('never uses look-alike characters', () => {
    for (const ch of '015OILSZB28') expect(CODE_ALPHABET).not.toContain(ch);
  });
});

describe('normalizeCode', () => {
  it.each([
    ['lower case', 'acdefg', 'ACDEFG'],
    ['spaces and a dash', ' ACD-EFG ', 'ACDEFG'],
  ])('accepts %s', (_reason, input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });

  it.each([
    ['too short', 'ACDEF'],
    ['too long', 'ACDEFGH'],
    ['a look-alike character', 'ACDEF0'],
    ['punctuation', 'ACD;EF'],
  ])('refuses %s', (_reason, input) => {
    expect(normalizeCode(input)).toBeUndefined();
  });
});
