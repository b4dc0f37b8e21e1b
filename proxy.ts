import { NextResponse, type NextRequest } from 'next/server';
import { themeScript } from '@/components/theme';
import { prefilledHoldScript } from '@/components/workbench/prefilled-editor';
import { contentSecurityPolicy, nonceFromBytes, scriptHashSource } from '@/lib/security/csp';

/**
 * The App Router inlines scripts into every page (its runtime bootstrap and the RSC payload,
 * different per page), so a static hash list cannot allow them: each response gets a fresh
 * nonce instead, which Next.js reads from the request's policy and adds to every script it
 * emits. The site's own inline scripts (the theme, run before paint; the first lesson's
 * prefilled-editor hold) are allowed by their hashes, worked out here from the very strings the
 * pages render, so the two cannot drift.
 */
const scriptHashes = [scriptHashSource(themeScript), scriptHashSource(prefilledHoldScript)];
const isDev = process.env.NODE_ENV === 'development';

export function proxy(request: NextRequest): NextResponse {
  const nonce = nonceFromBytes(crypto.getRandomValues(new Uint8Array(16)));
  const policy = contentSecurityPolicy({ nonce, scriptHashes, isDev });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages and route handlers; not the static files, which run no inline script.
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      // A prefetch fetches RSC data, not a page: it needs no policy and must not cost a nonce.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
