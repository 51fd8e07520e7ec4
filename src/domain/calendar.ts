/**
 * Calendar days as plain 'YYYY-MM-DD' strings. All arithmetic is on UTC midnights, so no time zone or
 * daylight-saving change can shift a day; the only time-zone question — which day is "today" — is
 * `dayInTimeZone`'s alone.
 */

const DAY_MS = 86_400_000;
/** Silta's users are in Finland: "today" and "this month" are Helsinki's. */
export const SERVICE_TIME_ZONE = 'Europe/Helsinki';
// Years outside this window are typing errors, and PostgreSQL has no year 0.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

function utcMs(year: number, month: number, day: number): number {
  // setUTCFullYear, because Date.UTC maps the years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y ?? NaN, m ?? NaN, d ?? NaN];
}

const toMs = (day: string): number => utcMs(...parts(day));
const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Is `day` a real calendar day ('2025-02-29' is not) within the years Silta accepts? */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const [year] = parts(day);
  return year >= FIRST_YEAR && year <= LAST_YEAR && fromMs(toMs(day)) === day;
}

/** `day` moved by `n` days (n may be negative). */
export function addDays(day: string, n: number): string {
  return fromMs(toMs(day) + n * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return ((new Date(toMs(day)).getUTCDay() + 6) % 7) + 1;
}

/**
 * The ISO week of a day as 'YYYY-"W"WW' (PostgreSQL's to_char(day, 'IYYY-"W"IW')): the week belongs to
 * the year of its Thursday, and week 1 is the week with that year's first Thursday.
 */
export function isoWeekKey(day: string): string {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The first and last day of the month 'YYYY-MM'. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number);
  const first = fromMs(utcMs(y ?? NaN, m ?? NaN, 1));
  const last = fromMs(utcMs(y ?? NaN, (m ?? NaN) + 1, 0));
  return { first, last };
}

/** The calendar day of an instant in a time zone, e.g. what "today" is in Helsinki. */
export function dayInTimeZone(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The Helsinki calendar day of an instant. */
export const helsinkiDay = (instant: Date): string => dayInTimeZone(instant, SERVICE_TIME_ZONE);
