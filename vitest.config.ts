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
    // Closes each file's harnesses after the file (see harness.ts).
    setupFiles: ['src/server/testing/setup-file.ts'],
    // A worker runs its files one after another in one process instead of a fresh process and module
    // graph per file: loading the server's modules (Fastify, every route, PGlite) again for each file
    // cost about 1.2 s of CPU per file (26 file runs on both engines: 80 → 50 CPU seconds). Every file
    // still gets its own database, app and clock; what the server keeps between requests hangs off the
    // app or the database (WeakMaps), not module variables.
    isolate: false,
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
      // Not isolated either (pure functions and components): one process per file doubled the project's CPU time (45 → 23 s).
      { test: { name: 'domain', isolate: false, include: ['src/domain/**/*.test.ts', 'src/server/policy/policy.test.ts', 'src/web/**/*.test.ts', 'bench/**/*.test.ts'] } },
      dbProject('pglite'),
      ...(hasPostgres ? [dbProject('postgres')] : []),
    ],
  },
});
