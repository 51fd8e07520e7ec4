import { defineConfig } from 'vitest/config';

// Browser tests start a real server and Chromium per file. Two files run at once: much of a
// browser test is waiting (navigation, network, animation frames), so two overlap well on two cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
