import type { ColumnKind, ReportCell, SuppressionReason } from '../../domain/report';
import { roundedFigure } from '../../domain/report-export';
import { formatDate, weekdayNames } from '../../domain/date-format';
import { isLocale } from '../i18n/locale';
import { numberFormat } from '../../domain/intl-cache';

/**
 * How a figure reads on the page, in a CSV file and in a workbook. Kept pure so the three agree and
 * can be tested: a hidden cell shows the mark of its reason ("<5" only for a count really below the
 * threshold), a missing one is "–", counts are whole numbers, percents and means carry one decimal at most.
 */

export const NOT_AVAILABLE = '–';

export const suppressedText = (threshold: number): string => `<${threshold}`;

/**
 * The mark of a hidden cell, the same in every language and plain in a CSV file (no leading "=", "+",
 * "-" or "@"): "<5" a small count; "•" hidden to protect a small one; "*" hidden because the same
 * figure is hidden in another table; ".." a share or mean resting on hidden or too few figures.
 * A hidden cell without a reason is never claimed to be small.
 */
export function hiddenMark(reason: SuppressionReason | undefined, threshold: number): string {
  if (reason === 'small') return suppressedText(threshold);
  if (reason === 'linked') return '*';
  if (reason === 'derived') return '..';
  return '•';
}

export const reasonOf = (cell: ReportCell): SuppressionReason => cell.reason ?? 'complementary';

function digits(kind: ColumnKind): { min: number; max: number } {
  if (kind === 'count') return { min: 0, max: 0 };
  if (kind === 'mean') return { min: 1, max: 1 };
  return { min: 0, max: 1 };
}

/**
 * A number as the page shows it: grouped thousands, the locale's decimal mark, "%" for percents. The
 * value is rounded first by the rule the exports share (roundedFigure), so the page, the CSV file and
 * the workbook never differ in the last digit.
 */
export function formatFigure(value: number, kind: ColumnKind, locale: string): string {
  const { min, max } = digits(kind);
  const rounded = roundedFigure(value, kind);
  if (kind === 'percent') {
    // The percent unit writes the number as given ("28,5 %"), with no second rounding of value / 100.
    return numberFormat(locale, { style: 'unit', unit: 'percent', minimumFractionDigits: min, maximumFractionDigits: max }).format(rounded);
  }
  return numberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max }).format(rounded);
}

export type CellText = { text: string; state: 'value' | 'suppressed' | 'missing'; value: number | null; reason?: SuppressionReason };

export function cellText(cell: ReportCell | undefined, kind: ColumnKind, locale: string, threshold: number): CellText {
  if (cell?.suppressed) return { text: hiddenMark(cell.reason, threshold), state: 'suppressed', value: null, reason: reasonOf(cell) };
  if (!cell || cell.value === null) return { text: NOT_AVAILABLE, state: 'missing', value: null };
  return { text: formatFigure(cell.value, kind, locale), state: 'value', value: cell.value };
}

/** "2025-03-05" → "5.3.2025" (fi, sv) or "5 Mar 2025" (en): the app's one way of writing a day (common/date-format). */
export const formatDay = (day: string, locale: string): string => formatDate(day, isLocale(locale) ? locale : 'fi');

/** ISO weekday 1 = Monday … 7 = Sunday, named as the rest of the app names it (domain/date-format). */
export function weekdayName(weekday: number, locale: string, style: 'long' | 'short' = 'long'): string {
  return weekdayNames(isLocale(locale) ? locale : 'fi', style)[weekday - 1] ?? '';
}

export const isIsoDay = (key: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(key);
export const isIsoWeek = (key: string): boolean => /^\d{4}-W\d{2}$/.test(key);

/** "2025-W09" → { year: 2025, week: 9 }. */
export const isoWeekParts = (key: string): { year: number; week: number } => ({ year: Number(key.slice(0, 4)), week: Number(key.slice(6)) });
