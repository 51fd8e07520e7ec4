import { defineConfig } from 'vitest/config';

// A run at a pretended date (SILTA_TEST_NOW, e.g. `npm run test:e2e:dates`): every process of the run
// shifts real time by the same amount, measured from this moment (src/server/test-clock.ts).
if ((process.env.SILTA_TEST_NOW ?? '') !== '' && (process.env.SILTA_TEST_NOW_ANCHOR ?? '') === '') {
  process.env.SILTA_TEST_NOW_ANCHOR = String(Date.now());
}

// Browser tests start a real server and Chromium per file. Two files run at once: much of a
// browser test is waiting (navigation, network, animation frames), so two overlap well on two cores.
// The global setup bundles the server and seeds the demo data once; each file's server starts on a copy.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    setupFiles: ['e2e/support/setup-test-time.ts'],
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    // A timeout only catches a hung test: the longest take about a minute on a busy two-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // On CI a failed browser test is run once more and the retry shows in the log ("retry x1"),
    // so a timing flake does not hide the run's other results; locally it fails at once.
    retry: process.env.CI ? 1 : 0,
    reporters: ['default'],
  },
});
