import { defineConfig } from 'vitest/config';

// The database suites run once on PGlite and, when TEST_DATABASE_URL points at a PostgreSQL server,
// once more on PostgreSQL — the same files, so both engines are held to the same tests.
const dbSuites = ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts'];
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);

const dbProject = (engine: 'pglite' | 'postgres') => ({
  test: {
    name: `db:${engine}`,
    include: dbSuites,
    exclude: ['src/server/policy/policy.test.ts'],
    env: { SILTA_TEST_ENGINE: engine },
    globalSetup: ['src/server/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    // Vitest's default is one worker on a two-core machine; the database suites wait on PostgreSQL
    // and PGlite much of the time, so two overlap well (about 12 % faster here).
    maxWorkers: 2,
    projects: [
      { test: { name: 'domain', include: ['src/domain/**/*.test.ts', 'src/server/policy/policy.test.ts', 'src/web/**/*.test.ts', 'bench/**/*.test.ts'] } },
      dbProject('pglite'),
      ...(hasPostgres ? [dbProject('postgres')] : []),
    ],
  },
});
