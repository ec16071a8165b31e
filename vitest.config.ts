import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships CJS and ESM copies; everything must share Node's (CJS) copy or instanceof checks fail.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['server/**/*.test.ts', 'client/**/*.test.ts', 'extension/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    env: { NODE_ENV: 'test' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default (cores - 1) is one worker on a 2-core machine; each worker has its own database, and
    // much of a test's time is spent waiting on PGlite, Chromium or a child server, so two share 2 cores well.
    // KITH_TEST_WORKERS overrides (CI's PostgreSQL run keeps one until a rare hang there is understood).
    maxWorkers: Number(process.env.KITH_TEST_WORKERS) || Math.max(2, availableParallelism() - 1),
    // Modules (the schema above all) load once per worker; every file still gets its own database.
    isolate: false,
  },
});
