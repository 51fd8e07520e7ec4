import type { Clock } from './deps.js';

/**
 * The browser tests' clock setting. `SILTA_TEST_NOW` is the instant the test run pretends it is, and
 * `SILTA_TEST_NOW_ANCHOR` the real time (ms since the epoch) at which it was that instant: every
 * process of one run (the test workers, each server, each browser) shifts real time by the same
 * amount, so they agree to the millisecond and time still passes as it really does.
 *
 * Only the test entry (testing/main-at-test-time.ts) reads it; the production entry refuses to start
 * when it is set (main.ts), so no deployment can run on a pretended date.
 */
export const TEST_NOW_VARIABLES = ['SILTA_TEST_NOW', 'SILTA_TEST_NOW_ANCHOR'] as const;

export class TestClockError extends Error {}

/** Milliseconds to add to real time, or null when no test time is set. */
export function testClockOffset(env: NodeJS.ProcessEnv): number | null {
  const raw = env.SILTA_TEST_NOW;
  if (raw === undefined || raw === '') return null;
  const pretended = Date.parse(raw);
  // An instant needs its offset: '2027-02-01T00:30' alone would be read in the machine's time zone.
  if (Number.isNaN(pretended) || !/(Z|[+-]\d{2}:\d{2})$/.test(raw)) {
    throw new TestClockError(`SILTA_TEST_NOW must be an ISO instant with its offset (e.g. 2027-02-01T00:30:00+02:00), got "${raw}"`);
  }
  const anchor = Number(env.SILTA_TEST_NOW_ANCHOR ?? '');
  if (!Number.isInteger(anchor) || anchor <= 0) {
    throw new TestClockError('SILTA_TEST_NOW_ANCHOR must be the real time in ms at which SILTA_TEST_NOW was now.');
  }
  return pretended - anchor;
}

/** A clock that runs at real speed from the pretended instant. */
export function shiftedClock(offsetMs: number): Clock {
  return { now: () => new Date(Date.now() + offsetMs) };
}
