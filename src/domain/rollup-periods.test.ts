import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.js';
import { daysOfPiece, periodPieces } from './rollup-periods.js';

const day = fc.integer({ min: 0, max: 12 * 366 }).map((n) => addDays('2019-01-01', n));

describe('periodPieces', () => {
  it('covers every day of the period exactly once, in order, with at most five pieces', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 4 * 366 }), (from, length) => {
        const to = addDays(from, length);
        const pieces = periodPieces(from, to);
        const covered = pieces.flatMap(daysOfPiece);
        const expected = Array.from({ length: length + 1 }, (_, i) => addDays(from, i));
        expect(covered).toEqual(expected);
        expect(pieces.length).toBeLessThanOrEqual(5);
        for (const p of pieces) expect(p.firstStart <= p.lastStart).toBe(true);
      }),
      { numRuns: 100 },
    );
    // Each run lists up to 1,500 days: generous time on a loaded two-core machine.
  }, 30_000);

  it('uses whole years and months where they fit', () => {
    expect(periodPieces('2021-01-01', '2025-12-31')).toEqual([{ grain: 'y', firstStart: '2021-01-01', lastStart: '2025-01-01' }]);
    expect(periodPieces('2024-02-17', '2026-03-09')).toEqual([
      { grain: 'd', firstStart: '2024-02-17', lastStart: '2024-02-29' },
      { grain: 'm', firstStart: '2024-03-01', lastStart: '2024-12-01' },
      { grain: 'y', firstStart: '2025-01-01', lastStart: '2025-01-01' },
      { grain: 'm', firstStart: '2026-01-01', lastStart: '2026-02-01' },
      { grain: 'd', firstStart: '2026-03-01', lastStart: '2026-03-09' },
    ]);
    expect(periodPieces('2026-07-01', '2026-09-30')).toEqual([{ grain: 'm', firstStart: '2026-07-01', lastStart: '2026-09-01' }]);
    expect(periodPieces('2026-07-03', '2026-07-20')).toEqual([{ grain: 'd', firstStart: '2026-07-03', lastStart: '2026-07-20' }]);
    expect(periodPieces('2026-07-03', '2026-07-02')).toEqual([]);
  });
});
