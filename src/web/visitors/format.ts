import type { Locale } from '../../domain/org';
import { formatDate, helsinkiDate } from '../common/date-format';

const tags: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** A calendar day 'YYYY-MM-DD' in the one format of the app (25.11.2026, 25 Nov 2026). */
export function formatDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return formatDate(day, locale);
}

/** A weekday and day, for the next session: "ke 25.11." */
export function formatWeekdayDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(tags[locale], { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant as a Helsinki calendar date. */
export const formatInstantDay = (iso: string, locale: Locale): string => formatDate(helsinkiDate(iso), locale);
