import createMDX from '@next/mdx';

// The Content-Security-Policy is sent by proxy.ts (a fresh nonce per response, see there and
// lib/security/csp.ts). These headers are the same for every response.
// COOP isolates the site's windows from other origins' (nothing here opens or is opened by
// another origin). CORP keeps other origins from embedding the site's files, except the share
// card image, which is made to be embedded elsewhere. HSTS is left to the deployer (README),
// because it must not be sent on http://localhost.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
];

const withMDX = createMDX({
  extension: /\.mdx?$/,
  // Under Turbopack, remark/rehype plugins must be given by name (strings), not as functions.
  options: { remarkPlugins: [], rehypePlugins: [] },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Each developer process can build into its own folder (parallel dev servers share a checkout).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  pageExtensions: ['ts', 'tsx', 'md', 'mdx'],
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite'],
  turbopack: {
    resolveAlias: {
      // dockerfile-language-service imports Node's https for Docker Hub tag completion; in the
      // browser it must never reach the network, so it gets an empty module (its calls then fail
      // inside a promise and completion falls back to nothing).
      https: { browser: './components/empty-module.ts' },
    },
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Later rules win for the same header: the card is an image for other sites to show.
      {
        source: '/s/:id/card',
        headers: [{ key: 'Cross-Origin-Resource-Policy', value: 'cross-origin' }],
      },
    ];
  },
};

export default withMDX(nextConfig);
