import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Views see each lib/ package through its index only (`@/lib/analyzer`, never
 * `@/lib/analyzer/model`), so a package can move its files without touching a page.
 */
const LIB_INDEX_ONLY = {
  regex: '^(@/|(\\.\\./)+)lib/[^/]+/',
  message:
    "components/ and app/ import a lib/ package through its index ('@/lib/analyzer', not '@/lib/analyzer/model'); export what you need from that index.",
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      'dist/**',
      'next-env.d.ts',
      'lib/sizes/generated/**',
      'content/lessons/generated.ts',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.tsx', 'components/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The core is pure TypeScript: no React, no Next, no Monaco, no DOM, no Node-only modules.
    files: ['lib/**/*.ts'],
    ignores: ['lib/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                'next',
                'next/*',
                'monaco-editor',
                'monaco-editor/*',
                '@/components/*',
                '@/app/*',
                '@/server/*',
              ],
              message: 'lib/ is pure TypeScript: no UI or server imports.',
            },
            {
              group: [
                'node:*',
                'fs',
                'path',
                'os',
                'child_process',
                'url',
                'pg',
                '@electric-sql/*',
              ],
              message:
                'lib/ runs in the browser: take Node facilities as parameters (only cli/ may use Node).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'navigator',
      ],
    },
  },
  {
    // Components run in the browser: server/ (database, Node-only adapters) is out of reach.
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/server/*',
                '**/server/*',
                'pg',
                '@electric-sql/*',
                'drizzle-orm',
                'drizzle-orm/*',
              ],
              message: 'components/ run in the browser: call the API routes, never server/.',
            },
            LIB_INDEX_ONLY,
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LIB_INDEX_ONLY] }] },
  },
);
