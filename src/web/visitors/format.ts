import type { Locale } from '../../domain/org';
import { formatDate, formatWeekdayDate, helsinkiDate } from '../../domain/date-format';

/** A calendar day 'YYYY-MM-DD' in the one format of the app (25.11.2026, 25 Nov 2026). */
export function formatDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return formatDate(day, locale);
}

/** A weekday and day, for the next session: "ke 25.11.", "Wed 25 Nov". */
export function formatWeekdayDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return formatWeekdayDate(day, locale, { year: false });
}

/** An instant as a Helsinki calendar date. */
export const formatInstantDay = (iso: string, locale: Locale): string => formatDate(helsinkiDate(iso), locale);
