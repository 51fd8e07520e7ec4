// The browser tests at a pretended date (SILTA_TEST_NOW, see src/server/test-clock.ts): the servers run
// on a shifted clock, each browser context on Playwright's clock, and the test workers' own Date is
// shifted by the same amount, so that what a test expects ("this month", "today") is computed at the
// same pretended time as what the server and the page show.
import { testClockOffset } from '../../src/server/test-clock';

/** The pretended instant this run started at, or null for a run at the real date. */
export function testNow(): string | null {
  const raw = process.env.SILTA_TEST_NOW;
  return raw === undefined || raw === '' ? null : raw;
}

/** True in the runs at a pretended date, which need only the tests whose outcome depends on the date. */
export const isPretendedDate = (): boolean => testNow() !== null;

/** Milliseconds between pretended and real time (0 at the real date). */
export const testTimeOffset = (): number => testClockOffset(process.env) ?? 0;

/** Replaces the global Date with one that reads real time shifted by the run's offset. */
export function shiftGlobalDate(offsetMs: number): void {
  if (offsetMs === 0) return;
  const RealDate = globalThis.Date;
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...(args));
    }
    static override now(): number {
      return RealDate.now() + offsetMs;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
