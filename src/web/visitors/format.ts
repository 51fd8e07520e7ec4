import type { Locale } from '../../domain/org';

const tags: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** A calendar day 'YYYY-MM-DD' as the reader writes dates (25.11.2026, 25/11/2026). */
export function formatDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(tags[locale], { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A weekday and day, for the next session: "ke 25.11." */
export function formatWeekdayDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(tags[locale], { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant as a Helsinki calendar date. */
export function formatInstantDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tags[locale], { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Europe/Helsinki' }).format(new Date(iso));
}
