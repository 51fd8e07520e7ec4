import type { ColumnKind, Report, ReportCell, ReportTable } from '../../domain/report';
import type { Locale } from '../../domain/org';
import { type CellText, cellText, formatDay, isIsoDay, isIsoWeek, isoWeekParts, weekdayName } from './format';

/**
 * The display model of a report table: every label resolved and every figure formatted, once. The
 * table, its chart, the CSV file and the workbook are all drawn from this, so they cannot disagree.
 * Pure: translations come in as a lookup that answers null for a key it does not know.
 */

export type Translate = (key: string, options?: Record<string, unknown>) => string | null;
export type Labels = { translate: Translate; locale: Locale };

/** `short`: the heading abbreviated for paper, explained once per section in a legend. */
export type ModelColumn = { key: string; kind: ColumnKind; label: string; short?: string };
/** `isText`: a flag column shown as words (yes/no), which an export keeps as words too. */
export type ModelCell = CellText & { isText?: boolean };
export type ModelRow = { key: string; label: string; cells: ModelCell[] };
export type TableModel = {
  key: string;
  /** The table key without its per-item id: `groups.series.<id>` → `groups.series`. */
  base: string;
  title: string;
  rowHeader: string;
  columns: ModelColumn[];
  rows: ModelRow[];
  totals: ModelRow | null;
  hasRowTotals: boolean;
  threshold: number;
  /** The table as the report gave it, for the shared CSV writer. */
  table: ReportTable;
};

const perItemTables = ['groups.series', 'feedback.item', 'feedback.choice'];

export function tableBase(key: string): string {
  return perItemTables.find((base) => key.startsWith(`${base}.`)) ?? key;
}

const or = (...candidates: (string | null | undefined)[]): string | null => candidates.find((c) => c !== null && c !== undefined && c !== '') ?? null;

/** The name of a group series, from the summary table's row for it. */
function seriesName(report: Report | null, seriesId: string, locale: Locale): string {
  const summary = report?.sections.flatMap((s) => s.tables).find((t) => t.key === 'groups.summary');
  return summary?.rows.find((r) => r.key === seriesId)?.label?.[locale] ?? seriesId;
}

function tableTitle(table: ReportTable, base: string, report: Report | null, { translate, locale }: Labels): string {
  if (base === 'groups.series') {
    return or(translate('report.tables.groups.series', { name: seriesName(report, table.key.slice(base.length + 1), locale) })) ?? table.key;
  }
  if (base === 'feedback.item') {
    const statement = table.rows[0]?.label?.[locale] ?? table.rows[0]?.key ?? '';
    return or(translate('report.tables.feedback.item', { statement })) ?? table.key;
  }
  if (base === 'feedback.choice') {
    return or(translate('report.tables.feedback.choice', { question: table.label?.[locale] ?? '' })) ?? table.key;
  }
  return or(translate(`report.tables.${table.key}`)) ?? table.key;
}

function columnLabel(column: ReportTable['columns'][number], base: string, { translate, locale }: Labels): string {
  const hour = /^h(\d{2})$/.exec(column.key);
  if (hour) return String(Number(hour[1]));
  // The per-profession tables have professions or age bands as columns.
  return or(column.label?.[locale], translate(`report.columns.${base}.${column.key}`), translate(`report.columns.${column.key}`), translate(`enums.profession.${column.key}`), translate(`enums.ageBand.${column.key}`)) ?? column.key;
}

/** 'nurse+social_worker' (who met together) as "Nurse + Social worker"; null when a part is no profession. */
function professionsTogether(key: string, translate: Translate): string | null {
  const names = key.split('+').map((p) => translate(`enums.profession.${p}`));
  return names.every((n) => n !== null) ? names.join(' + ') : null;
}

/** Tables whose rows are professions (issue 16 item 2). */
const professionRowTables = new Set([
  'professionals.hoursByProfession', 'visits.firstWithProfessional', 'visits.firstInRegionByProfession', 'visits.anonymousByProfession',
  'visits.urgencyByProfession', 'ageBands.byProfession', 'referrals.byProfession',
]);

/** Known codes per table; anything else falls back to the row's own label, a date, or its key. */
function rowLabel(row: ReportTable['rows'][number], base: string, { translate, locale }: Labels): string {
  if (base === 'professionals.perProfessional' && row.label) {
    // key '<profession>:<user id>', label the name: "Name (Nurse)"
    const profession = translate(`enums.profession.${row.key.split(':')[0] ?? ''}`);
    return profession ? `${row.label[locale]} (${profession})` : row.label[locale];
  }
  if (row.label) return row.label[locale];
  if (base === 'timing.heatmap' && /^[1-7]$/.test(row.key)) return weekdayName(Number(row.key), locale);
  if (isIsoDay(row.key)) return formatDay(row.key, locale);
  if (isIsoWeek(row.key)) return or(translate('report.week', isoWeekParts(row.key))) ?? row.key;
  const known =
    base === 'professionals.byProfession' ? translate(`enums.profession.${row.key}`)
    : base === 'ageBands.counts' ? translate(`enums.ageBand.${row.key}`)
    : base === 'professionals.jointMeetings' ? professionsTogether(row.key, translate)
    : professionRowTables.has(base) ? translate(`enums.profession.${row.key}`)
    : null;
  return or(known, translate(`report.rows.${base}.${row.key}`), translate(`report.rows.${row.key}`)) ?? row.key;
}

/** Columns that are flags rather than figures read as yes/no. */
const flagColumns = new Set(['sessionDay']);

export function tableModel(table: ReportTable, report: Report | null, threshold: number, labels: Labels): TableModel {
  const base = tableBase(table.key);
  const columns: ModelColumn[] = table.columns.map((c) => {
    const short = labels.translate(`report.columnsShort.${base}.${c.key}`);
    return { key: c.key, kind: c.kind, label: columnLabel(c, base, labels), ...(short ? { short } : {}) };
  });
  const cells = (list: ReportCell[]): ModelCell[] =>
    columns.map((column, i) => {
      const cell = cellText(list[i], column.kind, labels.locale, threshold);
      if (flagColumns.has(column.key) && cell.state === 'value') {
        return { ...cell, isText: true, text: or(labels.translate(cell.value === 1 ? 'report.yes' : 'report.no')) ?? String(cell.value) };
      }
      return cell;
    });
  return {
    key: table.key,
    base,
    title: tableTitle(table, base, report, labels),
    rowHeader: or(labels.translate(`report.rowHeaders.${base}`), labels.translate('report.rowHeaders.default')) ?? '',
    columns,
    rows: table.rows.map((row) => ({ key: row.key, label: rowLabel(row, base, labels), cells: cells(row.cells) })),
    totals: table.totals ? { key: 'total', label: or(labels.translate('report.total')) ?? 'Total', cells: cells(table.totals) } : null,
    hasRowTotals: table.hasRowTotals,
    threshold,
    table,
  };
}

/** The table as rows of text, header first: what the CSV file and the workbook carry. */
export function tableGrid(model: TableModel): { header: string[]; rows: { label: string; cells: ModelCell[] }[] } {
  const rows = model.totals ? [...model.rows, model.totals] : model.rows;
  return { header: [model.rowHeader, ...model.columns.map((c) => c.label)], rows: rows.map((r) => ({ label: r.label, cells: r.cells })) };
}

/** Whether any figure of the report is hidden: the page then explains the threshold once, at the top. */
export const hasSuppressedCells = (report: Report): boolean =>
  report.sections.some((s) => s.tables.some((t) => [...t.rows.flatMap((r) => r.cells), ...(t.totals ?? [])].some((c) => c.suppressed)));
