import type { Report, ReportCell, ReportTable } from '../../domain/report';
import { hiddenMark } from '../reports/format';
import { numberFormat } from '../../domain/intl-cache';

/** What the pilot page shows from the report: a few figures, each a report cell (possibly suppressed). */
export type PilotFigures = {
  contactsPerHour: ReportCell | null;
  professionalHours: ReportCell | null;
  meetings: ReportCell | null;
  /** First and repeat visits in the region, and meetings where that is not known, as the report's visits.firstOrRepeat counts them. */
  first: ReportCell | null;
  repeat: ReportCell | null;
  visitNotKnown: ReportCell | null;
  referrals: ReportCell | null;
  realised: ReportCell | null;
  feedback: { key: string; name: string | null; responses: ReportCell | null; responseRate: ReportCell | null }[];
};

const tableOf = (report: Report, key: string): ReportTable | undefined => report.sections.flatMap((s) => s.tables).find((t) => t.key === key);

/** A cell by row key ('totals' for the totals row) and column key; null when the table, row or column is missing. */
export function cellAt(table: ReportTable | undefined, row: string, column: string): ReportCell | null {
  if (!table) return null;
  const index = table.columns.findIndex((c) => c.key === column);
  if (index < 0) return null;
  const cells = row === 'totals' ? table.totals : table.rows.find((r) => r.key === row)?.cells;
  return cells?.[index] ?? null;
}

export function pilotFigures(report: Report, locale: 'fi' | 'sv' | 'en'): PilotFigures {
  const overview = tableOf(report, 'overview.figures');
  const visits = tableOf(report, 'visits.firstOrRepeat');
  const responses = tableOf(report, 'feedback.responses');
  return {
    contactsPerHour: cellAt(overview, 'all', 'contactsPerProfessionalHour'),
    professionalHours: cellAt(overview, 'all', 'professionalHours'),
    meetings: cellAt(overview, 'all', 'meetings'),
    first: cellAt(visits, 'first', 'count'),
    repeat: cellAt(visits, 'repeat', 'count'),
    visitNotKnown: cellAt(visits, 'unknown', 'count'),
    referrals: cellAt(tableOf(report, 'referrals.byServiceAndStatus'), 'totals', 'total'),
    // The status table's totals row: the realisation table has one row per service and no totals.
    realised: cellAt(tableOf(report, 'referrals.byServiceAndStatus'), 'totals', 'realised'),
    feedback: (responses?.rows ?? []).map((r) => ({
      key: r.key,
      name: r.label?.[locale] ?? null,
      responses: cellAt(responses, r.key, 'responses'),
      responseRate: cellAt(responses, r.key, 'responseRate'),
    })),
  };
}

const tags = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' } as const;

/** A figure as text: the mark of why it is hidden ("<5" only for a small count), "–" when not available, else the number in the reader's style. */
export function figureText(cell: ReportCell | null, threshold: number, locale: 'fi' | 'sv' | 'en', kind: 'count' | 'mean' | 'percent' = 'count'): string {
  if (!cell) return '–';
  if (cell.suppressed) return hiddenMark(cell.reason, threshold);
  if (cell.value === null) return '–';
  const digits = kind === 'mean' ? 1 : 0;
  const number = numberFormat(tags[locale], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(cell.value);
  return kind === 'percent' ? `${number} %` : number;
}
