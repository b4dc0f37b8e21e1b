import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Crockford's base32 alphabet in lower case: digits and letters without i, l, o and u, so an ID
 * read aloud or typed from a slide cannot confuse 1/l or 0/o.
 */
export const BASE32_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** SHA-256 of the UTF-8 bytes of `text` (pure JS, so it runs in the browser, Node and workers). */
export function sha256Text(text: string): Uint8Array {
  return sha256(utf8ToBytes(text));
}

/**
 * The first `chars` base32 characters (5 bits each) of `bytes`, most significant bit first.
 * Throws a RangeError when `bytes` holds fewer than `chars * 5` bits.
 */
export function base32Prefix(bytes: Uint8Array, chars: number): string {
  if (chars * 5 > bytes.length * 8) throw new RangeError('not enough bytes for that many chars');
  let out = '';
  let buffer = 0;
  let bits = 0;
  let at = 0;
  while (out.length < chars) {
    if (bits < 5) {
      buffer = ((buffer << 8) | bytes[at++]) & 0xffff;
      bits += 8;
    }
    bits -= 5;
    out += BASE32_ALPHABET[(buffer >> bits) & 31];
  }
  return out;
}

/**
 * JSON with object keys sorted at every level, so equal values always give equal text (the
 * input to a content hash). `undefined` members are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}
