import createMDX from '@next/mdx';

const isDev = process.env.NODE_ENV !== 'production';

// Everything the site needs is served from its own origin: the policy forbids every other host,
// so a page can never fetch, embed or post anywhere else (the course is fully offline).
// 'unsafe-inline' scripts: the App Router inlines its flight data and we inline the theme script
// that runs before paint. 'unsafe-eval' only in dev (React's dev tooling needs it).
// blob: workers/images: Monaco and the analysis worker may be created from blob URLs.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? ' ws://localhost:* ws://127.0.0.1:*' : ''}`,
  "worker-src 'self' blob:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=()',
  },
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
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default withMDX(nextConfig);
