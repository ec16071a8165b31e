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
    // Modules (the schema above all) load once per worker; every file still gets its own database.
    isolate: false,
  },
});
