import { suppressSharedBase } from '../../domain/choice-suppression.js';
import type { ReportSection, ReportTable } from '../../domain/report.js';
import { suppressTable } from '../../domain/suppression.js';
import { linkSuppression } from './linked-suppression.js';
import { linkProfessionFigures } from './profession-links.js';

/** One table as it may be published: a many-of question's table repeats its n in every row. */
export function suppressReportTable(table: ReportTable, threshold: number): ReportTable {
  return table.key.startsWith('feedback.choice.') ? suppressSharedBase(table, threshold) : suppressTable(table, threshold);
}

/**
 * The published view of one report's sections: every table suppressed, the figures the per-profession
 * tables repeat hidden wherever one copy is (profession-links.ts), then linked across tables.
 */
export function publishSections(sections: ReportSection[], threshold: number): ReportSection[] {
  return linkSuppression(linkProfessionFigures(sections.map((s) => ({ ...s, tables: s.tables.map((t) => suppressReportTable(t, threshold)) })), threshold));
}
