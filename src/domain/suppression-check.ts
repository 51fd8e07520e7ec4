import type { ReportCell, ReportTable } from './report.js';

/**
 * An independent check of a published report (used by the tests, not by the report itself): what a
 * reader can work out about each hidden count from everything published — the visible figures, the
 * marks (a "<5" holds 1 … 4, a complementary cell a count that was not small) and the sums that hold
 * between cells, in one table or across tables.
 *
 * Method: interval propagation to a fixpoint over linear equations with coefficients ±1. It is sound
 * in the sense that every value consistent with the published cells lies inside the interval it gives
 * (each step only uses a true consequence of one equation). It is not complete: for two-dimensional
 * tables a combination of several rows and columns can pin a cell down more than propagation finds
 * (the suppression tests check exact determination separately, by linear algebra).
 */

/** Σ parts = total, cells named by id; a link between tables is an equation with one part. */
export type Equation = { parts: string[]; total: string };
export type Interval = readonly [lo: number, hi: number];

/** A reader's starting knowledge of one count cell. */
export function knownRange(cell: ReportCell, threshold: number): Interval {
  if (!cell.suppressed) return cell.value === null ? [0, 0] : [cell.value, cell.value];
  if (cell.reason === 'small') return [1, threshold - 1];
  if (cell.reason === 'complementary') return [threshold, Number.POSITIVE_INFINITY];
  // Linked (its twin's mark tells more, through the link equation), derived or unknown: a count, no more.
  return [0, Number.POSITIVE_INFINITY];
}

/** Interval of every cell named in the equations, starting from `start`. */
export function propagate(start: Map<string, Interval>, equations: Equation[]): Map<string, Interval> {
  const range = new Map(start);
  const at = (id: string): Interval => range.get(id) ?? [0, Number.POSITIVE_INFINITY];
  // Written as Σ coefficient · x = 0: parts +1, total −1.
  const terms = equations.map((e) => [...e.parts.map((id) => ({ id, sign: 1 })), { id: e.total, sign: -1 }]);
  for (let round = 0, moved = true; moved && round < 500; round++) {
    moved = false;
    for (const equation of terms) {
      for (const term of equation) {
        // sign · x = −Σ others: bound the others' sum, term by term, then solve for x.
        let low = 0;
        let high = 0;
        for (const other of equation) {
          if (other === term) continue;
          const [l, h] = at(other.id);
          const lowPart = other.sign > 0 ? -h : l;
          const highPart = other.sign > 0 ? -l : h;
          low += lowPart;
          high += highPart;
        }
        const [l, h] = term.sign > 0 ? [low, high] : [-high, -low];
        const [cl, ch] = at(term.id);
        const next: Interval = [Math.max(cl, l), Math.min(ch, h)];
        if (next[0] > cl || next[1] < ch) {
          range.set(term.id, next);
          moved = true;
        }
      }
    }
  }
  return range;
}

/** Cell ids of a table: `key!r!c`, the totals row as row index rows.length. */
export const cellId = (table: ReportTable, row: number, column: number): string => `${table.key}!${row}!${column}`;

/** The sums a table states: each row's count parts add up to its row total; each count column to its total. */
export function tableEquations(table: ReportTable): Equation[] {
  const counts = table.columns.flatMap((c, i) => (c.kind === 'count' ? [i] : []));
  const rowTotal = table.hasRowTotals && counts.length >= 2 ? counts.at(-1)! : null;
  const parts = counts.filter((c) => c !== rowTotal);
  const rowCount = table.rows.length + (table.totals ? 1 : 0);
  const equations: Equation[] = [];
  if (rowTotal !== null) {
    for (let r = 0; r < rowCount; r++) equations.push({ parts: parts.map((c) => cellId(table, r, c)), total: cellId(table, r, rowTotal) });
  }
  if (table.totals) {
    for (const c of counts) equations.push({ parts: table.rows.map((_, r) => cellId(table, r, c)), total: cellId(table, table.rows.length, c) });
  }
  return equations;
}

/** Every count cell of the tables, with the reader's knowledge of it and (for hidden ones) the truth. */
export function countCells(tables: ReportTable[], threshold: number): Map<string, { cell: ReportCell; known: Interval }> {
  const cells = new Map<string, { cell: ReportCell; known: Interval }>();
  for (const table of tables) {
    const grid = [...table.rows.map((r) => r.cells), ...(table.totals ? [table.totals] : [])];
    grid.forEach((row, r) =>
      table.columns.forEach((column, c) => {
        const cell = row[c];
        if (column.kind === 'count' && cell) cells.set(cellId(table, r, c), { cell, known: knownRange(cell, threshold) });
      }),
    );
  }
  return cells;
}

export type Finding = { id: string; interval: Interval; width: number };

/**
 * The hidden counts a reader can narrow to an interval of width (hi − lo) below `width`, unless the marks
 * and the zeros alone (every other visible count taken as unknown) already narrow it that far: then no
 * choice of complementary cells could do better.
 */
export function narrowedCells(tables: ReportTable[], equations: Equation[], threshold: number, width: number): Finding[] {
  const cells = countCells(tables, threshold);
  const published = propagate(new Map([...cells].map(([id, x]) => [id, x.known])), equations);
  // Zeros are always shown (they reveal nobody), so they stay known here too.
  const marksOnly = propagate(new Map([...cells].map(([id, x]) => [id, x.cell.suppressed || x.cell.value === null || x.cell.value === 0 ? x.known : [0, Number.POSITIVE_INFINITY]])), equations);
  const findings: Finding[] = [];
  for (const [id, { cell }] of cells) {
    if (!cell.suppressed) continue;
    const interval = published.get(id)!;
    const floor = marksOnly.get(id)!;
    const w = interval[1] - interval[0];
    if (w < Math.min(width, floor[1] - floor[0])) findings.push({ id, interval, width: w });
  }
  return findings;
}
