// ESLint: the recommended JavaScript and TypeScript rules, React's hook rules for the web UI, and the
// layer boundaries of ARCHITECTURE.md as import restrictions (src/architecture.test.ts checks the same
// boundaries file by file; this rule shows them in the editor).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'stream', 'worker_threads', 'child_process', 'url', 'util', 'zlib'];

/** The packages and folders a layer may not import (patterns for no-restricted-imports). */
function restrict(message, patterns) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'src/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A caught error is either handled or rethrown; an empty catch hides real bugs.
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        'The web UI talks to the server over HTTP only; it may share the pure domain/ modules (labels, formats) (ARCHITECTURE.md: layers).',
        [
          ...nodeBuiltins,
          '**/api/**/*.ts',
          // The API's TypeBox schemas are the one contract: the web derives its types from them (Static<>).
          '!**/api/**/*.schemas.ts',
          // …and the generated response schemas, of which it takes the answer types (web/app/api-answer.ts).
          '!**/api/response-schemas.generated.ts',
          '**/db/*',
          '**/use-cases/*',
          '**/analytics/*',
          '**/documents/*',
          '**/cli/*',
          '**/demo/*',
        ],
      ),
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict('domain/ is pure: no packages, no I/O, no other layer (ARCHITECTURE.md: layers).', [
      ...nodeBuiltins,
      'pg',
      'fastify',
      '@*/*',
      '**/api/*',
      '**/db/*',
      '**/use-cases/*',
      '**/web/*',
      '**/documents/*',
      '**/cli/*',
      '**/analytics/*',
    ]),
  },
  {
    files: ['src/analytics/**/*.ts'],
    rules: restrict('analytics/ is pure numerics: no packages, no I/O (ARCHITECTURE.md: layers).', [
      ...nodeBuiltins,
      'pg',
      '@*/*',
      '**/api/*',
      '**/db/*',
      '**/use-cases/*',
      '**/web/*',
      '**/documents/*',
      '**/cli/*',
    ]),
  },
  {
    files: ['src/use-cases/**/*.ts'],
    ignores: ['src/use-cases/**/*.test.ts'],
    rules: restrict('Use cases reach HTTP and the UI only through their callers (ARCHITECTURE.md: layers).', [
      'fastify',
      '**/api/*',
      '**/web/*',
      '**/cli/*',
      '**/demo/*',
    ]),
  },
  {
    files: ['src/demo/**/*.ts'],
    rules: restrict('Demo data go through the use cases; only the wiring (start-mentorspor.ts) loads them (ARCHITECTURE.md: layers).', [
      'fastify',
      '**/api/*',
      '**/web/*',
      '**/cli/*',
    ]),
  },
);
