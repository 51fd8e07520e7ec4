import type { Locale } from '../../domain/org';
import { formatClock, formatWeekdayDate, type WeekdayStyle } from '../../domain/date-format';
import type { SessionView } from '../../domain/outreach-views';
import { numberFormat } from '../../domain/intl-cache';

/** Calendar days stay 'YYYY-MM-DD' strings; they are written for people by domain/date-format. */

const intlLocales: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export const isMonth = (value: string | null): value is string => value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

// Month arithmetic moved to the calendar module; re-exported for the pages that learnt it here.
export { monthWeeks, shiftMonth } from '../../domain/calendar';

// The month heading and the grid's weekday heads, for the pages that learnt them here.
export { formatMonth, weekdayNames } from '../../domain/date-format';

/** "ti 3.3.2026" (short) or "tiistai 3.3.2026" (long); "Tue 3 Mar 2026" in English. */
export const formatDay = (day: string, locale: Locale, weekday: WeekdayStyle = 'short'): string => formatWeekdayDate(day, locale, { weekday });

/** "09:00" → "9.00" (fi, sv) or "9:00" (en): the one format of domain/date-format. */
export const displayTime = (api: string, locale: Locale = 'fi'): string => formatClock(api, locale);

/** Sessions grouped by day, days ascending (the API already sorts by day and time). */
export function byDay(sessions: SessionView[]): Map<string, SessionView[]> {
  const days = new Map<string, SessionView[]>();
  for (const session of sessions) days.set(session.day, [...(days.get(session.day) ?? []), session]);
  return days;
}

/** Hours as people write them: "3", "2,5" (fi, sv) or "2.5" (en). */
export const formatHours = (hours: number, locale: Locale): string =>
  numberFormat(intlLocales[locale], { maximumFractionDigits: 2 }).format(hours);
