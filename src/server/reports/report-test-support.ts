import type { Report, ReportCell, ReportTable } from '../../domain/report.js';

/** A cell as the assertions write it: the number, null for "not available", 'S' for suppressed. */
export type Shown = number | null | 'S';
export const shown = (c: ReportCell): Shown => (c.suppressed ? 'S' : c.value === null ? null : Math.round(c.value * 1e6) / 1e6);
export const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
/** Rows as [key, ...cells] and the totals row as ['Σ', ...cells]. */
export const flat = (t: ReportTable): (string | number | null)[][] => [...t.rows.map((r) => [r.key, ...r.cells.map(shown)]), ...(t.totals ? [['Σ', ...t.totals.map(shown)]] : [])];

export const tableOf = (report: Report, key: string): ReportTable => {
  const found = report.sections.flatMap((s) => s.tables).find((t) => t.key === key);
  if (!found) throw new Error(`no table ${key}`);
  return found;
};
