import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The CLI tests that load the extractor take 3-6 s when the machine is shared (the default 5 s
    // timed 'ingests a folder' out at 5.7 s on the code before this change as well).
    testTimeout: 20_000,
    // One throwaway PostgreSQL cluster per run, for the store's PostgreSQL tests (testing/postgres).
    globalSetup: ['./src/testing/postgres.ts'],
    reporters: ['default', './src/testing/summary-reporter.ts'],
  },
});
