import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.js';
import { daysOfPiece, periodPieces, signedPieces } from './rollup-periods.js';

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

describe('signedPieces', () => {
  /** How many times each day is counted: +1 per positive piece holding it, -1 per negative one. */
  const coverage = (pieces: ReturnType<typeof signedPieces>) => {
    const counted = new Map<string, number>();
    for (const p of pieces) for (const d of daysOfPiece(p)) counted.set(d, (counted.get(d) ?? 0) + p.sign);
    return [...counted].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
  };

  it('counts every day of the period once and no other day, wherever the data ends', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 4 * 366 }), fc.integer({ min: -400, max: 400 }), (from, length, offset) => {
        const to = addDays(from, length);
        const pieces = signedPieces(from, to, addDays(to, offset));
        expect(coverage(pieces)).toEqual(Array.from({ length: length + 1 }, (_, i) => [addDays(from, i), 1]));
        for (const p of pieces) expect(p.firstStart <= p.lastStart).toBe(true);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('reads a period ending yesterday as whole years less what is still to come', () => {
    expect(signedPieces('2021-11-23', '2026-11-22', '2026-11-23')).toEqual([
      { grain: 'd', firstStart: '2021-11-23', lastStart: '2021-11-30', sign: 1 },
      { grain: 'm', firstStart: '2021-12-01', lastStart: '2021-12-01', sign: 1 },
      { grain: 'y', firstStart: '2022-01-01', lastStart: '2026-01-01', sign: 1 },
      { grain: 'd', firstStart: '2026-11-23', lastStart: '2026-11-30', sign: -1 },
      { grain: 'm', firstStart: '2026-12-01', lastStart: '2026-12-01', sign: -1 },
    ]);
    // A month that starts on the 3rd: the month less two days, not 29 days.
    expect(signedPieces('2025-03-03', '2025-05-31', '2026-01-01')).toEqual([
      { grain: 'm', firstStart: '2025-03-01', lastStart: '2025-05-01', sign: 1 },
      { grain: 'd', firstStart: '2025-03-01', lastStart: '2025-03-02', sign: -1 },
    ]);
    // Long past periods keep the plain pieces where widening would not save reading.
    expect(signedPieces('2024-02-17', '2024-04-09', '2026-01-01')).toEqual(periodPieces('2024-02-17', '2024-04-09').map((p) => ({ ...p, sign: 1 })));
  });
});
