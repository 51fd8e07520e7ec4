import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportTable } from './report.js';
import { effectiveThreshold, protectionWidth, suppressTable } from './suppression.js';
import { cellId, narrowedCells, tableEquations } from './suppression-check.js';
import { type Built, builtTable, grid, lines } from './suppression-test-support.js';

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

