import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnlyHere = {
  paths: [{ name: 'electron', message: "Only src/main/electron (and the preload) may import 'electron'." }],
};

/** The product tree holds the product: the bench and the tests' tools sit outside it and depend on it, never the reverse. */
const productOnly = { group: ['**/bench/**', '**/test/**'], message: 'src holds the product: it imports nothing from bench/ or test/.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' }],
    },
  },
  {
    // core is pure TypeScript: it runs in Node and in the browser alike.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/core is pure: no electron.' },
            { name: 'better-sqlite3', message: 'src/core is pure: SQL lives in src/main/store.' },
            { name: 'react', message: 'src/core is pure: no UI.' },
          ],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'https', 'net'], message: 'src/core is pure: no Node built-ins.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/core depends on nothing else in src.' },
            productOnly,
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { ...electronOnlyHere, patterns: [productOnly] }] },
  },
  {
    // the bench runs in Node like main, never in the desktop shell
    files: ['bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', electronOnlyHere] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnlyHere,
          patterns: [
            { group: ['**/main/**', '**/src/main', '../../main/*'], message: 'The renderer talks to main only through api.ts.' },
            { group: ['node:*'], message: 'The renderer runs in a browser.' },
            productOnly,
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.mjs'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
