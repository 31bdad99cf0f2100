import { defineConfig } from 'vitest/config';

// Unit and database tests. Database tests run on embedded PGlite unless TEST_DATABASE_URL points at a
// PostgreSQL server; browser journeys live in tests/e2e and run with vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules/**', 'tests/e2e/**'],
    // One migrated template per run; each test file gets its own database cloned from it.
    globalSetup: ['src/db/test-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
