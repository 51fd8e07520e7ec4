import { defineConfig } from 'vitest/config';

// Browser tests start a real server and Chromium; they run one file at a time so that
// the machine's two cores are not shared by several servers and browsers.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
