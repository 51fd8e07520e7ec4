import type { ColumnKind, ReportCell, ReportRow, ReportTable, SuppressionReason } from './report.js';

/** The texts of one exported table, already in the reader's language. */
export type CsvLabels = {
  /** One label per table column, in order (the column key is used where one is missing). */
  columns: string[];
  rowLabel: (row: ReportRow) => string;
  totalLabel: string;
  /** Shown for a suppressed cell: one text (e.g. "<5"), or the mark of each reason. */
  suppressedText: string | ((reason: SuppressionReason | undefined) => string);
  /** Shown for a cell without a value, e.g. "–". */
  notAvailableText: string;
  /** Header of the first column (the row labels); empty when not given. */
  rowHeader?: string;
  /** Lines after the table, after an empty record: e.g. each mark and what it means. */
  legend?: readonly (readonly string[])[];
};

export type CsvOptions = {
  /** Finnish Excel: decimal comma and ';' between fields. Otherwise a decimal point and ','. */
  decimalComma: boolean;
};

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * One report table as RFC 4180 CSV: a header row (row-label column first, then the column labels),
 * one record per row, the totals row last when there is one; CRLF line ends, a UTF-8 byte order mark
 * so that Excel reads ä and ö. Counts are whole numbers; percentages and means have one decimal.
 */
export function tableToCsv(table: ReportTable, labels: CsvLabels, options: CsvOptions): string {
  const separator = options.decimalComma ? ';' : ',';
  const text = (value: string) => csvField(guardFormula(value), separator);
  const number = (value: string) => csvField(value, separator);
  const cell = (cell: ReportCell | undefined, kind: ColumnKind): string => {
    if (cell?.suppressed) return text(typeof labels.suppressedText === 'string' ? labels.suppressedText : labels.suppressedText(cell.reason));
    if (cell == null || cell.value === null || !Number.isFinite(cell.value)) return text(labels.notAvailableText);
    return number(formatNumber(cell.value, kind, options.decimalComma));
  };
  const record = (label: string, cells: readonly ReportCell[]) =>
    [text(label), ...table.columns.map((column, c) => cell(cells[c], column.kind))].join(separator);

  const records = [
    [text(labels.rowHeader ?? ''), ...table.columns.map((column, c) => text(labels.columns[c] ?? column.key))].join(separator),
    ...table.rows.map((row) => record(labels.rowLabel(row), row.cells)),
    ...(table.totals ? [record(labels.totalLabel, table.totals)] : []),
    ...(labels.legend && labels.legend.length > 0 ? ['', ...labels.legend.map((line) => line.map(text).join(separator))] : []),
  ];
  return BOM + records.map((r) => r + CRLF).join('');
}

/**
 * A figure rounded as every view shows it (page, CSV, workbook, print): counts and whole measures to a
 * whole number, shares, means and fractional measures to one decimal, half away from zero on the
 * number as written (28.45 → 28.5, as Intl writes it; `toFixed` would give 28.4 from the binary value).
 */
export function roundedFigure(value: number, kind: ColumnKind): number {
  if (!Number.isFinite(value)) return value;
  if (kind === 'count' || (kind === 'measure' && Number.isInteger(value))) return Math.round(value);
  const magnitude = Math.abs(value);
  if (magnitude < 1e-6) return 0;
  // Shifting the decimal point in the text avoids the binary error of magnitude * 10.
  const rounded = Number(`${Math.round(Number(`${magnitude}e1`))}e-1`);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Counts and whole measures without decimals; percentages, means and fractional measures with one. */
export function formatNumber(value: number, kind: ColumnKind, decimalComma: boolean): string {
  const wholeNumber = kind === 'count' || (kind === 'measure' && Number.isInteger(value));
  const rounded = roundedFigure(value, kind);
  const digits = wholeNumber ? rounded.toFixed(0) : rounded.toFixed(1);
  const unsigned = /^-0(\.0)?$/.test(digits) ? digits.slice(1) : digits; // no "-0.0" for tiny negatives
  return decimalComma ? unsigned.replace('.', ',') : unsigned;
}

/**
 * Spreadsheets run a field that starts with = + - @ (or a tab or carriage return) as a formula (CSV
 * injection); a leading apostrophe makes it plain text. Only texts get it: numbers are ours.
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: a field with the separator, a quote or a line break is quoted, and its quotes doubled. */
export function csvField(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
