import type { ReportCell, ReportSection, ReportTable, SuppressionReason } from '../../domain/report.js';

/**
 * Suppression works table by table; some tables repeat figures of another, and a figure hidden in
 * one must not be shown, or be computable, in the other. After every table is suppressed (a count hidden
 * here is marked `linked`, a share or mean resting on it `derived`; a cell hidden already keeps its reason):
 * - `referrals.realisation` repeats `referrals.byServiceAndStatus`: a service's realised count (and
 *   both rates) is hidden when the realised cell is hidden there, its count with a known outcome (and
 *   the rate of it) when realised or not realised is, and its count of all (and the rate of all) when
 *   the row total is;
 * - `timing.window` covers hour totals of `timing.heatmap`: its count and share are hidden when any
 *   hour total inside the window is;
 * - `groups.summary` rests on `groups.series.<id>`: a series' mean attendance (× its sessions, the
 *   series' total attendance) is hidden when that total is hidden there; its max or min is hidden
 *   when no shown session total equals it (it would give a hidden session away);
 * - `overview.figures` repeats the contacts total of `professionals.byProfession`: its contacts (and
 *   contacts per professional and per reception hour) are hidden when that total is.
 */
export function linkSuppression(sections: ReportSection[]): ReportSection[] {
  const tables = new Map(sections.flatMap((s) => s.tables.map((t) => [t.key, t] as const)));
  const replace = new Map<string, ReportTable>();
  const byStatus = tables.get('referrals.byServiceAndStatus');
  const realisation = tables.get('referrals.realisation');
  if (byStatus && realisation) replace.set(realisation.key, linkRealisation(byStatus, realisation));
  const heatmap = tables.get('timing.heatmap');
  const window = tables.get('timing.window');
  if (heatmap && window) replace.set(window.key, linkWindow(heatmap, window));
  const byProfession = tables.get('professionals.byProfession');
  const overview = tables.get('overview.figures');
  if (byProfession?.totals && overview && isHidden(byProfession.totals[columnIndex(byProfession, 'contacts')])) {
    replace.set(overview.key, hideColumns(overview, 'all', ['professionalContacts', 'contactsPerProfessionalHour', 'contactsPerReceptionHour']));
  }
  const summary = tables.get('groups.summary');
  if (summary) replace.set(summary.key, linkGroupSummary(summary, tables));
  if (replace.size === 0) return sections;
  return sections.map((s) => ({ ...s, tables: s.tables.map((t) => replace.get(t.key) ?? t) }));
}

const hidden = (reason: SuppressionReason): ReportCell => ({ value: null, suppressed: true, reason });
const isHidden = (cell: ReportCell | undefined) => cell?.suppressed === true;
const columnIndex = (table: ReportTable, key: string) => table.columns.findIndex((c) => c.key === key);

function hideColumns(table: ReportTable, rowKey: string, keys: string[]): ReportTable {
  const indexes = new Set(keys.map((k) => columnIndex(table, k)).filter((i) => i >= 0));
  const reasonAt = (i: number): SuppressionReason => (table.columns[i]?.kind === 'count' ? 'linked' : 'derived');
  // A not-available cell (null) stays so: it reveals nothing. A hidden one keeps its own reason.
  const hide = (c: ReportCell, i: number) => (c.suppressed || c.value === null ? c : hidden(reasonAt(i)));
  return { ...table, rows: table.rows.map((r) => (r.key !== rowKey ? r : { ...r, cells: r.cells.map((c, i) => (indexes.has(i) ? hide(c, i) : c)) })) };
}

function linkGroupSummary(summary: ReportTable, tables: Map<string, ReportTable>): ReportTable {
  let linked = summary;
  for (const row of summary.rows) {
    const series = tables.get(`groups.series.${row.key}`);
    const total = series ? columnIndex(series, 'total') : -1;
    if (!series || total < 0) continue;
    if (!series.totals || isHidden(series.totals[total])) linked = hideColumns(linked, row.key, ['mean']);
    const shown = new Set(series.rows.flatMap((r) => (isHidden(r.cells[total]) ? [] : [r.cells[total]?.value])));
    const extremes = ['max', 'min'].filter((k) => {
      const cell = row.cells[columnIndex(summary, k)];
      return cell !== undefined && !cell.suppressed && cell.value !== null && !shown.has(cell.value);
    });
    if (extremes.length > 0) linked = hideColumns(linked, row.key, extremes);
  }
  return linked;
}

function linkRealisation(byStatus: ReportTable, realisation: ReportTable): ReportTable {
  const at = (rowKey: string, key: string) => byStatus.rows.find((r) => r.key === rowKey)?.cells[columnIndex(byStatus, key)];
  let linked = realisation;
  for (const row of realisation.rows) {
    if (isHidden(at(row.key, 'realised'))) linked = hideColumns(linked, row.key, ['realised', 'rateOfKnown', 'rateOfAll']);
    if (['realised', 'not_realised'].some((status) => isHidden(at(row.key, status)))) linked = hideColumns(linked, row.key, ['knownOutcome', 'rateOfKnown']);
    if (isHidden(at(row.key, 'total'))) linked = hideColumns(linked, row.key, ['all', 'rateOfAll']);
  }
  return linked;
}

function linkWindow(heatmap: ReportTable, window: ReportTable): ReportTable {
  const row = window.rows[0];
  const from = row?.cells[columnIndex(window, 'fromHour')]?.value;
  const to = row?.cells[columnIndex(window, 'toHour')]?.value;
  if (!row || from === null || from === undefined || to === null || to === undefined || !heatmap.totals) return window;
  const hourTotals = Array.from({ length: to - from }, (_, i) => heatmap.totals![columnIndex(heatmap, `h${String(from + i).padStart(2, '0')}`)]);
  return hourTotals.some(isHidden) ? hideColumns(window, row.key, ['covered', 'share']) : window;
}
