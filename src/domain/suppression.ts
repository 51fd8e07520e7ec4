import type { ReportTable } from './report.js';

/**
 * Small-number suppression of a report table (placeholder: the rules are being written).
 * Returns the table as it may be published: counts below the threshold hidden, with complementary
 * suppression so that no hidden cell can be recovered from row, column or grand totals, and
 * percentages and means resting on hidden or too-small counts hidden too.
 */
export function suppressTable(table: ReportTable, _threshold: number): ReportTable {
  return table;
}
