// Flat config, type-aware. Import zones keep the architecture honest:
// - src/domain is pure: no React, Dexie, browser or server code (the server imports it).
// - features never import each other; src/app composes them.
// - src/ui is shared and knows no feature; server code never imports the browser app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const forbid = (patterns) => ['error', { patterns }];

export default tseslint.config(
  {
    ignores: ['dist', 'dev-dist', 'node_modules', 'coverage', 'test-results', 'playwright-report', 'screenshots', 'data'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` union instead of an enum.' },
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        { group: ['react', 'react-dom', 'react/*', 'dexie', 'dexie-*', 'zustand', 'zustand/*'], message: 'src/domain is pure: no UI or storage.' },
        { group: ['**/db/**', '**/features/**', '**/ui/**', '**/app/**', '**/sync/**', '**/server/**'], message: 'src/domain imports nothing outside the domain.' },
      ]),
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/domain is pure.' },
        { name: 'document', message: 'src/domain is pure.' },
        { name: 'fetch', message: 'src/domain is pure.' },
        { name: 'localStorage', message: 'src/domain is pure.' },
        { name: 'indexedDB', message: 'src/domain is pure.' },
        { name: 'navigator', message: 'src/domain is pure.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass `now` in: domain functions are pure.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in: domain functions are pure.' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: 'Pass `now` in: domain functions are pure.' },
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` union instead of an enum.' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': forbid([{ group: ['**/features/**', '**/app/**'], message: 'src/ui is shared and knows no feature.' }]),
    },
  },
  ...features.map((name) => ({
    files: [`src/features/${name}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': forbid([
        {
          group: [`**/features/!(${name})/**`, `**/features/!(${name})`, '**/app/**'],
          message: 'Features never import each other or the app; compose them in src/app.',
        },
      ]),
    },
  })),
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([
        { group: ['**/src/db/**', '**/src/features/**', '**/src/ui/**', '**/src/app/**', 'react', 'dexie'], message: 'The server shares only src/domain and src/sync wire schemas.' },
      ]),
    },
  },
  {
    // Tool configs must default-export.
    files: ['*.config.{js,ts}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
