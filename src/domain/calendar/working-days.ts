import { addDays, isoWeekday, monthBounds } from './days.js';
import { holidayOn } from './holidays.js';

/**
 * Working days: Monday to Friday, except public holidays and — unless the deployment says otherwise —
 * Midsummer Eve and Christmas Eve. Saturdays are never working days here, although some Finnish
 * statutes' "arkipäivä" includes them; a deadline that needs that reading must say so.
 */

export type WorkingDaySettings = {
  /** Count Midsummer Eve and Christmas Eve as working days (server setting SILTA_EVES_ARE_WORKING_DAYS). */
  evesAreWorkingDays: boolean;
};

/** Most Finnish workplaces close on both eves. */
export const defaultWorkingDaySettings: WorkingDaySettings = { evesAreWorkingDays: false };

/** Is `day` a working day? */
export function isWorkingDay(day: string, settings: WorkingDaySettings = defaultWorkingDaySettings): boolean {
  if (isoWeekday(day) > 5) return false;
  const holiday = holidayOn(day);
  if (!holiday) return true;
  return holiday.kind === 'eve' && settings.evesAreWorkingDays;
}

function checkedCount(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`a number of working days must be a whole number, got ${n}`);
  return n;
}

/**
 * The working day `n` working days after `day` (before it when n is negative): "answer within 5
 * working days" of a request made on `day` is due on addWorkingDays(day, 5). `day` itself is not
 * counted, and need not be a working day; n = 0 gives `day` back.
 */
export function addWorkingDays(day: string, n: number, settings: WorkingDaySettings = defaultWorkingDaySettings): string {
  const step = Math.sign(checkedCount(n));
  let left = Math.abs(n);
  let current = day;
  while (left > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current, settings)) left -= 1;
  }
  return current;
}

/**
 * Working days passed moving from `from` to `to`, counting the day arrived at but not the day left:
 * those after `from` up to and including `to`, or — when `to` is earlier — minus those from `to` up
 * to but not including `from`. So workingDaysBetween(d, addWorkingDays(d, n)) === n in both directions.
 */
export function workingDaysBetween(from: string, to: string, settings: WorkingDaySettings = defaultWorkingDaySettings): number {
  const [first, last, sign] = to >= from ? [addDays(from, 1), to, 1] : [to, addDays(from, -1), -1];
  let count = 0;
  for (let day = first; day <= last; day = addDays(day, 1)) if (isWorkingDay(day, settings)) count += 1;
  return sign * count;
}

/** `day` when it is a working day, else the next one: where a deadline that ends on a holiday moves. */
export function nextWorkingDay(day: string, settings: WorkingDaySettings = defaultWorkingDaySettings): string {
  return isWorkingDay(day, settings) ? day : addWorkingDays(day, 1, settings);
}

/** The `n`th (1-based) working day of the month 'YYYY-MM', or null when the month has fewer. */
export function nthWorkingDayOfMonth(month: string, n: number, settings: WorkingDaySettings = defaultWorkingDaySettings): string | null {
  if (checkedCount(n) < 1) throw new RangeError(`n counts from 1, got ${n}`);
  const { first, last } = monthBounds(month);
  const day = addWorkingDays(addDays(first, -1), n, settings);
  return day <= last ? day : null;
}

export type DeadlineUnit = 'calendar_days' | 'working_days';
/** A time limit such as "7 calendar days" or "5 working days". */
export type TimeLimit = { count: number; unit: DeadlineUnit };

/**
 * The last day of a time limit that starts on `start` (the start day itself is not counted).
 * A limit in calendar days that ends on a day off moves to the next working day only when
 * `isMovedOffDaysOff` is set, as the Act on Calculating Statutory Time Limits (150/1930) does.
 */
export function dueDay(start: string, limit: TimeLimit, settings: WorkingDaySettings = defaultWorkingDaySettings, isMovedOffDaysOff = false): string {
  if (limit.unit === 'working_days') return addWorkingDays(start, limit.count, settings);
  const end = addDays(start, checkedCount(limit.count));
  return isMovedOffDaysOff ? nextWorkingDay(end, settings) : end;
}
