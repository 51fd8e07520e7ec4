// Shared by the suppression tests: tables from plain numbers, and random tables with consistent totals.
import fc from 'fast-check';
import type { ColumnKind, ReportCell, ReportTable } from './report.js';

export const cell = (value: number | null): ReportCell => ({ value, suppressed: false });
export const HIDDEN = { value: null, suppressed: true };

/** A table from plain numbers (null: not available). */
export function table(kinds: ColumnKind[], rows: (number | null)[][], totals: (number | null)[] | null, hasRowTotals: boolean): ReportTable {
  return {
    key: 'test.table',
    columns: kinds.map((kind, c) => ({ key: `c${c}`, kind, label: null })),
    rows: rows.map((values, r) => ({ key: `r${r}`, label: null, cells: values.map(cell) })),
    totals: totals ? totals.map(cell) : null,
    hasRowTotals,
  };
}

/** The published table as numbers, with 'x' for hidden and '–' for not available. */
export const shown = (t: ReportTable) =>
  [...t.rows.map((row) => row.cells), ...(t.totals ? [t.totals] : [])].map((cells) =>
    cells.map((c) => (c.suppressed ? 'x' : (c.value ?? '–'))),
  );

/** A random table with consistent totals, and where its parts are (to check the lines independently). */
export type Built = { table: ReportTable; counts: number[]; parts: number[]; rowTotal: number | null; percentOf: Map<number, number>; t: number };

export const builtTable = fc
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

export const grid = (t: ReportTable) => [...t.rows.map((row) => row.cells), ...(t.totals ? [t.totals] : [])];

/** Every line (parts adding up to a total) of the built table, rows and columns, as cells of `t`. */
export function lines(b: Built, t: ReportTable): { total: ReportCell; parts: ReportCell[] }[] {
  const g = grid(t);
  const result: { total: ReportCell; parts: ReportCell[] }[] = [];
  if (b.rowTotal !== null) for (const row of g) result.push({ total: row[b.rowTotal]!, parts: b.parts.map((c) => row[c]!) });
  if (t.totals) for (const c of b.counts) result.push({ total: t.totals[c]!, parts: t.rows.map((row) => row.cells[c]!) });
  return result;
}

