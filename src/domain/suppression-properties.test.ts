import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportTable } from './report.js';
import { effectiveThreshold, protectionWidth, suppressTable } from './suppression.js';
import { cellId, narrowedCells, tableEquations } from './suppression-check.js';
import { type Built, builtTable, grid, lines } from './suppression-test-support.js';
import { suppressComparison } from './comparison-suppression.js';

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
 * The unknowns that the equations determine exactly: unit vector e_k lies in the row space exactly when,
 * in the reduced row echelon form, some row is e_k itself (any combination equal to e_k is the pivot
 * row of k, as every other pivot coefficient of e_k is 0).
 */
function determinedUnknowns(matrix: number[][], width: number): Set<number> {
  const m = matrix.map((row) => [...row]);
  const found = new Set<number>();
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    const p = m[r]![c]!;
    for (let j = 0; j < width; j++) m[r]![j]! /= p;
    for (let i = 0; i < m.length; i++) {
      if (i === r || Math.abs(m[i]![c]!) < 1e-12) continue;
      const f = m[i]![c]!;
      for (let j = 0; j < width; j++) m[i]![j]! -= f * m[r]![j]!;
    }
    r++;
  }
  for (let i = 0; i < r; i++) {
    const nonzero = m[i]!.flatMap((v, j) => (Math.abs(v) > 1e-9 ? [j] : []));
    if (nonzero.length === 1) found.add(nonzero[0]!);
  }
  return found;
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


/**
 * A comparison is one report with one suppression pass (suppressComparison): the two sides' cells
 * are published together. Random scopes: an overlap I and each side's rest (y, z), v₁ = I + y and
 * v₂ = I + z cell by cell; half the time nested (the second side lies inside the first: z = 0, and the
 * reader knows it). Checked by linear algebra, independently of the pass's own interval reasoning: no
 * hidden cell of either side, and no small unpublished piece (I, y or z between 1 and N − 1), is
 * determined by the lines of all five tables and the sums between them.
 */
describe('suppressComparison: no hidden value can be worked out across the compared columns', () => {
  /** A table of the built table's shape with other counts (shares, means and totals worked out). */
  function shaped(b: Built, counts: number[][]): ReportTable {
    const kinds = b.table.columns.map((c) => c.kind);
    const line = (values: number[]) => {
      const cells: (number | null)[] = kinds.map((k) => (k === 'measure' ? 0 : null));
      const base = values.reduce((a, v) => a + v, 0);
      values.forEach((v, j) => (cells[b.parts[j]!] = v));
      for (const [p, c] of b.percentOf) cells[p] = base === 0 ? null : ((cells[c] as number) / base) * 100;
      kinds.forEach((k, i) => k === 'mean' && (cells[i] = base / values.length));
      if (b.rowTotal !== null) cells[b.rowTotal] = base;
      return cells.map((value) => ({ value, suppressed: false }));
    };
    const sums = b.parts.map((_, j) => counts.reduce((sum, row) => sum + row[j]!, 0));
    return { ...b.table, rows: counts.map((row, r) => ({ key: `r${r}`, label: null, cells: line(row) })), totals: b.table.totals ? line(sums) : null };
  }
  const countsLike = (b: Built) =>
    fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 20 })), { minLength: b.parts.length, maxLength: b.parts.length }), {
      minLength: b.table.rows.length,
      maxLength: b.table.rows.length,
    });
  const compared = builtTable
    .filter((b) => b.parts.length > 0 && b.parts.length <= 3 && b.table.rows.length <= 4)
    .chain((b) => fc.record({ b: fc.constant(b), i: countsLike(b), y: countsLike(b), z: countsLike(b), nested: fc.boolean() }));
  const add = (a: number[][], b: number[][]) => a.map((row, r) => row.map((v, c) => v + b[r]![c]!));

  it('leaves every hidden cell and every small piece undetermined', () => {
    fc.assert(
      fc.property(compared, ({ b, i, y, z: zRaw, nested }) => {
        const threshold = effectiveThreshold(b.t);
        const z = nested ? zRaw.map((row) => row.map(() => 0)) : zRaw;
        const [overlap, restY, restZ] = [shaped(b, i), shaped(b, y), shaped(b, z)];
        const [v1, v2] = [shaped(b, add(i, y)), shaped(b, add(i, z))];
        const [p1, p2] = suppressComparison([[v1], [v2]], { tables: [overlap], restEmpty: [false, nested] }, { threshold: b.t, suppress: suppressTable, relink: (x) => x, additive: () => true }).map((side) => side[0]!);

        // Unknowns: the hidden cells of both sides and every cell of the pieces (z is known to be 0 when nested).
        const count = (t: ReportTable) => grid(t).flatMap((row, r) => b.counts.map((c) => ({ r, c, cell: row[c]! })));
        const unknowns: string[] = [];
        const truth = new Map<string, number>();
        const note = (name: string, t: ReportTable, raw: ReportTable, always: boolean) =>
          count(t).forEach(({ r, c, cell }) => {
            if (!always && !cell.suppressed) return;
            unknowns.push(`${name}${r},${c}`);
            truth.set(`${name}${r},${c}`, grid(raw)[r]![c]!.value!);
          });
        note('a', p1!, v1, false);
        note('b', p2!, v2, false);
        note('I', overlap, overlap, true);
        note('Y', restY, restY, true);
        if (!nested) note('Z', restZ, restZ, true);
        // Each equation as coefficients over the unknowns (known cells only move the constant, which rank ignores).
        const equations: number[][] = [];
        const term = (row: number[], name: string, r: number, c: number, sign: number) => {
          const k = unknowns.indexOf(`${name}${r},${c}`);
          if (k >= 0) row[k]! += sign;
        };
        const tableLines = (name: string, t: ReportTable) => {
          const g = grid(t);
          const push = (parts: [number, number][], total: [number, number]) => {
            const row = unknowns.map(() => 0);
            for (const [r, c] of parts) term(row, name, r, c, 1);
            term(row, name, total[0], total[1], -1);
            equations.push(row);
          };
          if (b.rowTotal !== null) g.forEach((_, r) => push(b.parts.map((c) => [r, c]), [r, b.rowTotal!]));
          if (t.totals) for (const c of b.counts) push(t.rows.map((_, r) => [r, c]), [t.rows.length, c]);
        };
        for (const [name, t] of [['a', p1!], ['b', p2!], ['I', overlap], ['Y', restY], ['Z', restZ]] as const) tableLines(name, t);
        count(v1).forEach(({ r, c }) => {
          for (const [side, rest] of [['a', 'Y'], ['b', 'Z']] as const) {
            const row = unknowns.map(() => 0);
            term(row, 'I', r, c, 1);
            term(row, rest, r, c, 1);
            term(row, side, r, c, -1);
            equations.push(row);
          }
        });
        const solved = determinedUnknowns(equations, unknowns.length);
        const determined = unknowns.filter((name, k) => {
          const isPiece = !'ab'.includes(name[0]!);
          const value = truth.get(name)!;
          if (isPiece && !(value >= 1 && value < threshold)) return false;
          return solved.has(k);
        });
        expect(determined).toEqual([]);
        // Marks stay honest: a hidden count of either side is small only when it is.
        for (const [published, raw] of [[p1!, v1], [p2!, v2]] as const) {
          count(published).forEach(({ r, c, cell }) => {
            const value = grid(raw)[r]![c]!.value!;
            if (cell.reason === 'small') expect(value >= 1 && value < threshold).toBe(true);
            if (cell.reason === 'complementary') expect(value).toBeGreaterThanOrEqual(threshold);
          });
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 200) },
    );
  }, 300_000);

  it('catches what two separate passes miss: all sites 9 beside one site 7 gives the other sites’ 2 away', () => {
    const b: Built = { table: { key: 'k', columns: [{ key: 'c', kind: 'count', label: null }], rows: [{ key: 'r', label: null, cells: [{ value: 0, suppressed: false }] }], totals: null, hasRowTotals: false }, counts: [0], parts: [0], rowTotal: null, percentOf: new Map(), t: 5 };
    const [all, one, overlap] = [shaped(b, [[9]]), shaped(b, [[7]]), shaped(b, [[7]])];
    const apart = [suppressTable(all, 5), suppressTable(one, 5)];
    expect(apart.map((t) => t.rows[0]!.cells[0])).toEqual([{ value: 9, suppressed: false }, { value: 7, suppressed: false }]);
    const [p1, p2] = suppressComparison([[all], [one]], { tables: [overlap], restEmpty: [false, true] }, { threshold: 5, suppress: suppressTable, relink: (x) => x, additive: () => true });
    expect([p1[0]!.rows[0]!.cells[0], p2[0]!.rows[0]!.cells[0]]).toEqual([{ value: 9, suppressed: false }, { value: null, suppressed: true, reason: 'complementary' }]);
  });
});
