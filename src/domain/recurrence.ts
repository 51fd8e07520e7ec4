import type { Recurrence } from './outreach.js';
import { addDays, daysBetween, isCalendarDay, isoWeekday, monthBounds, nthWeekdayOfMonth } from './calendar.js';

/** The expansion of a session plan into calendar days (domain.md § 4.2). */

/** A recurring plan may span at most this many days, first and last included (a leap year). */
export const MAX_PLAN_DAYS = 366;
// Calendar helpers live in calendar.ts; re-exported for the modules that learnt them here.
export { addDays, dayInTimeZone, daysBetween, isCalendarDay, isoWeekday, monthBounds, nthWeekdayOfMonth, SERVICE_TIME_ZONE } from './calendar.js';

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
