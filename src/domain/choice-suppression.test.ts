import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressSharedBase } from './choice-suppression.js';
import type { ReportTable } from './report.js';
import { protectionWidth } from './suppression.js';
import { cellId, narrowedCells, tableEquations, type Equation } from './suppression-check.js';

/** A many-of question: each option's chosen, not chosen, n (the same for all) and share of n. */
function manyOf(n: number, chosen: number[]): ReportTable {
  return {
    key: 'feedback.choice.q',
    columns: [
      { key: 'chosen', kind: 'count', label: null },
      { key: 'notChosen', kind: 'count', label: null },
      { key: 'n', kind: 'count', label: null },
      { key: 'share', kind: 'percent', label: null },
    ],
    rows: chosen.map((c, i) => ({ key: `o${i}`, label: null, cells: [c, n - c, n, n > 0 ? (c / n) * 100 : null].map((value) => ({ value, suppressed: false })) })),
    totals: null,
    hasRowTotals: true,
  };
}

const dataset = fc.integer({ min: 0, max: 30 }).chain((n) => fc.record({ n: fc.constant(n), chosen: fc.array(fc.integer({ min: 0, max: n }), { minLength: 2, maxLength: 6 }) }));

describe('suppression of a many-of question', () => {
  it('shows a breakdown with enough respondents, hiding a small option and its complement', () => {
    const published = suppressSharedBase(manyOf(40, [3, 20, 0]), 5);
    expect(published.rows.map((r) => r.cells.map((c) => (c.suppressed ? c.reason : c.value)))).toEqual([
      ['small', 'complementary', 40, 'derived'],
      [20, 20, 40, 50],
      [0, 40, 40, 0],
    ]);
  });

  it('hides n everywhere, and every non-zero count, when one row cannot be kept safe without it', () => {
    // 3 + 4 = 7: two "<5" adding up to 7 are 3 and 4 (or 4 and 3): n itself must go, and with it the table.
    const published = suppressSharedBase(manyOf(7, [3, 7, 0]), 5);
    expect(published.rows.map((r) => r.cells.map((c) => (c.suppressed ? c.reason : c.value)))).toEqual([
      ['small', 'small', 'complementary', 'derived'],
      ['complementary', 0, 'linked', 'derived'],
      [0, 'complementary', 'linked', 'derived'],
    ]);
  });

  it('lets no hidden count be narrowed below the protection width, with n known to be one figure in every row', () => {
    fc.assert(
      fc.property(dataset, fc.integer({ min: 3, max: 7 }), ({ n, chosen }, threshold) => {
        const published = suppressSharedBase(manyOf(n, chosen), threshold);
        const same: Equation[] = published.rows.slice(1).map((_, i) => ({ parts: [cellId(published, 0, 2)], total: cellId(published, i + 1, 2) }));
        expect(narrowedCells([published], [...tableEquations(published), ...same], threshold, protectionWidth(threshold))).toEqual([]);
        for (const row of published.rows) {
          const [c, , base, share] = row.cells;
          if (!share!.suppressed && share!.value !== null) expect(!c!.suppressed && !base!.suppressed && base!.value! >= threshold).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
