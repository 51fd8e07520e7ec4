import { helsinkiDay, SERVICE_TIME_ZONE } from './calendar.js';
import type { Locale } from './org.js';
import { dateTimeFormat } from './intl-cache.js';

/**
 * The one way Silta writes dates and times for people (issue 17, item 14), on screen, on the public
 * pages and poster, and on what the server writes for people (audit targets). Finnish and Swedish (sv-FI)
 * write 7.12.2026 and 9.00–12.00: a dot between hours and minutes, an en dash without spaces for a
 * range. English follows en-GB: 7 Dec 2026 and 9:00–12:00. Ranges of dates: 7.12.2026–9.12.2026, and
 * in English 7 Dec 2026 – 9 Dec 2026 (spaced, as en-GB sets a dash between items that contain spaces).
 *
 * Calendar days are 'YYYY-MM-DD' strings and are never shifted by a time zone; instants (ISO strings
 * or Dates) are shown in Helsinki time, where the work happens, whatever the device's zone.
 */

const ZONE = SERVICE_TIME_ZONE;
export const EN_DASH = '–';

type Instant = string | Date;
const asInstant = (value: Instant): Date => (typeof value === 'string' ? new Date(value) : value);
const dayParts = (day: string): [number, number, number] => {
  const [year = '', month = '', date = ''] = day.split('-');
  return [Number(year), Number(month), Number(date)];
};

const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// Only the names of weekdays and months come from Intl, which knows them in every language; the numbers
// are written here, so that no engine's idea of a locale (en-GB's 07/12/2026, a comma after the weekday) leaks in.
const intlLocales: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
// A calendar day as the UTC midnight that starts it, read back with a UTC formatter: no zone can shift it.
const utcMidnight = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** A calendar day: "7.12.2026" (fi, sv), "7 Dec 2026" (en). */
export function formatDate(day: string, locale: Locale): string {
  const [year, month, date] = dayParts(day);
  return locale === 'en' ? `${date} ${englishMonths[month - 1] ?? ''} ${year}` : `${date}.${month}.${year}`;
}

/** A day without its year, for lists within one month or week: "7.12." (fi, sv), "7 Dec" (en). */
export function formatDayMonth(day: string, locale: Locale): string {
  const [, month, date] = dayParts(day);
  return locale === 'en' ? `${date} ${englishMonths[month - 1] ?? ''}` : `${date}.${month}.`;
}

export type WeekdayStyle = 'short' | 'long';

/** The weekday of a calendar day: "ma", "mån", "Mon" (short) or "maanantai", "måndag", "Monday" (long). */
export const formatWeekday = (day: string, locale: Locale, style: WeekdayStyle = 'short'): string =>
  dateTimeFormat(intlLocales[locale], { weekday: style, timeZone: 'UTC' }).format(utcMidnight(day));

/**
 * Weekday and day: "ma 7.12.2026", "mån 7.12.2026", "Mon 7 Dec 2026"; `year: false` leaves the year out
 * ("ma 7.12.", "Mon 7 Dec") where the month is plain from the page.
 */
export function formatWeekdayDate(day: string, locale: Locale, options: { weekday?: WeekdayStyle; year?: boolean } = {}): string {
  const date = options.year === false ? formatDayMonth(day, locale) : formatDate(day, locale);
  return `${formatWeekday(day, locale, options.weekday)} ${date}`;
}

/** Weekday names Monday…Sunday, for the column heads of a month grid. */
export function weekdayNames(locale: Locale, style: WeekdayStyle = 'short'): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => formatWeekday(`2024-01-0${i + 1}`, locale, style));
}

/** Month names January…December: "tammikuu", "januari", "January" (the date picker's month list). */
export const monthNames = (locale: Locale): string[] =>
  Array.from({ length: 12 }, (_, i) => dateTimeFormat(intlLocales[locale], { month: 'long', timeZone: 'UTC' }).format(utcMidnight(`2024-${String(i + 1).padStart(2, '0')}-01`)));

/** A month 'YYYY-MM' with its year: "joulukuu 2026", "december 2026", "December 2026". */
export const formatMonth = (month: string, locale: Locale): string =>
  dateTimeFormat(intlLocales[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcMidnight(`${month}-01`));

/** "HH:MM" (or "HH:MM:SS") of a plan: "9.00" (fi, sv), "9:00" (en); seconds only when asked: "9.00.05". */
export function formatClock(time: string, locale: Locale, withSeconds = false): string {
  const [hours = '', minutes = '', seconds = '00'] = time.split(':');
  const separator = locale === 'en' ? ':' : '.';
  const clock = `${Number(hours)}${separator}${minutes.padStart(2, '0')}`;
  return withSeconds ? `${clock}${separator}${seconds.padStart(2, '0')}` : clock;
}

/** Hours and minutes (and seconds when asked) of an instant in Helsinki, as 'HH:MM' ('HH:MM:SS'). */
export function helsinkiClock(instant: Instant, withSeconds = false): string {
  const seconds = withSeconds ? { second: '2-digit' as const } : {};
  const parts = dateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', ...seconds, hourCycle: 'h23' }).formatToParts(asInstant(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return withSeconds ? `${part('hour')}:${part('minute')}:${part('second')}` : `${part('hour')}:${part('minute')}`;
}

/** The Helsinki day of an instant, as 'YYYY-MM-DD' (the calendar's own answer, for ISO strings too). */
export const helsinkiDate = (instant: Instant): string => helsinkiDay(asInstant(instant));

/** The time of an instant in Helsinki: "9.05" (fi, sv), "9:05" (en). */
export const formatTime = (instant: Instant, locale: Locale): string => formatClock(helsinkiClock(instant), locale);

/**
 * The day and time of an instant in Helsinki: "7.12.2026 9.05" (fi, sv), "7 Dec 2026 9:05" (en).
 * `seconds: true` adds them ("7.12.2026 9.05.30") where order within a minute matters (the audit trail).
 */
export function formatDateTime(instant: Instant, locale: Locale, options: { seconds?: boolean } = {}): string {
  const withSeconds = options.seconds === true;
  return `${formatDate(helsinkiDate(instant), locale)} ${formatClock(helsinkiClock(instant, withSeconds), locale, withSeconds)}`;
}

/** A range of clock times: "9.00–12.00" (fi, sv), "9:00–12:00" (en). */
export const formatTimeRange = (from: string, to: string, locale: Locale): string => `${formatClock(from, locale)}${EN_DASH}${formatClock(to, locale)}`;

/** A range of days: "7.12.2026–9.12.2026" (fi, sv), "7 Dec 2026 – 9 Dec 2026" (en); one day when they are the same. */
export function formatDateRange(from: string, to: string, locale: Locale): string {
  if (from === to) return formatDate(from, locale);
  const dash = locale === 'en' ? ` ${EN_DASH} ` : EN_DASH;
  return `${formatDate(from, locale)}${dash}${formatDate(to, locale)}`;
}

/**
 * A clock time as people type it: "9", "9.30", "9:30", "09.30" → '09:30'; null when it is no time of day.
 * Used by forms, so that what the page shows can be typed back.
 */
export function parseClock(text: string): string | null {
  const match = /^(\d{1,2})(?:[.:](\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
