import { defineConfig } from 'vitest/config';

// Browser tests start a real server and Chromium per file. Three files run at once on two cores: much
// of a browser test is waiting (navigation, network, animation frames). Measured on 2026-12-08: with two
// at once the whole browser suite used 1,254 CPU seconds (user 978 + system 276, /usr/bin/time) in a
// run that took 1,033 s on a quiet machine before, so about 40 % of the two cores stood idle.
// The global setup bundles the server and seeds the demo data once per project; each file's server
// starts on a copy.

// The files whose expectations depend on today's date (calendar, announcements and poster, day log,
// report, groups) run a second time at each of these pretended instants (SILTA_TEST_NOW, see
// src/server/test-clock.ts): dates that broke date assumptions before.
export const pretendedInstants = {
  // Early in a month: the demo's cancelled Tuesday falls in the month the calendar opens on.
  'cancelled-session': '2027-01-05T10:00:00+02:00',
  // Half past midnight on the 1st in Helsinki is still the previous month in UTC.
  'month-boundary': '2027-02-01T00:30:00+02:00',
  // The day clocks go forward (03:00 → 04:00): the day has 23 hours.
  'daylight-saving': '2027-03-28T12:00:00+03:00',
} as const;

const dateSensitive = [
  'e2e/schedule.e2e.test.ts',
  'e2e/public-pages.e2e.test.ts',
  'e2e/daylog-admin.e2e.test.ts',
  'e2e/report.e2e.test.ts',
  'e2e/report-print.e2e.test.ts',
  'e2e/groups.e2e.test.ts',
  'e2e/daylog-entry.e2e.test.ts',
  'e2e/test-time.e2e.test.ts',
];

// Every process of a run shifts real time by the same amount, measured from this moment. A run of
// its own at one instant can also be asked for with SILTA_TEST_NOW (then only that project runs).
const anchor = process.env.SILTA_TEST_NOW_ANCHOR || String(Date.now());
const asked = process.env.SILTA_TEST_NOW ?? '';

const shared = {
  globalSetup: ['e2e/support/global-setup.ts'],
  setupFiles: ['e2e/support/setup-test-time.ts'],
  pool: 'forks' as const,
  // A timeout only catches a hung test: the longest take about a minute on a busy two-core machine.
  testTimeout: 120_000,
  hookTimeout: 120_000,
  // On CI a failed browser test is run once more and the retry shows in the log ("retry x1"),
  // so a timing flake does not hide the run's other results; locally it fails at once.
  retry: process.env.CI ? 1 : 0,
};

const atInstant = (name: string, instant: string) => ({
  test: { ...shared, name: `e2e@${name}`, include: dateSensitive, env: { SILTA_TEST_NOW: instant, SILTA_TEST_NOW_ANCHOR: anchor } },
});

export default defineConfig({
  test: {
    fileParallelism: true,
    maxWorkers: 3,
    reporters: ['default'],
    projects:
      asked !== ''
        ? [atInstant('asked', asked)]
        : [
            { test: { ...shared, name: 'e2e', include: ['e2e/**/*.e2e.test.ts'], env: { SILTA_TEST_NOW: '', SILTA_TEST_NOW_ANCHOR: '' } } },
            ...Object.entries(pretendedInstants).map(([name, instant]) => atInstant(name, instant)),
          ],
  },
});
