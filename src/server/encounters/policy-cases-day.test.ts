import { describe, expect, it } from 'vitest';
import type { Fixture } from '../testing/policy-matrix.js';
import { encounterPolicyCases } from './policy-cases.js';

/** Only what the summary case's request builder reads: the site and the harness clock. */
const fixtureAt = (instant: string) => ({ siteId: 'site-1', h: { clock: { now: () => new Date(instant) } } }) as unknown as Fixture;

describe('the encounter policy cases', () => {
  it('ask for the summary of the Helsinki day, also in the hours when the UTC day is still yesterday', async () => {
    const summary = encounterPolicyCases['GET /api/sites/:siteId/encounters/summary']!;
    // 01:30 on 16 January in Helsinki (UTC+2) is 23:30 on the 15th in UTC
    expect((await summary.request(fixtureAt('2026-01-15T23:30:00Z'))).url).toBe('/api/sites/site-1/encounters/summary?from=2026-01-16&to=2026-01-16');
    // 02:30 on 1 July in Helsinki (summer time, UTC+3)
    expect((await summary.request(fixtureAt('2026-06-30T23:30:00Z'))).url).toBe('/api/sites/site-1/encounters/summary?from=2026-07-01&to=2026-07-01');
    expect((await summary.request(fixtureAt('2026-01-16T12:00:00Z'))).url).toBe('/api/sites/site-1/encounters/summary?from=2026-01-16&to=2026-01-16');
  });
});
