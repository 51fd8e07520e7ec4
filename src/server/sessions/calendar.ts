import { z } from 'zod';
import { isoDay } from '../../domain/outreach.js';
import { addDays, dayInTimeZone, daysBetween, isCalendarDay, monthBounds, SERVICE_TIME_ZONE } from '../../domain/calendar.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';

/** Today in Helsinki by the deps clock — the day a worker in Rovaniemi would call today. */
export const today = (deps: Deps): string => dayInTimeZone(deps.clock.now(), SERVICE_TIME_ZONE);

// The shape check of isoDay lets '2025-02-30' through; PostgreSQL would refuse it with a 500-worthy error.
export const calendarDay = isoDay.refine(isCalendarDay, { message: 'a calendar day between 1900 and 2999' });

export const dayRangeQuerySchema = z.object({ from: calendarDay.optional(), to: calendarDay.optional() });
export type DayRangeQuery = z.infer<typeof dayRangeQuerySchema>;
export type DayRange = { from: string; to: string };

/** The query's range; without `from`, this Helsinki month; without `to`, to the end of `from`'s month. */
export function monthRange(deps: Deps, query: DayRangeQuery, maxDays = 366): DayRange {
  const from = query.from ?? monthBounds(today(deps).slice(0, 7)).first;
  const to = query.to ?? monthBounds(from.slice(0, 7)).last;
  return checkedRange({ from, to }, maxDays);
}

/** A range from `from`, spanning `days` days unless `to` is given. */
export function rangeFrom(from: string, to: string | undefined, days: number, maxDays: number): DayRange {
  return checkedRange({ from, to: to ?? addDays(from, days - 1) }, maxDays);
}

function checkedRange(range: DayRange, maxDays: number): DayRange {
  if (range.to < range.from) throw new AppError('bad_request', '`to` is before `from`.', { field: 'to' });
  if (daysBetween(range.from, range.to) + 1 > maxDays) throw new AppError('bad_request', `A range may span at most ${maxDays} days.`, { field: 'to' });
  return range;
}
