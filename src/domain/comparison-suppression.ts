import type { ReportCell, ReportTable } from './report.js';
import { effectiveThreshold, protectionWidth } from './suppression.js';
import { type Equation, type Interval, cellId, countCells, propagate, tableEquations } from './suppression-check.js';

/**
 * A comparison of two sites or periods is one report with one suppression pass (docs/PRIVACY.md): the
 * two sides are published together, and nothing hidden may be recovered from both at once.
 *
 * Two disjoint scopes share no figure, so each side's own suppression protects it. Overlapping scopes
 * (all sites beside one of them; a quarter beside its last month) do: a figure of each side is the
 * overlap's figure plus the rest of that side, v₁ = I + y and v₂ = I + z. A reader who sees v₁ and v₂
 * learns y − z, and with nested scopes (z = 0) the rest y itself — "all sites 9, site A 7" tells that
 * the other sites had 2. Those unpublished pieces are people too: a piece of 1 … N − 1 must not be
 * narrowed below the protection width, and neither may a hidden cell of either side.
 *
 * The pass: each side is suppressed and linked as a report of its own; then, while the published cells
 * of both sides and those equations let a hidden cell or a small piece be narrowed (interval propagation,
 * as in suppression-check.ts), the smaller visible figure of that pair is hidden too (`complementary`:
 * a visible count is 0 or at least N, and a zero never pins anything) and its table is suppressed again
 * so that its own lines stay safe. When no visible figure of the pair is left, every non-zero count of
 * that table is hidden on both sides. Only counts that add up over scopes take part (`additive`).
 */
export type ComparisonOptions = {
  threshold: number;
  /** Suppresses one table (keeps hidden cells hidden; hides derived cells anew). */
  suppress: (table: ReportTable, threshold: number) => ReportTable;
  /** Links one side's tables (a figure hidden in one table is hidden where another repeats it). */
  relink: (tables: ReportTable[]) => ReportTable[];
  /** Whether a count column of a table adds up over disjoint scopes. */
  additive: (tableKey: string, columnKey: string) => boolean;
};

/**
 * The overlap of the two scopes, as a report of its own (unpublished), and whether a side lies wholly
 * inside it (nested scopes): the reader knows that side's rest is nothing.
 */
export type Overlap = { tables: ReportTable[]; restEmpty: [boolean, boolean] };

type Side = ReportTable[];

export function suppressComparison(raw: [Side, Side], overlap: Overlap | null, o: ComparisonOptions): [Side, Side] {
  let published = raw.map((side) => o.relink(side.map((t) => o.suppress(t, o.threshold)))) as [Side, Side];
  if (!overlap) return published;
  for (let round = 0; ; round++) {
    const findings = differenceFindings(raw, published, overlap, o);
    if (findings.length === 0) return published;
    // Cell by cell first; should that not settle, whole tables (each round then hides at least one).
    const { side, tableKey, row, column } = round < 200 ? targetOf(findings[0]!, published) : { side: null, tableKey: findings[0]!.tableKey };
    published = published.map((tables, s) =>
      o.relink(
        tables.map((t) => {
          if (t.key !== tableKey) return t;
          const hidden = side === null ? hideEveryCount(t) : s === side ? hideAt(t, row!, column!) : t;
          return hidden === t ? t : o.suppress(hidden, o.threshold);
        }),
      ),
    ) as [Side, Side];
  }
}

type Position = { tableKey: string; row: string; column: string };
type Finding = Position & { kind: 'hidden' | 'piece'; side: 0 | 1 | null };

const TOTALS = '#totals';
const gridOf = (t: ReportTable) => [...t.rows.map((r) => ({ key: r.key, cells: r.cells })), ...(t.totals ? [{ key: TOTALS, cells: t.totals }] : [])];
const valueOf = (cell: ReportCell | undefined) => cell?.value ?? 0;

function cellOf(table: ReportTable | undefined, row: string, column: string): { cell: ReportCell; r: number; c: number } | null {
  if (!table) return null;
  const c = table.columns.findIndex((x) => x.key === column);
  const r = row === TOTALS ? (table.totals ? table.rows.length : -1) : table.rows.findIndex((x) => x.key === row);
  const cell = r < 0 || c < 0 ? undefined : gridOf(table)[r]!.cells[c];
  return cell ? { cell, r, c } : null;
}

/** The count positions (table, row, column) of either side that add up over scopes. */
function positionsOf(sides: Side[], o: ComparisonOptions): Position[] {
  const seen = new Map<string, Position>();
  for (const side of sides) {
    for (const t of side) {
      for (const row of gridOf(t)) {
        for (const column of t.columns) {
          if (column.kind !== 'count' || !o.additive(t.key, column.key)) continue;
          seen.set(`${t.key}\u0000${row.key}\u0000${column.key}`, { tableKey: t.key, row: row.key, column: column.key });
        }
      }
    }
  }
  return [...seen.values()];
}

function differenceFindings(raw: [Side, Side], published: [Side, Side], { tables: overlap, restEmpty }: Overlap, o: ComparisonOptions): Finding[] {
  const t = effectiveThreshold(o.threshold);
  const width = protectionWidth(t);
  const prefixed = (side: Side, prefix: string) => side.map((x) => ({ ...x, key: `${prefix}|${x.key}` }));
  const sides = [prefixed(published[0], '1'), prefixed(published[1], '2')];
  const shown = countCells(sides.flat(), t);
  const virtualTables = prefixed(overlap, 'I');
  const equations: Equation[] = [...sides.flat().flatMap(tableEquations), ...virtualTables.flatMap(tableEquations)];
  const start = new Map<string, Interval>([...shown].map(([id, x]) => [id, x.known]));
  const floor = new Map<string, Interval>([...shown].map(([id, x]) => [id, x.cell.suppressed || x.cell.value === null || x.cell.value === 0 ? x.known : [0, Number.POSITIVE_INFINITY]]));
  const unknown: Interval = [0, Number.POSITIVE_INFINITY];
  const pieces = new Map<string, { position: Position; truth: number }>();
  const idOf = (side: Side, prefix: string, p: Position): string => {
    const table = side.find((x) => x.key === p.tableKey);
    const found = cellOf(table, p.row, p.column);
    return found && table ? cellId({ ...table, key: `${prefix}|${table.key}` }, found.r, found.c) : 'zero';
  };
  start.set('zero', [0, 0]);
  floor.set('zero', [0, 0]);
  for (const x of virtualTables.flatMap((v) => [...countCells([v], t).keys()])) {
    start.set(x, unknown);
    floor.set(x, unknown);
  }
  for (const p of positionsOf(published, o)) {
    const rawOf = (side: Side) => valueOf(cellOf(side.find((x) => x.key === p.tableKey), p.row, p.column)?.cell);
    const inBoth = rawOf(overlap);
    const i = idOf(overlap, 'I', p);
    const name = `${p.tableKey}|${p.row}|${p.column}`;
    if (i !== 'zero') pieces.set(i, { position: p, truth: inBoth });
    [0, 1].forEach((s) => {
      const rest = `${s === 0 ? 'Y' : 'Z'}|${name}`;
      const restRange: Interval = restEmpty[s] ? [0, 0] : unknown;
      start.set(rest, restRange);
      floor.set(rest, restRange);
      pieces.set(rest, { position: p, truth: rawOf(raw[s as 0 | 1]) - inBoth });
      equations.push({ parts: [i, rest], total: idOf(published[s as 0 | 1], String(s + 1), p) });
    });
  }
  const reader = propagate(start, equations);
  const best = propagate(floor, equations);
  const narrowed = (id: string) => {
    const [lo, hi] = reader.get(id) ?? unknown;
    const [flo, fhi] = best.get(id) ?? unknown;
    return hi - lo < Math.min(width, fhi - flo);
  };
  const findings: Finding[] = [];
  for (const [id, piece] of pieces) {
    if (piece.truth >= 1 && piece.truth < t && narrowed(id)) findings.push({ ...piece.position, kind: 'piece', side: null });
  }
  for (const p of positionsOf(published, o)) {
    ([0, 1] as const).forEach((s) => {
      const found = cellOf(published[s].find((x) => x.key === p.tableKey), p.row, p.column);
      if (found?.cell.suppressed && narrowed(idOf(published[s], String(s + 1), p))) findings.push({ ...p, kind: 'hidden', side: s });
    });
  }
  return findings;
}

/** Which cell to hide for a finding: the smaller visible non-zero figure of its pair; side null: the whole table. */
function targetOf(f: Finding, published: [Side, Side]): { side: 0 | 1 | null; tableKey: string; row?: string; column?: string } {
  const candidates = ([0, 1] as const)
    .filter((s) => f.kind === 'piece' || s !== f.side)
    .flatMap((s) => {
      const found = cellOf(published[s].find((x) => x.key === f.tableKey), f.row, f.column);
      return found && !found.cell.suppressed && (found.cell.value ?? 0) > 0 ? [{ side: s, value: found.cell.value! }] : [];
    })
    .sort((a, b) => a.value - b.value);
  const chosen = candidates[0];
  return chosen ? { side: chosen.side, tableKey: f.tableKey, row: f.row, column: f.column } : { side: null, tableKey: f.tableKey };
}

const complementary: ReportCell = { value: null, suppressed: true, reason: 'complementary' };

function hideAt(table: ReportTable, row: string, column: string): ReportTable {
  const found = cellOf(table, row, column);
  if (!found || found.cell.suppressed) return table;
  const grid = gridOf(table).map((r, i) => (i === found.r ? r.cells.map((cell, c) => (c === found.c ? complementary : cell)) : r.cells));
  return { ...table, rows: table.rows.map((r, i) => ({ ...r, cells: grid[i]! })), totals: table.totals ? grid[table.rows.length]! : null };
}

/** Every visible non-zero count hidden (each is at least N, so complementary); the pass hides what rests on them. */
function hideEveryCount(table: ReportTable): ReportTable {
  const hide = (cells: ReportCell[]) => cells.map((cell, c) => (table.columns[c]?.kind === 'count' && !cell.suppressed && (cell.value ?? 0) > 0 ? complementary : cell));
  return { ...table, rows: table.rows.map((r) => ({ ...r, cells: hide(r.cells) })), totals: table.totals ? hide(table.totals) : null };
}
