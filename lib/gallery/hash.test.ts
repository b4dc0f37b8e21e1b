import { describe, expect, it } from 'vitest';
import { base32Prefix, canonicalJson, sha256Text } from './hash';

describe('sha256Text', () => {
  it('matches the published SHA-256 test vector for "abc" (FIPS 180-2, appendix B.1)', () => {
    const hex = [...sha256Text('abc')].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(hex).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('base32Prefix', () => {
  it('reads 5 bits per character, most significant first', () => {
    expect(base32Prefix(new Uint8Array([0b00001_000, 0b10_00011_0]), 3)).toBe('123');
    expect(base32Prefix(new Uint8Array([0xff, 0xff]), 3)).toBe('zzz');
  });

  it('refuses to read past the bytes it has', () => {
    expect(() => base32Prefix(new Uint8Array(1), 2)).toThrow(RangeError);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
});
