/**
 * Calendar days as plain 'YYYY-MM-DD' strings. All arithmetic is on UTC midnights, so no time zone or
 * daylight-saving change can shift a day; the only time-zone question — which day is "today" — is
 * `dayInTimeZone`'s alone.
 */

const DAY_MS = 86_400_000;
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

/** 'YYYY-MM' moved by `n` months. */
export function shiftMonth(month: string, n: number): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month's weeks, Monday first, as a month grid shows them; days outside the month are null. */
export function monthWeeks(month: string): (string | null)[][] {
  const { first, last } = monthBounds(month);
  const weeks: (string | null)[][] = [];
  let day = addDays(first, 1 - isoWeekday(first));
  while (day <= last) {
    const week: (string | null)[] = [];
    for (let i = 0; i < 7; i += 1) {
      week.push(day >= first && day <= last ? day : null);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** The Nth (1–4, or -1 = last) ISO `weekday` of the month 'YYYY-MM'. */
export function nthWeekdayOfMonth(month: string, weekday: number, nth: -1 | 1 | 2 | 3 | 4): string {
  const { first, last } = monthBounds(month);
  if (nth === -1) return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
  return addDays(first, (weekday - isoWeekday(first) + 7) % 7 + (nth - 1) * 7);
}
