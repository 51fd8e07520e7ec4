import { addDays } from '../../domain/calendar';
import type { Locale } from '../../domain/org';
import { formatClock } from '../common/date-format';
import type { SessionView } from '../../domain/outreach-views';

/** Calendar days stay 'YYYY-MM-DD' strings; only formatting turns them into Dates, at UTC midnight with a UTC formatter. */

const intlLocales: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
const asDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

export const isMonth = (value: string | null): value is string => value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

// Month arithmetic moved to the calendar module; re-exported for the pages that learnt it here.
export { monthWeeks, shiftMonth } from '../../domain/calendar';

/** "maaliskuu 2026" */
export const formatMonth = (month: string, locale: Locale): string =>
  new Intl.DateTimeFormat(intlLocales[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(asDate(`${month}-01`));

/** "ti 3.3.2026" (short) or "tiistai 3.3.2026" (long). */
export const formatDay = (day: string, locale: Locale, weekday: 'short' | 'long' = 'short'): string =>
  new Intl.DateTimeFormat(intlLocales[locale], { weekday, day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(asDate(day));

/** Short weekday names Monday…Sunday, for the month grid's column heads. */
export function weekdayNames(locale: Locale, weekday: 'short' | 'long'): string[] {
  const format = new Intl.DateTimeFormat(intlLocales[locale], { weekday, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(asDate(addDays('2024-01-01', i))));
}

/** "09:00" → "9.00" (fi, sv) or "9:00" (en): the one format of common/date-format. */
export const displayTime = (api: string, locale: Locale = 'fi'): string => formatClock(api, locale);

/** Sessions grouped by day, days ascending (the API already sorts by day and time). */
export function byDay(sessions: SessionView[]): Map<string, SessionView[]> {
  const days = new Map<string, SessionView[]>();
  for (const session of sessions) days.set(session.day, [...(days.get(session.day) ?? []), session]);
  return days;
}

/** Hours as people write them: "3", "2,5" (fi, sv) or "2.5" (en). */
export const formatHours = (hours: number, locale: Locale): string =>
  new Intl.NumberFormat(intlLocales[locale], { maximumFractionDigits: 2 }).format(hours);
