/**
 * Join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B),
 * so a code read off a projector is typed right. 25^6 ≈ 244 million codes, and the join endpoint
 * is rate-limited, so guessing one is impractical.
 */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;

/**
 * A code from random bytes (pass `crypto.getRandomValues(new Uint8Array(16))` or similar).
 * Rejection sampling keeps every character equally likely; throws when the bytes run out.
 */
export function codeFromRandom(bytes: Uint8Array): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = '';
  for (const byte of bytes) {
    if (byte >= limit) continue;
    code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    if (code.length === CODE_LENGTH) return code;
  }
  throw new Error('codeFromRandom: not enough random bytes');
}

/**
 * The code as typed, normalised (upper case, spaces and dashes removed); `undefined` when it is
 * not a possible code, so a typo never reaches the database.
 */
export function normalizeCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return undefined;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return code;
}
