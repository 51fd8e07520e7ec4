import type { Locale } from '../../domain/org';

/**
 * The one way Silta writes dates and times on screen (issue 17, item 14). Finnish and Swedish (sv-FI)
 * write 7.12.2026 and 9.00–12.00: a dot between hours and minutes, an en dash without spaces for a
 * range. English follows en-GB: 7 Dec 2026 and 9:00–12:00. Ranges of dates: 7.12.2026–9.12.2026, and
 * in English 7 Dec 2026 – 9 Dec 2026 (spaced, as en-GB sets a dash between items that contain spaces).
 *
 * Calendar days are 'YYYY-MM-DD' strings and are never shifted by a time zone; instants (ISO strings
 * or Dates) are shown in Helsinki time, where the work happens, whatever the device's zone.
 */

const ZONE = 'Europe/Helsinki';
export const EN_DASH = '–';

type Instant = string | Date;
const asInstant = (value: Instant): Date => (typeof value === 'string' ? new Date(value) : value);
const dayParts = (day: string): [number, number, number] => {
  const [year = '', month = '', date = ''] = day.split('-');
  return [Number(year), Number(month), Number(date)];
};

const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar day: "7.12.2026" (fi, sv), "7 Dec 2026" (en). */
export function formatDate(day: string, locale: Locale): string {
  const [year, month, date] = dayParts(day);
  return locale === 'en' ? `${date} ${englishMonths[month - 1] ?? ''} ${year}` : `${date}.${month}.${year}`;
}

/** "HH:MM" (or "HH:MM:SS") of a plan: "9.00" (fi, sv), "9:00" (en). */
export function formatClock(time: string, locale: Locale): string {
  const [hours = '', minutes = ''] = time.split(':');
  return `${Number(hours)}${locale === 'en' ? ':' : '.'}${minutes.padStart(2, '0')}`;
}

/** Hours and minutes of an instant in Helsinki, as 'HH:MM'. */
export function helsinkiClock(instant: Instant): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(asInstant(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

/** The Helsinki day of an instant, as 'YYYY-MM-DD'. */
export function helsinkiDate(instant: Instant): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(asInstant(instant));
}

/** The time of an instant in Helsinki: "9.05" (fi, sv), "9:05" (en). */
export const formatTime = (instant: Instant, locale: Locale): string => formatClock(helsinkiClock(instant), locale);

/** The day and time of an instant in Helsinki: "7.12.2026 9.05" (fi, sv), "7 Dec 2026 9:05" (en). */
export const formatDateTime = (instant: Instant, locale: Locale): string => `${formatDate(helsinkiDate(instant), locale)} ${formatTime(instant, locale)}`;

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
