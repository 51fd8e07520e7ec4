import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnKind, ReportCell, ReportTable } from './report.js';
import { effectiveThreshold, protectionWidth, suppressTable } from './suppression.js';
import { cellId, narrowedCells, tableEquations } from './suppression-check.js';

const cell = (value: number | null): ReportCell => ({ value, suppressed: false });
const HIDDEN = { value: null, suppressed: true };

/** A table from plain numbers (null: not available). */
function table(kinds: ColumnKind[], rows: (number | null)[][], totals: (number | null)[] | null, hasRowTotals: boolean): ReportTable {
  return {
    key: 'test.table',
    columns: kinds.map((kind, c) => ({ key: `c${c}`, kind, label: null })),
    rows: rows.map((values, r) => ({ key: `r${r}`, label: null, cells: values.map(cell) })),
    totals: totals ? totals.map(cell) : null,
    hasRowTotals,
  };
}

/** The published table as numbers, with 'x' for hidden and '–' for not available. */
const shown = (t: ReportTable) =>
  [...t.rows.map((row) => row.cells), ...(t.totals ? [t.totals] : [])].map((cells) =>
    cells.map((c) => (c.suppressed ? 'x' : (c.value ?? '–'))),
  );

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

/** A random table with consistent totals, and where its parts are (to check the lines independently). */
type Built = { table: ReportTable; counts: number[]; parts: number[]; rowTotal: number | null; percentOf: Map<number, number>; t: number };

const builtTable = fc
  .record({
    rows: fc.integer({ min: 1, max: 8 }),
    columns: fc.integer({ min: 1, max: 6 }),
    hasRowTotals: fc.boolean(),
    hasTotals: fc.boolean(),
    withPercent: fc.boolean(),
    withMeasure: fc.boolean(),
    meanAfterTotal: fc.boolean(),
    t: fc.integer({ min: 0, max: 10 }),
  })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      // Half small numbers, so that suppression has work to do.
      counts: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 })), { minLength: shape.columns, maxLength: shape.columns }), {
        minLength: shape.rows,
        maxLength: shape.rows,
      }),
      measures: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: shape.rows, maxLength: shape.rows }),
    }),
  )
  .map(({ shape, counts, measures }): Built => {
    const kinds: ColumnKind[] = [];
    const partColumns: number[] = [];
    const percentOf = new Map<number, number>();
    if (shape.withMeasure) kinds.push('measure');
    for (let j = 0; j < shape.columns; j++) {
      partColumns.push(kinds.push('count') - 1);
      if (shape.withPercent) percentOf.set(kinds.push('percent') - 1, partColumns[j]!);
    }
    // The row total is the last count column: a mean may come before or after it.
    let meanColumn = shape.meanAfterTotal ? -1 : kinds.push('mean') - 1;
    const rowTotal = shape.hasRowTotals ? kinds.push('count') - 1 : null;
    if (shape.meanAfterTotal) meanColumn = kinds.push('mean') - 1;
    const line = (values: number[], measure: number) => {
      const cells: (number | null)[] = new Array<number | null>(kinds.length).fill(null);
      const base = values.reduce((a, b) => a + b, 0);
      if (shape.withMeasure) cells[0] = measure;
      values.forEach((v, j) => (cells[partColumns[j]!] = v));
      for (const [p, c] of percentOf) cells[p] = base === 0 ? null : ((cells[c] as number) / base) * 100;
      cells[meanColumn] = base / values.length;
      if (rowTotal !== null) cells[rowTotal] = base;
      return cells;
    };
    const columnSums = partColumns.map((_, j) => counts.reduce((sum, row) => sum + row[j]!, 0));
    const t = table(
      kinds,
      counts.map((row, r) => line(row, measures[r]!)),
      shape.hasTotals ? line(columnSums, measures.reduce((a, b) => a + b, 0)) : null,
      shape.hasRowTotals,
    );
    const countColumns = rowTotal === null ? partColumns : [...partColumns, rowTotal];
    return { table: t, counts: countColumns, parts: partColumns, rowTotal, percentOf, t: shape.t };
  });

const grid = (t: ReportTable) => [...t.rows.map((row) => row.cells), ...(t.totals ? [t.totals] : [])];

/** Every line (parts adding up to a total) of the built table, rows and columns, as cells of `t`. */
function lines(b: Built, t: ReportTable): { total: ReportCell; parts: ReportCell[] }[] {
  const g = grid(t);
  const result: { total: ReportCell; parts: ReportCell[] }[] = [];
  if (b.rowTotal !== null) for (const row of g) result.push({ total: row[b.rowTotal]!, parts: b.parts.map((c) => row[c]!) });
  if (t.totals) for (const c of b.counts) result.push({ total: t.totals[c]!, parts: t.rows.map((row) => row.cells[c]!) });
  return result;
}

describe('suppressTable: properties', () => {
  const runs = { numRuns: 400 };

  it('shows no count between 1 and threshold − 1', () => {
    fc.assert(
      fc.property(builtTable, (b) => {
        const threshold = effectiveThreshold(b.t);
        for (const row of grid(suppressTable(b.table, b.t))) {
          for (const c of b.counts) {
            const cell = row[c]!;
            if (!cell.suppressed) expect(cell.value === 0 || (cell.value ?? 0) >= threshold).toBe(true);
          }
        }
      }),
      runs,
    );
  });

  it('leaves no line (parts and total) with exactly one hidden cell, nor hidden parts adding up to a small number', () => {
    fc.assert(
      fc.property(builtTable, (b) => {
        const threshold = effectiveThreshold(b.t);
        for (const { total, parts } of lines(b, suppressTable(b.table, b.t))) {
          const hiddenParts = parts.filter((p) => p.suppressed).length;
          // A hidden total with every part shown is their sum: count the total as one of the line's cells.
          expect(hiddenParts + (total.suppressed ? 1 : 0)).not.toBe(1);
          if (total.suppressed) continue;
          if (hiddenParts > 0) {
            const hiddenSum = total.value! - parts.reduce((sum, p) => sum + (p.value ?? 0), 0);
            expect(hiddenSum).toBeGreaterThanOrEqual(threshold);
            expect(hiddenSum).toBeGreaterThan(hiddenParts);
          }
        }
      }),
      runs,
    );
  });

  it('changes no visible value, only hides, and leaves its input alone', () => {
    fc.assert(
      fc.property(builtTable, (b) => {
        const before = structuredClone(b.table);
        const after = suppressTable(b.table, b.t);
        expect(b.table).toEqual(before);
        expect(after.columns).toEqual(before.columns);
        grid(after).forEach((row, r) =>
          row.forEach((cell, c) => {
            const original = grid(before)[r]![c]!;
            expect(cell.suppressed ? cell.value : cell).toEqual(cell.suppressed ? null : original);
            if (before.columns[c]!.kind === 'measure') expect(cell).toEqual(original);
          }),
        );
      }),
      runs,
    );
  });

  it('shows a percentage only when every count of its row is shown and the base is large enough', () => {
    fc.assert(
      fc.property(builtTable, (b) => {
        const threshold = effectiveThreshold(b.t);
        for (const row of grid(suppressTable(b.table, b.t))) {
          for (const [p] of b.percentOf) {
            if (row[p]!.value === null) continue;
            expect(b.counts.every((c) => !row[c]!.suppressed)).toBe(true);
            expect(b.parts.reduce((sum, c) => sum + row[c]!.value!, 0)).toBeGreaterThanOrEqual(threshold);
          }
        }
      }),
      runs,
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(builtTable, (b) => {
        const once = suppressTable(b.table, b.t);
        expect(suppressTable(once, b.t)).toEqual(once);
      }),
      runs,
    );
  });

  it('treats a threshold below the minimum as the minimum', () => {
    fc.assert(
      fc.property(builtTable, fc.integer({ min: -5, max: 2 }), (b, low) => {
        expect(suppressTable(b.table, low)).toEqual(suppressTable(b.table, 3));
      }),
      runs,
    );
  });
});

/** Rank of a small matrix by Gaussian elimination (entries are small integers; a tolerance is enough). */
function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      for (let j = c; j < m[i]!.length; j++) m[i]![j]! -= f * m[r]![j]!;
    }
    r++;
  }
  return r;
}

/**
 * The hidden cells that some combination of the table's lines determines exactly: cell x is determined
 * when its unit vector lies in the row space of the lines' equations over the hidden cells.
 */
function determinedCells(b: Built, t: ReportTable): string[] {
  const g = grid(t);
  const unknowns: string[] = [];
  g.forEach((row, r) => b.counts.forEach((c) => row[c]!.suppressed && unknowns.push(`${r},${c}`)));
  const equation = (parts: [number, number][], total: [number, number]) => {
    const coefficients = unknowns.map(() => 0);
    for (const [r, c] of parts) if (g[r]![c]!.suppressed) coefficients[unknowns.indexOf(`${r},${c}`)] = 1;
    if (g[total[0]]![total[1]]!.suppressed) coefficients[unknowns.indexOf(`${total[0]},${total[1]}`)] = -1;
    return coefficients;
  };
  const equations: number[][] = [];
  if (b.rowTotal !== null) g.forEach((_, r) => equations.push(equation(b.parts.map((c) => [r, c]), [r, b.rowTotal!])));
  if (t.totals) for (const c of b.counts) equations.push(equation(t.rows.map((_, r) => [r, c]), [t.rows.length, c]));
  const base = rank(equations);
  return unknowns.filter((_, i) => rank([...equations, unknowns.map((__, j) => (i === j ? 1 : 0))]) === base);
}

describe('suppressTable: no hidden cell can be worked out', () => {
  it('leaves every hidden cell undetermined by any combination of rows, columns and totals', () => {
    fc.assert(
      fc.property(builtTable, (b) => {
        expect(determinedCells(b, suppressTable(b.table, b.t))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('suppressTable: honest marks', () => {
  const runs = { numRuns: 400 };

  it('says why each cell is hidden, and the reason is true', () => {
    fc.assert(
      fc.property(builtTable, (b) => {
        const threshold = effectiveThreshold(b.t);
        const before = grid(b.table);
        grid(suppressTable(b.table, b.t)).forEach((row, r) =>
          row.forEach((cell, c) => {
            if (!cell.suppressed) return;
            const kind = b.table.columns[c]!.kind;
            const original = before[r]![c]!.value;
            if (cell.reason === 'small') expect(kind === 'count' && original !== null && original >= 1 && original < threshold).toBe(true);
            else if (cell.reason === 'complementary') expect(kind === 'count' && original !== null && original >= threshold).toBe(true);
            else expect([cell.reason, kind === 'percent' || kind === 'mean']).toEqual(['derived', true]);
          }),
        );
      }),
      runs,
    );
  });

  it('lets no hidden count be narrowed, from the published cells and marks, below the protection width', () => {
    fc.assert(
      fc.property(builtTable, (b) => {
        const threshold = effectiveThreshold(b.t);
        const published = suppressTable(b.table, b.t);
        const findings = narrowedCells([published], tableEquations(published), threshold, protectionWidth(threshold));
        expect(findings).toEqual([]);
      }),
      { numRuns: Number(process.env.RUNS ?? 1000) },
    );
  });

  it('keeps every true value inside the interval the checker gives (the checker and the marks are sound)', () => {
    fc.assert(
      fc.property(builtTable, (b) => {
        const threshold = effectiveThreshold(b.t);
        const published = suppressTable(b.table, b.t);
        const before = grid(b.table);
        const all = narrowedCells([published], tableEquations(published), threshold, Number.POSITIVE_INFINITY);
        for (const { id, interval } of all) {
          const [, r, c] = id.split('!').map(Number);
          const truth = before[r!]![c!]!.value!;
          expect(truth >= interval[0] && truth <= interval[1], `${id} = ${truth} in ${interval.join('…')}`).toBe(true);
        }
        expect(cellId(published, 0, 0)).toBe('test.table!0!0');
      }),
      runs,
    );
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
