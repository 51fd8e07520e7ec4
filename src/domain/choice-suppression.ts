import type { ReportCell, ReportTable } from './report.js';
import { effectiveThreshold, suppressTable } from './suppression.js';

/**
 * Suppression of a many-of question's table (`feedback.choice.<item>` with several options allowed):
 * one row per option, chosen + notChosen = n, where n — the people who answered the question — is the
 * same in every row. suppressTable protects each row's line; but n is one figure, so hidden in one row
 * it would still be read from any other. When some row cannot be kept safe without hiding n, the
 * respondents are too few to show this breakdown at all: n and every non-zero count is hidden in
 * every row (zeros stay, they reveal nobody), with the mark of what each really is.
 */
export function suppressSharedBase(table: ReportTable, threshold: number): ReportTable {
  const published = suppressTable(table, threshold);
  const base = baseColumn(table);
  if (base < 0 || !published.rows.some((r) => r.cells[base]?.suppressed)) return published;
  const t = effectiveThreshold(threshold);
  const hide = (cell: ReportCell, original: ReportCell | undefined, c: number): ReportCell => {
    const kind = table.columns[c]?.kind;
    if (cell.suppressed || original?.value === null || original?.value === undefined) return cell;
    if (kind === 'percent' || kind === 'mean') return { value: null, suppressed: true, reason: 'derived' };
    if (kind !== 'count' || original.value === 0) return cell;
    if (original.value < t) return { value: null, suppressed: true, reason: 'small' };
    return { value: null, suppressed: true, reason: c === base ? 'linked' : 'complementary' };
  };
  return { ...published, rows: published.rows.map((r, i) => ({ ...r, cells: r.cells.map((cell, c) => hide(cell, table.rows[i]!.cells[c], c)) })) };
}

/** The row-total column (n), the last count column; −1 when the table has no row totals. */
function baseColumn(table: ReportTable): number {
  const counts = table.columns.flatMap((c, i) => (c.kind === 'count' ? [i] : []));
  return table.hasRowTotals && counts.length >= 2 ? counts.at(-1)! : -1;
}
