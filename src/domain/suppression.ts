import { SUPPRESSION_DEFAULT, SUPPRESSION_MINIMUM, type ReportCell, type ReportTable, type SuppressionReason } from './report.js';

/**
 * Small-number suppression of a report table (domain.md § 3): the table as it may be published.
 *
 * Every hidden cell says why (`reason`, docs/PRIVACY.md), and the reader is told: a `small` cell holds
 * 1 … threshold − 1, a `complementary` one a count that was not small (threshold or more). The lines
 * below are therefore judged with what those marks give away (see `boundsOf`), not only the numbers.
 *
 * 1. Primary (`small`): every `count` cell (row-total column and totals row included) with
 *    0 < value < threshold is hidden. Zero is shown: it reveals nobody. Not-available cells (null) stay.
 * 2. Complementary: a "line" is a set of parts that add up to a total.
 *    - Row line (when `hasRowTotals` and there are two or more count columns): the row's `count` cells
 *      add up to its row-total cell, in the last `count` column (percent and mean columns may follow
 *      it). Every data row and the totals row has one; the totals row's line ends in the grand total.
 *    - Column line (when `totals` exist): a `count` column's data-row cells (the totals row excluded) add
 *      up to its totals cell. The row-total column has one too, whose parts are the row totals and whose
 *      total is the grand total, so a hidden row total is protected like any other cell.
 *    Each hidden cell's feasible interval is worked out from every line of the table at once (interval
 *    propagation to a fixpoint, starting from the marks' own ranges; see `feasibleIntervals`). A line is
 *    unsafe when one of its hidden cells is left an interval narrower than `protectionWidth` (for the
 *    threshold 5: three possible values). This covers one hidden cell in a line (found by subtraction),
 *    hidden parts adding up to a small number, and honest marks pinning each other down (two "<5"
 *    adding up to 8 are both 4). Not-available parts count as known (zero).
 *    An unsafe line gets one more hidden part (`complementary`): preferably one whose other line already has a hidden
 *    cell (or is unsafe itself), so as not to start a new cascade; then the smallest non-zero visible
 *    part (the cost: hide the least, and totals, the headline figures, last); with no such part, its
 *    total is hidden instead.
 *    Lines are visited in a fixed order (rows top-down, then columns left-right) until nothing changes.
 * 3. Combinations of lines: a hidden cell that several lines together pin down (a "bridge", see
 *    closeBridge) gets the fewest, then smallest, visible cells hidden with it; then back to 2.
 *    A percent column marked `shareOf: 'total'` is instead its count's share of the column total: hidden
 *    when that count or that total is hidden or the total is below the threshold (so 0 of 51 shows 0 %).
 *    A column with `basis: 'otherTable'` is left to the linking step (src/server/reports/linked-suppression.ts).
 * 4. Derived (`derived`): a row's `percent` and `mean` cells are hidden when any of its `count` cells is hidden, or
 *    when its base (the row total if present, else the sum of its count cells) is below the threshold.
 *    The totals row follows the same rule with its totals. Not-available cells stay not available.
 *    Rows without any `count` cell are left alone. `measure` cells are never touched.
 *
 * Pure and deterministic; never mutates its input; suppressing a suppressed table changes nothing.
 */
export function suppressTable(table: ReportTable, threshold: number): ReportTable {
  const t = effectiveThreshold(threshold);
  const grid = [...table.rows.map((row) => row.cells), ...(table.totals ? [table.totals] : [])].map((cells) =>
    cells.map((cell): ReportCell => (cell.suppressed ? hidden(cell.reason ?? 'complementary') : { ...cell })),
  );
  const layout = layoutOf(table);

  for (const row of grid) {
    for (const c of layout.counts) {
      const value = row[c]?.value;
      if (value != null && value > 0 && value < t) row[c] = hidden('small');
    }
  }

  const lines = linesOf(layout, table.rows.length, table.totals !== null);
  const edges = edgesOf(layout, grid.length, table.totals !== null);
  for (let changed = true; changed; ) changed = protectLines(grid, lines, t) || closeBridge(grid, edges);

  const totals = table.totals ? grid[table.rows.length]! : null;
  for (const row of grid) hideDerived(row, table, layout, t, totals);

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

const hidden = (reason: SuppressionReason): ReportCell => ({ value: null, suppressed: true, reason });
const cellAt = (grid: ReportCell[][], [r, c]: Position): ReportCell => grid[r]?.[c] ?? { value: null, suppressed: false };
const isVisibleNumber = (cell: ReportCell): cell is { value: number; suppressed: false } => !cell.suppressed && cell.value !== null;

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

/**
 * Hides one complementary cell at a time until every line is safe; whether it hid anything. Lines are
 * judged alone first (so that a line is only blamed for what it gives away itself), then, when each is
 * safe alone, together (a cell narrowed only by several lines at once).
 */
function protectLines(grid: ReportCell[][], lines: Line[], t: number): boolean {
  const known = (cell: ReportCell) => markRange(cell, t);
  // What the marks and the zeros alone give away (every other visible count unknown): the most any
  // hiding can achieve, as zeros are always shown.
  const marksOnly = (cell: ReportCell): Interval => (cell.suppressed || cell.value === null || cell.value === 0 ? markRange(cell, t) : [0, Infinity]);
  // Whether a line is unsafe alone depends on its own cells only: the answer is kept until one of its
  // cells is hidden (re-judging every line after each hidden cell made long tables slow).
  const aloneVerdict = new Map<Line, boolean>();
  const unsafeAlone = (line: Line) => {
    let verdict = aloneVerdict.get(line);
    if (verdict === undefined) {
      verdict = smallHiddenSum(grid, line, t) || isUnsafe(grid, line, feasibleIntervals(grid, [line], known), feasibleIntervals(grid, [line], marksOnly), t);
      aloneVerdict.set(line, verdict);
    }
    return verdict;
  };
  const linesThrough = new Map<string, Line[]>();
  for (const line of lines) for (const p of [line.total, ...line.parts]) linesThrough.set(key(p), [...(linesThrough.get(key(p)) ?? []), line]);
  let hidAny = false;
  for (let changed = true; changed; ) {
    changed = false;
    let unsafe = lines.filter(unsafeAlone);
    if (unsafe.length === 0) {
      const intervals = feasibleIntervals(grid, lines, known);
      const best = feasibleIntervals(grid, lines, marksOnly);
      unsafe = lines.filter((line) => isUnsafe(grid, line, intervals, best, t));
    }
    for (const line of unsafe) {
      const target = complementOf(grid, line, linesThrough, unsafeAlone) ?? line.total;
      if (cellAt(grid, target).suppressed) continue; // nothing left to hide (only zeros or missing values)
      grid[target[0]]![target[1]] = hidden('complementary');
      for (const through of linesThrough.get(key(target)) ?? []) aloneVerdict.delete(through);
      changed = hidAny = true;
      break; // the intervals change with every hidden cell
    }
  }
  return hidAny;
}

const hiddenIn = (grid: ReportCell[][], line: Line) => [line.total, ...line.parts].filter((p) => cellAt(grid, p).suppressed).length;

/** The hidden parts of a line with a visible total add up to a small group (below t), or to 1 each. */
function smallHiddenSum(grid: ReportCell[][], line: Line, t: number): boolean {
  const total = cellAt(grid, line.total);
  const cells = line.parts.map((p) => cellAt(grid, p));
  const hiddenParts = cells.filter((cell) => cell.suppressed).length;
  if (total.suppressed || total.value === null || hiddenParts === 0) return false;
  const hiddenSum = total.value - cells.reduce((sum, cell) => sum + (isVisibleNumber(cell) ? cell.value : 0), 0);
  return hiddenSum < t || hiddenSum <= hiddenParts;
}

type Interval = [lo: number, hi: number];
const key = ([r, c]: Position) => `${r},${c}`;

/** What a reader knows of a cell before any line is used: its value, or the range its mark states. */
export function markRange(cell: ReportCell, t: number): Interval {
  if (!cell.suppressed) return cell.value === null ? [0, 0] : [cell.value, cell.value];
  if (cell.reason === 'small') return [1, t - 1];
  if (cell.reason === 'complementary') return [t, Infinity];
  return [0, Infinity];
}

/**
 * Each hidden cell's interval, given the visible cells, the marks and every line of the table: each line
 * (parts add up to the total) narrows its cells in turn until nothing changes. Keyed by position.
 */
function feasibleIntervals(grid: ReportCell[][], lines: Line[], known: (cell: ReportCell) => Interval): Map<string, Interval> {
  const intervals = new Map<string, Interval>();
  const get = (p: Position): Interval => intervals.get(key(p)) ?? known(cellAt(grid, p));
  for (const line of lines) for (const p of [line.total, ...line.parts]) if (cellAt(grid, p).suppressed) intervals.set(key(p), get(p));
  // Each pass only narrows integer bounds; the cap only guards against a slow walk down from infinity.
  let changed = true;
  const narrow = (p: Position, next: Interval) => {
    const [l, h] = get(p);
    if (next[0] > l || next[1] < h) {
      intervals.set(key(p), [Math.max(l, next[0]), Math.min(h, next[1])]);
      changed = true;
    }
  };
  for (let pass = 0; changed && pass < 200; pass++) {
    changed = false;
    for (const line of lines) {
      const parts = line.parts.map(get);
      // Sums of all parts but one, without Infinity − Infinity: the line's sums are taken once and each
      // part's own bound subtracted (a reduce per part made long lines cost their length squared).
      const sums = [0, 0];
      const infinite = [0, 0];
      for (const bounds of parts) {
        for (const end of [0, 1] as const) {
          if (bounds[end] === Infinity) infinite[end]! += 1;
          else sums[end]! += bounds[end];
        }
      }
      const others = (i: number, end: 0 | 1): number => {
        const own = i < 0 ? 0 : parts[i]![end];
        if (infinite[end]! - (own === Infinity ? 1 : 0) > 0) return Infinity;
        return sums[end]! - (own === Infinity ? 0 : own);
      };
      if (cellAt(grid, line.total).suppressed) narrow(line.total, [others(-1, 0), others(-1, 1)]);
      const [tl, th] = get(line.total);
      line.parts.forEach((p, i) => {
        if (cellAt(grid, p).suppressed) narrow(p, [tl - others(i, 1), th - others(i, 0)]);
      });
    }
  }
  return intervals;
}

/**
 * The width (hi − lo) a hidden count's interval must keep: ⌊(t − 1) / 2⌋, at least 1 — for t = 5, three
 * possible values, so a "<5" may still be anything from 1 to 3 at least. (The whole range 1 … t − 1
 * cannot be promised: two "<5" under a "<5" total are each at most 3, whatever else is hidden.)
 */
export const protectionWidth = (t: number): number => Math.max(1, Math.floor((t - 1) / 2));

/**
 * A line is unsafe when one of its hidden cells is left narrower than protectionWidth, unless the marks
 * alone already narrow it that far (`best`): hiding more could not help then.
 */
function isUnsafe(grid: ReportCell[][], line: Line, intervals: Map<string, Interval>, best: Map<string, Interval>, t: number): boolean {
  const width = (map: Map<string, Interval>, p: Position) => {
    const [lo, hi] = map.get(key(p)) ?? [0, Infinity];
    return hi - lo;
  };
  return [line.total, ...line.parts].some((p) => cellAt(grid, p).suppressed && width(intervals, p) < Math.min(protectionWidth(t), width(best, p)));
}

/** The part to hide next in an unsafe line, or null when only its total is left to hide. */
function complementOf(grid: ReportCell[][], line: Line, linesThrough: Map<string, Line[]>, isUnsafe: (line: Line) => boolean): Position | null {
  let best: { position: Position; calm: boolean; value: number } | null = null;
  for (const position of line.parts) {
    const cell = cellAt(grid, position);
    if (!isVisibleNumber(cell) || cell.value === 0) continue;
    // The other line through this cell is calm when hiding the cell cannot leave it with a single hidden cell.
    const crossing = (linesThrough.get(key(position)) ?? []).find((other) => other !== line);
    const calm = crossing === undefined || hiddenIn(grid, crossing) > 0 || isUnsafe(crossing);
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
    for (const e of path) grid[e.position[0]]![e.position[1]] = hidden('complementary');
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

function hideDerived(row: ReportCell[], table: ReportTable, layout: Layout, t: number, totals: ReportCell[] | null): void {
  if (layout.counts.length === 0) return;
  // A share of its column's total rests on its own count and that total only: 0 of 51 is shown.
  const ofTotal = (c: number) => table.columns[c]?.kind === 'percent' && table.columns[c]?.shareOf === 'total' && totals !== null && table.columns[c - 1]?.kind === 'count';
  table.columns.forEach((_, c) => {
    const cell = row[c];
    if (!ofTotal(c) || !cell || (!cell.suppressed && cell.value === null)) return;
    const base = totals![c - 1]!;
    if (row[c - 1]?.suppressed === true || base.suppressed || (base.value ?? 0) < t) row[c] = hidden(cell.reason ?? 'derived');
  });
  const anyHidden = layout.counts.some((c) => row[c]?.suppressed === true);
  const totalValue = layout.rowTotal === null ? null : (row[layout.rowTotal]?.value ?? null);
  const base = totalValue ?? layout.parts.reduce((sum, c) => sum + (row[c]?.value ?? 0), 0);
  if (!anyHidden && base >= t) return;
  table.columns.forEach((column, c) => {
    const cell = row[c];
    const elsewhere = column.basis === 'otherTable';
    if ((column.kind === 'percent' || column.kind === 'mean') && !ofTotal(c) && !elsewhere && cell && (cell.suppressed || cell.value !== null)) row[c] = hidden(cell.reason ?? 'derived');
  });
}
