import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, isoWeekKey } from './days';

describe('isoWeekKey', () => {
  it("agrees with PostgreSQL's to_char(day, 'IYYY-\"W\"IW') at the turns of the year", () => {
    // Expected values printed by PostgreSQL 15 for these days.
    const fromPostgres: [string, string][] = [
      ['2015-12-31', '2015-W53'], ['2016-01-03', '2015-W53'], ['2020-12-31', '2020-W53'], ['2021-01-01', '2020-W53'],
      ['2021-01-03', '2020-W53'], ['2021-01-04', '2021-W01'], ['2024-12-29', '2024-W52'], ['2024-12-30', '2025-W01'],
      ['2026-01-01', '2026-W01'], ['2026-11-23', '2026-W48'], ['2026-12-31', '2026-W53'], ['2027-01-03', '2026-W53'],
      ['2027-01-04', '2027-W01'],
    ];
    for (const [day, week] of fromPostgres) expect([day, isoWeekKey(day)]).toEqual([day, week]);
  });

  it('gives a Monday-to-Sunday week one key, the next Monday the next key, and keys that sort by time', () => {
    const monday = fc.integer({ min: 0, max: 40 * 53 }).map((n) => addDays('1990-01-01', n * 7));
    fc.assert(
      fc.property(monday, (start) => {
        expect(isoWeekday(start)).toBe(1);
        const key = isoWeekKey(start);
        for (let i = 1; i < 7; i += 1) expect(isoWeekKey(addDays(start, i))).toBe(key);
        const next = isoWeekKey(addDays(start, 7));
        expect(next > key).toBe(true);
        const week = Number(key.slice(6));
        expect(week >= 1 && week <= 53).toBe(true);
      }),
    );
  });
});
