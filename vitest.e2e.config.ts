import { defineConfig } from 'vitest/config';

// Browser journeys in Debian's Chromium through playwright-core (never a downloaded browser).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
