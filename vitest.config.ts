import { defineConfig } from 'vitest/config';

// Tests talk to real Redis, PostgreSQL and Chromium: generous timeouts, and files run in
// separate workers (each file owns its queue names and database schema).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
