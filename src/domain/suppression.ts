import { SUPPRESSION_DEFAULT, SUPPRESSION_MINIMUM, type ReportCell, type ReportTable } from './report.js';

/**
 * Small-number suppression of a report table (domain.md § 3): the table as it may be published.
 *
 * 1. Primary: every `count` cell (row-total column and totals row included) with 0 < value < threshold
 *    is hidden. Zero is shown: it reveals nobody. Not-available cells (null) stay as they are.
 * 2. Complementary: a "line" is a set of parts that add up to a total.
 *    - Row line (when `hasRowTotals` and there are two or more count columns): the row's `count` cells
 *      add up to its row-total cell, in the last `count` column (percent and mean columns may follow
 *      it). Every data row and the totals row has one; the totals row's line ends in the grand total.
 *    - Column line (when `totals` exist): a `count` column's data-row cells (the totals row excluded) add
 *      up to its totals cell. The row-total column has one too, whose parts are the row totals and whose
 *      total is the grand total, so a hidden row total is protected like any other cell.
 *    A line is unsafe when exactly one of its cells, total included, is hidden (found by subtraction, or
 *    as the sum of the parts); or when its total is visible and its hidden parts add up (total − visible
 *    parts) to less than the threshold (the hidden group is small itself) or to their number (zeros are
 *    shown, so each hidden part would be exactly 1). Not-available parts count as known.
 *    An unsafe line gets one more hidden part: preferably one whose other line already has a hidden
 *    cell (or is unsafe itself), so as not to start a new cascade; then the smallest non-zero visible
 *    part; then the first. With no such part, its total is hidden instead.
 *    Lines are visited in a fixed order (rows top-down, then columns left-right) until nothing changes.
 * 3. Combinations of lines: a hidden cell that several lines together pin down (a "bridge", see
 *    closeBridge) gets the fewest, then smallest, visible cells hidden with it; then back to 2.
 * 4. Derived: a row's `percent` and `mean` cells are hidden when any of its `count` cells is hidden, or
 *    when its base (the row total if present, else the sum of its count cells) is below the threshold.
 *    The totals row follows the same rule with its totals. Not-available cells stay not available.
 *    Rows without any `count` cell are left alone. `measure` cells are never touched.
 *
 * Pure and deterministic; never mutates its input; suppressing a suppressed table changes nothing.
 */
export function suppressTable(table: ReportTable, threshold: number): ReportTable {
  const t = effectiveThreshold(threshold);
  const grid = [...table.rows.map((row) => row.cells), ...(table.totals ? [table.totals] : [])].map((cells) =>
    cells.map((cell): ReportCell => (cell.suppressed ? hidden() : { ...cell })),
  );
  const layout = layoutOf(table);

  for (const row of grid) {
    for (const c of layout.counts) {
      const value = row[c]?.value;
      if (value != null && value > 0 && value < t) row[c] = hidden();
    }
  }

  const lines = linesOf(layout, table.rows.length, table.totals !== null);
  const edges = edgesOf(layout, grid.length, table.totals !== null);
  for (let changed = true; changed; ) changed = protectLines(grid, lines, t) || closeBridge(grid, edges);

  for (const row of grid) hideDerived(row, table, layout, t);

  return {
    ...table,
    rows: table.rows.map((row, r) => ({ ...row, cells: grid[r]! })),
    totals: table.totals ? grid[table.rows.length]! : null,
  };
}

/** The threshold actually applied: never below SUPPRESSION_MINIMUM; the default when it is not a number. */
export function effectiveThreshold(threshold: number): number {
  return Number.isNaN(threshold) ? SUPPRESSION_DEFAULT : Math.max(SUPPRESSION_MINIMUM, threshold);
}

type Position = readonly [row: number, column: number];
type Line = { total: Position; parts: Position[] };
type Layout = { counts: number[]; parts: number[]; rowTotal: number | null };
/** A count cell joins its row's line and its column's line; node 0 stands for every line the table lacks. */
type Edge = { position: Position; from: number; to: number };

const hidden = (): ReportCell => ({ value: null, suppressed: true });
const cellAt = (grid: ReportCell[][], [r, c]: Position): ReportCell => grid[r]?.[c] ?? { value: null, suppressed: false };
const isVisibleNumber = (cell: ReportCell): cell is { value: number; suppressed: false } => !cell.suppressed && cell.value !== null;
const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

function layoutOf(table: ReportTable): Layout {
  const counts = table.columns.flatMap((column, c) => (column.kind === 'count' ? [c] : []));
  // The last count column, so that percent or mean columns may follow the row total; it needs parts.
  const rowTotal = table.hasRowTotals && counts.length >= 2 ? counts.at(-1)! : null;
  return { counts, parts: counts.filter((c) => c !== rowTotal), rowTotal };
}

function linesOf(layout: Layout, dataRows: number, hasTotals: boolean): Line[] {
  const lines: Line[] = [];
  const gridRows = dataRows + (hasTotals ? 1 : 0);
  const { rowTotal } = layout;
  if (rowTotal !== null) {
    for (let r = 0; r < gridRows; r++) lines.push({ total: [r, rowTotal], parts: layout.parts.map((c) => [r, c] as const) });
  }
  if (hasTotals) {
    for (const c of rowTotal === null ? layout.parts : [...layout.parts, rowTotal]) {
      lines.push({ total: [dataRows, c], parts: Array.from({ length: dataRows }, (_, r) => [r, c] as const) });
    }
  }
  return lines;
}

function edgesOf(layout: Layout, gridRows: number, hasTotals: boolean): Edge[] {
  const edges: Edge[] = [];
  for (let r = 0; r < gridRows; r++) {
    for (const c of layout.counts) {
      edges.push({ position: [r, c], from: layout.rowTotal === null ? 0 : 1 + r, to: hasTotals ? 1 + gridRows + c : 0 });
    }
  }
  return edges;
}

/** Visits the lines until each is safe; whether it hid anything. */
function protectLines(grid: ReportCell[][], lines: Line[], t: number): boolean {
  let hidAny = false;
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (!isUnsafe(grid, line, t)) continue;
      const target = complementOf(grid, line, lines, t) ?? line.total;
      if (cellAt(grid, target).suppressed) continue; // nothing left to hide (only zeros or missing values)
      grid[target[0]]![target[1]] = hidden();
      changed = hidAny = true;
    }
  }
  return hidAny;
}

const hiddenIn = (grid: ReportCell[][], line: Line) => [line.total, ...line.parts].filter((p) => cellAt(grid, p).suppressed).length;

function isUnsafe(grid: ReportCell[][], line: Line, t: number): boolean {
  const total = cellAt(grid, line.total);
  const cells = line.parts.map((p) => cellAt(grid, p));
  const hiddenParts = cells.filter((cell) => cell.suppressed).length;
  if (total.suppressed) return hiddenParts === 0; // a hidden total is the sum of the visible parts
  if (total.value === null || hiddenParts === 0) return false;
  if (hiddenParts === 1) return true;
  const hiddenSum = total.value - cells.reduce((sum, cell) => sum + (isVisibleNumber(cell) ? cell.value : 0), 0);
  return hiddenSum < t || hiddenSum <= hiddenParts;
}

/** The part to hide next in an unsafe line, or null when only its total is left to hide. */
function complementOf(grid: ReportCell[][], line: Line, lines: Line[], t: number): Position | null {
  let best: { position: Position; calm: boolean; value: number } | null = null;
  for (const position of line.parts) {
    const cell = cellAt(grid, position);
    if (!isVisibleNumber(cell) || cell.value === 0) continue;
    // The other line through this cell is calm when hiding the cell cannot leave it with a single hidden cell.
    const crossing = lines.find((other) => other !== line && [other.total, ...other.parts].some((p) => same(p, position)));
    const calm = crossing === undefined || hiddenIn(grid, crossing) > 0 || isUnsafe(grid, crossing, t);
    if (best === null || (calm && !best.calm) || (calm === best.calm && cell.value < best.value)) {
      best = { position, calm, value: cell.value };
    }
  }
  return best?.position ?? null;
}

/**
 * Lines protect cells one at a time; combinations of lines can still pin a hidden cell down. Seen as a
 * graph (a node per line, one shared node for lines the table does not have, an edge per count cell),
 * a hidden cell is determined exactly when it is a bridge among the hidden cells: summing the lines on
 * one side of it leaves only that cell. The first such cell (row by row) gets a cycle: the fewest, then
 * smallest, visible non-zero cells that join its two sides are hidden. Whether it hid anything.
 */
function closeBridge(grid: ReportCell[][], edges: Edge[]): boolean {
  const hiddenEdges = edges.filter((e) => e.from !== e.to && cellAt(grid, e.position).suppressed);
  for (const bridge of hiddenEdges) {
    if (connected(hiddenEdges, bridge)) continue;
    const path = cheapestPath(grid, edges, bridge);
    if (path === null || path.length === 0) continue;
    for (const e of path) grid[e.position[0]]![e.position[1]] = hidden();
    return true;
  }
  return false;
}

function connected(hiddenEdges: Edge[], without: Edge): boolean {
  const seen = new Set([without.from]);
  for (let frontier = [without.from]; frontier.length > 0; ) {
    const node = frontier.pop()!;
    for (const e of hiddenEdges) {
      const next = e === without ? null : e.from === node ? e.to : e.to === node ? e.from : null;
      if (next === null || seen.has(next)) continue;
      if (next === without.to) return true;
      seen.add(next);
      frontier.push(next);
    }
  }
  return false;
}

/** The visible cells to hide so that `bridge` lies on a cycle: Dijkstra by (cells to hide, their sum). */
function cheapestPath(grid: ReportCell[][], edges: Edge[], bridge: Edge): Edge[] | null {
  type Cost = [cells: number, sum: number];
  const less = (a: Cost, b: Cost) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  const cost = new Map<number, Cost>([[bridge.from, [0, 0]]]);
  const via = new Map<number, Edge>();
  const done = new Set<number>();
  for (;;) {
    let node: number | null = null;
    for (const [n, c] of cost) if (!done.has(n) && (node === null || less(c, cost.get(node)!))) node = n;
    if (node === null) return null;
    if (node === bridge.to) break;
    done.add(node);
    for (const e of edges) {
      const next = e === bridge || e.from === e.to ? null : e.from === node ? e.to : e.to === node ? e.from : null;
      const cell = cellAt(grid, e.position);
      const step: Cost | null = cell.suppressed ? [0, 0] : isVisibleNumber(cell) && cell.value !== 0 ? [1, cell.value] : null;
      if (next === null || step === null || done.has(next)) continue;
      const here = cost.get(node)!;
      const there: Cost = [here[0] + step[0], here[1] + step[1]];
      const known = cost.get(next);
      if (known === undefined || less(there, known)) {
        cost.set(next, there);
        via.set(next, e);
      }
    }
  }
  const path: Edge[] = [];
  for (let node = bridge.to; node !== bridge.from; ) {
    const e = via.get(node)!;
    path.push(e);
    node = e.from === node ? e.to : e.from;
  }
  return path.filter((e) => !cellAt(grid, e.position).suppressed);
}

function hideDerived(row: ReportCell[], table: ReportTable, layout: Layout, t: number): void {
  if (layout.counts.length === 0) return;
  const anyHidden = layout.counts.some((c) => row[c]?.suppressed === true);
  const totalValue = layout.rowTotal === null ? null : (row[layout.rowTotal]?.value ?? null);
  const base = totalValue ?? layout.parts.reduce((sum, c) => sum + (row[c]?.value ?? 0), 0);
  if (!anyHidden && base >= t) return;
  table.columns.forEach((column, c) => {
    const cell = row[c];
    if ((column.kind === 'percent' || column.kind === 'mean') && cell && (cell.suppressed || cell.value !== null)) row[c] = hidden();
  });
}
