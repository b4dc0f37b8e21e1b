import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Storage tests run every suite against the embedded engine and a real PostgreSQL server that
// the global setup starts on a free local port and stops afterwards (`npm run test:storage`).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['server/**/*.storage.test.ts', 'app/**/*.storage.test.ts'],
    globalSetup: ['server/testing/global-setup.ts'],
    environment: 'node',
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});
