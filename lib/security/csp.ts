/**
 * The site's Content-Security-Policy, built in one place so the proxy that sends it and the
 * tests that check it read the same text. Pure: the nonce and the hashes are passed in.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base64UrlEncode } from '../share/base64url';

export interface CspOptions {
  /**
   * Fresh per response: Next.js reads it back from the request's policy and puts it on every
   * inline script it emits (its runtime and the RSC payload, which differ per page).
   */
  nonce: string;
  /** `'sha256-…'` sources for the site's own inline scripts (see `scriptHashSource`). */
  scriptHashes: readonly string[];
  /** Development server: React's dev tooling needs eval, hot reload a WebSocket. */
  isDev: boolean;
}

/** The CSP source for an inline script whose text is exactly `script`: `'sha256-<base64>'`. */
export function scriptHashSource(script: string): string {
  const base64 = base64UrlEncode(sha256(utf8ToBytes(script)))
    .replace(/-/g, '+')
    .replace(/_/g, '/');
  const padding = '='.repeat((4 - (base64.length % 4)) % 4);
  return `'sha256-${base64}${padding}'`;
}

/** A nonce from 16 random bytes (CSP wants base64 of at least 128 bits). */
export function nonceFromBytes(bytes: Uint8Array): string {
  const base64 = base64UrlEncode(bytes).replace(/-/g, '+').replace(/_/g, '/');
  return base64 + '='.repeat((4 - (base64.length % 4)) % 4);
}

/**
 * The policy. Every source is the site's own origin: the course is offline, so nothing may be
 * fetched, embedded or posted anywhere else. Scripts: 'self' files, the nonce Next.js puts on
 * its inline scripts, and the hash of each of the site's own inline scripts; no
 * 'unsafe-inline'. Workers: 'self' only (Monaco's and the analysis worker are same-origin
 * module files; no blob: worker is ever created). Styles keep 'unsafe-inline': Monaco sets
 * style attributes and injects style elements at run time.
 */
export function contentSecurityPolicy({ nonce, scriptHashes, isDev }: CspOptions): string {
  return [
    "default-src 'self'",
    [
      "script-src 'self'",
      `'nonce-${nonce}'`,
      ...scriptHashes,
      ...(isDev ? ["'unsafe-eval'"] : []),
    ].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? ' ws://localhost:* ws://127.0.0.1:*' : ''}`,
    "worker-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
