import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: [
      'lib/**/*.test.ts',
      'content/**/*.test.ts',
      'cli/**/*.test.ts',
      'components/**/*.test.ts',
      'scripts/**/*.test.ts',
      'server/**/*.test.ts',
    ],
    // Storage tests need a database server: vitest.storage.config.ts runs them.
    exclude: ['**/node_modules/**', '**/*.storage.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
