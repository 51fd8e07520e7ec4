import { describe, expect, it } from 'vitest';
import type { ReportTable } from './report.js';
import { effectiveThreshold, suppressTable } from './suppression.js';
import { grid, HIDDEN, shown, table } from './suppression-test-support.js';

describe('suppressTable: examples', () => {
  it('hides a 2 in a referrals table and enough other cells that no row or column gives it away', () => {
    // Services × status (made, realised, not realised) with row totals and column totals.
    const referrals = table(
      ['count', 'count', 'count', 'count'],
      [
        [12, 2, 7, 21],
        [8, 6, 10, 24],
        [15, 9, 5, 29],
      ],
      [35, 17, 22, 74],
      true,
    );
    expect(shown(suppressTable(referrals, 5))).toEqual([
      [12, 'x', 'x', 21],
      [8, 'x', 'x', 24],
      [15, 9, 5, 29],
      [35, 17, 22, 74],
    ]);
  });

  it('shows zeros, keeps not-available cells, and never touches measures', () => {
    const t = table(['measure', 'count', 'count'], [[1, 0, 30], [2, null, 4]], null, false);
    expect(shown(suppressTable(t, 5))).toEqual([
      [1, 0, 30],
      [2, '–', 'x'],
    ]);
  });

  it('hides a total below the threshold, and then protects it in the grand-total line', () => {
    // Row 1 totals 3 (1 + 2): both parts and the row total are hidden; the row-total column then
    // has one hidden part, so its smallest other row total is hidden too.
    const t = table(['count', 'count', 'count'], [[1, 2, 3], [10, 20, 30], [40, 50, 90]], [51, 72, 123], true);
    expect(shown(suppressTable(t, 5))).toEqual([
      ['x', 'x', 'x'],
      ['x', 'x', 'x'],
      [40, 50, 90],
      [51, 72, 123],
    ]);
  });

  it('hides the total of a line that has no other non-zero cell to hide', () => {
    // Hiding the 2 hides the 7 beside it (row), then the 5 below it (column 0). Column 1 is then
    // [hidden 7, 0 | 7]: nothing else to hide, so its total goes; and so on until every line is safe.
    const t = table(['count', 'count', 'count'], [[2, 7, 9], [5, 0, 5]], [7, 7, 16], true);
    expect(shown(suppressTable(t, 5))).toEqual([
      ['x', 'x', 'x'],
      ['x', 0, 'x'],
      ['x', 'x', 16],
    ]);
    const nothingSmall = table(['count', 'count', 'count'], [[7, 0, 7]], null, true);
    expect(shown(suppressTable(nothingSmall, 5))).toEqual([[7, 0, 7]]);
  });

  it('hides one more cell when the hidden cells of a line would add up to a small number', () => {
    // 1 + 1 hidden out of 32: the reader would know both are exactly 1, so the 30 goes too.
    const t = table(['count', 'count', 'count', 'count'], [[1, 1, 30, 32]], null, true);
    expect(shown(suppressTable(t, 5))).toEqual([['x', 'x', 'x', 32]]);
    // 2 + 3 = 5 hidden out of 45 is enough: each is somewhere in 1..4.
    const fine = table(['count', 'count', 'count', 'count'], [[2, 3, 40, 45]], null, true);
    expect(shown(suppressTable(fine, 5))).toEqual([['x', 'x', 40, 45]]);
  });

  it('hides more when rows and columns together would pin a hidden cell down', () => {
    // Already hidden: two 2×2 blocks, joined by the 11. Every line has two or more hidden cells, yet
    // rows 0–1 minus columns 0–1 leave only the 11 unknown. Hiding the 10 beside it closes the gap.
    const t = table(
      ['count', 'count', 'count', 'count', 'count'],
      [
        [20, 21, 30, 31, 102],
        [22, 23, 11, 10, 66],
        [32, 33, 24, 25, 114],
        [34, 35, 26, 27, 122],
      ],
      [108, 112, 91, 93, 404],
      true,
    );
    const hide = [[0, 0], [0, 1], [1, 0], [1, 1], [1, 2], [2, 2], [2, 3], [3, 2], [3, 3]];
    for (const [r, c] of hide) t.rows[r!]!.cells[c!] = { value: t.rows[r!]!.cells[c!]!.value, suppressed: true };
    expect(shown(suppressTable(t, 5))).toEqual([
      ['x', 'x', 30, 31, 102],
      ['x', 'x', 'x', 'x', 66],
      [32, 33, 'x', 'x', 114],
      [34, 35, 'x', 'x', 122],
      [108, 112, 91, 93, 404],
    ]);
  });

  it('hides percentages and means resting on a hidden count or a small base, also in the totals row', () => {
    const t = table(
      ['count', 'percent', 'count', 'percent', 'mean', 'count'],
      [
        [2, 10, 18, 90, 4.5, 20],
        [3, 75, 1, 25, 2, 4],
        [10, 50, 10, 50, 5, 20],
      ],
      [15, 34.1, 29, 65.9, 4.2, 44],
      true,
    );
    expect(shown(suppressTable(t, 5))).toEqual([
      ['x', 'x', 'x', 'x', 'x', 'x'],
      ['x', 'x', 'x', 'x', 'x', 'x'],
      [10, 50, 10, 50, 5, 20],
      [15, 34.1, 29, 65.9, 4.2, 44],
    ]);
  });

  it('takes the last count column as the row total, so that a percent may follow it', () => {
    // Referrals by status (made, realised) with the total and then the realisation rate.
    const t = table(
      ['count', 'count', 'count', 'percent'],
      [
        [10, 2, 12, 16.7],
        [8, 12, 20, 60],
      ],
      null,
      true,
    );
    expect(shown(suppressTable(t, 5))).toEqual([
      ['x', 'x', 12, 'x'],
      [8, 12, 20, 60],
    ]);
  });

  it('hides a mean whose row has no hidden count but too small a base', () => {
    // No totals: the base is the sum of the count cells (0 + 0 = 0 people).
    const t = table(['count', 'count', 'mean'], [[0, 0, 0], [6, 7, 3.5]], null, false);
    expect(shown(suppressTable(t, 5))).toEqual([[0, 0, 'x'], [6, 7, 3.5]]);
  });

  it('uses at least the minimum threshold, and the default when the threshold is not a number', () => {
    expect([effectiveThreshold(1), effectiveThreshold(3), effectiveThreshold(10), effectiveThreshold(Number.NaN)]).toEqual([3, 3, 10, 5]);
    const t = table(['count'], [[2], [3], [4]], null, false);
    expect(shown(suppressTable(t, 0))).toEqual([['x'], [3], [4]]);
    expect(shown(suppressTable(t, 10))).toEqual([['x'], ['x'], ['x']]);
  });

  it('does not change its input, and suppresses an already suppressed cell again', () => {
    const t = table(['count', 'count'], [[2, 9]], null, false);
    t.rows[0]!.cells[1] = { value: 9, suppressed: true };
    const before = structuredClone(t);
    expect(shown(suppressTable(t, 5))).toEqual([['x', 'x']]);
    // Hidden without a reason: never claimed to be small.
    expect(suppressTable(t, 5).rows[0]!.cells[1]).toEqual({ ...HIDDEN, reason: 'complementary' });
    expect(t).toEqual(before);
  });
});

describe('suppressTable: shares of a column total', () => {
  it('shows a zero share of a large enough whole, and hides a share whose count or whole is hidden or small', () => {
    const shares = (whole: number, counts: number[]): ReportTable => {
      const t = table(['count', 'percent'], counts.map((n) => [n, whole > 0 ? (n / whole) * 100 : null]), [whole, whole > 0 ? 100 : null], false);
      return { ...t, columns: [t.columns[0]!, { ...t.columns[1]!, shareOf: 'total' }] };
    };
    const reasons = (t: ReportTable) => grid(t).map((row) => row.map((c) => (c.suppressed ? c.reason : Math.round(c.value ?? -1))));
    expect(reasons(suppressTable(shares(51, [0, 2, 49]), 5))).toEqual([[0, 0], ['small', 'derived'], ['complementary', 'derived'], [51, 100]]);
    // 0 of 4: the whole is small, so even the zero share is hidden (nobody of a small group), the zero count is not.
    expect(reasons(suppressTable(shares(4, [0, 4]), 5))).toEqual([[0, 'derived'], ['small', 'derived'], ['small', 'derived']]);
    // Without the mark, a share rests on its whole row: a zero count has a zero base, so its share is hidden.
    const plain = table(['count', 'percent'], [[0, 0], [51, 100]], [51, 100], false);
    expect(reasons(suppressTable(plain, 5))[0]).toEqual([0, 'derived']);
  });
});

describe('suppressTable: a worked example (docs/PRIVACY.md)', () => {
  it('marks a small count, the cells hidden to protect it, and the shares resting on them, each its own way', () => {
    // Visits by urgency with shares: 3 urgent of 51 is small; 48 would give it away; both shares rest on them.
    const urgency = table(['count', 'percent'], [[3, 5.9], [48, 94.1]], [51, 100], false);
    const marks = (t: ReportTable) => grid(t).map((row) => row.map((c) => (c.suppressed ? c.reason : c.value)));
    expect(marks(suppressTable(urgency, 5))).toEqual([
      ['small', 'derived'],
      ['complementary', 'derived'],
      [51, 100],
    ]);
    // Two "<5" adding up to 8 would each be exactly 4: a third cell is hidden with them.
    const pinned = table(['count', 'count', 'count', 'count'], [[4, 4, 30, 38]], null, true);
    expect(marks(suppressTable(pinned, 5))).toEqual([['small', 'small', 'complementary', 38]]);
  });
});
