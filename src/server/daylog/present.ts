import { z } from 'zod';
import { daylogViewSchema, type DaylogView } from '../../domain/outreach-views.js';
import { presentTime } from '../sessions/present.js';
import type { DaylogRow } from './commands.js';

/** Response of the trend route; domain/daylog-trend.ts computes it. */
export const daylogTrendSchema = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      /** Open days with a log entry: the days the means are taken over. */
      daysLogged: z.number(),
      meanVisitors: z.number().nullable(),
      meanBreakfasts: z.number().nullable(),
      meanLunches: z.number().nullable(),
    }),
  ),
});
/** One month's entries, and the days that may be logged now (today and the back-dating window). */
export const daylogMonthSchema = z.object({
  days: z.array(daylogViewSchema),
  writable: z.object({ from: z.string(), to: z.string() }),
});

export type DaylogTrend = z.infer<typeof daylogTrendSchema>;

export function presentDaylog(row: DaylogRow): DaylogView {
  return {
    id: row.id,
    siteId: row.siteId,
    day: row.day,
    breakfasts: row.breakfasts,
    lunches: row.lunches,
    estimatedVisitors: row.estimatedVisitors,
    isClosed: row.isClosed,
    openedAt: row.openedAt === null ? null : presentTime(row.openedAt),
    closedAt: row.closedAt === null ? null : presentTime(row.closedAt),
    events: row.events,
    version: row.version,
  };
}
