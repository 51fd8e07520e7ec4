import type { Recurrence } from './outreach.js';

/**
 * Calendar days as plain 'YYYY-MM-DD' strings and the expansion of a session plan into days
 * (domain.md § 4.2). All arithmetic is on UTC midnights, so no time zone or daylight-saving
 * change can shift a day; the only time-zone question — which day is "today" — is
 * `dayInTimeZone`'s alone.
 */

const DAY_MS = 86_400_000;
/** Silta's users are in Finland: "today" and "this month" are Helsinki's. */
export const SERVICE_TIME_ZONE = 'Europe/Helsinki';
/** A recurring plan may span at most this many days, first and last included (a leap year). */
export const MAX_PLAN_DAYS = 366;
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

export type RecurrencePlan = {
  recurrence: Recurrence;
  weekday?: number | undefined;
  nth?: -1 | 1 | 2 | 3 | 4 | undefined;
  startsOn: string;
  endsOn?: string | undefined;
};

/** Why a plan cannot be expanded, or null when it can. */
export function planProblem(plan: RecurrencePlan): string | null {
  if (!isCalendarDay(plan.startsOn)) return 'startsOn is not a calendar day';
  if (plan.recurrence === 'one_off') return null;
  if (plan.endsOn === undefined || !isCalendarDay(plan.endsOn)) return 'endsOn is not a calendar day';
  if (plan.endsOn < plan.startsOn) return 'endsOn is before startsOn';
  if (daysBetween(plan.startsOn, plan.endsOn) + 1 > MAX_PLAN_DAYS) return `a plan may span at most ${MAX_PLAN_DAYS} days`;
  if (plan.weekday === undefined || plan.weekday < 1 || plan.weekday > 7) return 'a recurring plan needs a weekday 1–7';
  if (plan.recurrence === 'monthly_nth' && plan.nth === undefined) return 'a monthly plan needs nth';
  return null;
}

function weeklyDays(startsOn: string, endsOn: string, weekday: number): string[] {
  const days: string[] = [];
  let day = addDays(startsOn, (weekday - isoWeekday(startsOn) + 7) % 7);
  while (day <= endsOn) {
    days.push(day);
    day = addDays(day, 7);
  }
  return days;
}

/** The Nth (1–4, or -1 = last) `weekday` of the month 'YYYY-MM'. */
export function nthWeekdayOfMonth(month: string, weekday: number, nth: -1 | 1 | 2 | 3 | 4): string {
  const { first, last } = monthBounds(month);
  if (nth === -1) return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
  return addDays(first, (weekday - isoWeekday(first) + 7) % 7 + (nth - 1) * 7);
}

function monthlyDays(startsOn: string, endsOn: string, weekday: number, nth: -1 | 1 | 2 | 3 | 4): string[] {
  const days: string[] = [];
  let month = startsOn.slice(0, 7);
  while (month <= endsOn.slice(0, 7)) {
    const day = nthWeekdayOfMonth(month, weekday, nth);
    if (day >= startsOn && day <= endsOn) days.push(day);
    month = addDays(monthBounds(month).last, 1).slice(0, 7);
  }
  return days;
}

/**
 * The days a plan's sessions fall on, ascending: one-off on `startsOn`; weekly on `weekday`;
 * monthly on the Nth `weekday` of each month — all within startsOn…endsOn, both included.
 * Throws a RangeError for a plan that `planProblem` refuses.
 */
export function expandRecurrence(plan: RecurrencePlan): string[] {
  const problem = planProblem(plan);
  if (problem) throw new RangeError(problem);
  const { startsOn, endsOn = startsOn, weekday = 1, nth = 1 } = plan;
  switch (plan.recurrence) {
    case 'one_off':
      return [startsOn];
    case 'weekly':
      return weeklyDays(startsOn, endsOn, weekday);
    case 'monthly_nth':
      return monthlyDays(startsOn, endsOn, weekday, nth);
  }
}
