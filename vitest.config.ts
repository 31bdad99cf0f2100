import { defineConfig } from 'vitest/config';

// Unit and database tests. Database tests run on embedded PGlite unless TEST_DATABASE_URL points at a
// PostgreSQL server; browser journeys live in tests/e2e and run with vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules/**', 'tests/e2e/**'],
    // One migrated template per run; each test file gets its own database cloned from it.
    globalSetup: ['src/db/test-global-setup.ts'],
    // Generous because the CLI tests start Node processes; a hung test still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share a worker's module cache (no test mocks modules or globals): imports are paid once per
    // worker instead of once per file. Each file still gets its own database.
    isolate: false,
    maxWorkers: 2,
  },
});
