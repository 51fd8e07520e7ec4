import { and, asc, gte, inArray, lte, sql } from 'drizzle-orm';
import { daysBetween, isoWeekKey } from '../../domain/calendar.js';
import type { ReportSection } from '../../domain/report.js';
import { daylog, outreachSessions } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { heldSessionsIn, type ReportScope } from './scope.js';
import { column, row, table } from './tables.js';

/** Longer periods are shown by ISO week, so that the table stays readable. */
export const DAYLOG_MAX_DAYS = 92;

type Bucket = { breakfasts: number; lunches: number; visitors: number | null; sessionDays: number };

/**
 * The day-centre log summed over the sites per day (or week), beside whether outreach sessions were
 * held then. The database sums per day (at most one row per day of the period) and the weeks are
 * formed here: grouping 56,000 sessions by a formatted week in SQL cost more than the rest of the
 * section together on a region's five years.
 */
export async function daylogSection(deps: Deps, scope: ReportScope): Promise<ReportSection> {
  const byWeek = daysBetween(scope.from, scope.to) + 1 > DAYLOG_MAX_DAYS;
  const [logged, sessionDays] = await Promise.all([
    deps.db.orm
      .select({
        day: sql<string>`${daylog.day}::text`,
        breakfasts: sql<number>`sum(${daylog.breakfasts})::int`,
        lunches: sql<number>`sum(${daylog.lunches})::int`,
        // null when nobody estimated the visitors on any of the sites that day
        visitors: sql<number | null>`sum(${daylog.estimatedVisitors})::int`,
      })
      .from(daylog)
      .where(and(inArray(daylog.siteId, scope.siteIds), gte(daylog.day, scope.from), lte(daylog.day, scope.to)))
      .groupBy(daylog.day)
      .orderBy(asc(daylog.day)),
    // Grouped by the date and formatted after: formatting every session's day before the distinct took
    // twice as long (26 against 12 ms for a region's 54,000 sessions).
    deps.db.orm.select({ day: sql<string>`${outreachSessions.day}::text` }).from(outreachSessions).where(heldSessionsIn(scope)).groupBy(outreachSessions.day),
  ]);
  const keyOf = (day: string) => (byWeek ? isoWeekKey(day) : day);
  const sessionDaysOf = new Map<string, number>();
  for (const { day } of sessionDays) {
    const key = keyOf(day);
    sessionDaysOf.set(key, (sessionDaysOf.get(key) ?? 0) + 1);
  }
  // Days come in order, so weeks do too.
  const buckets = new Map<string, Bucket>();
  for (const l of logged) {
    const key = keyOf(l.day);
    const bucket = buckets.get(key) ?? { breakfasts: 0, lunches: 0, visitors: null, sessionDays: sessionDaysOf.get(key) ?? 0 };
    bucket.breakfasts += Number(l.breakfasts);
    bucket.lunches += Number(l.lunches);
    if (l.visitors !== null) bucket.visitors = (bucket.visitors ?? 0) + Number(l.visitors);
    buckets.set(key, bucket);
  }
  const days = table(
    'daylog.days',
    [column('breakfasts', 'count'), column('lunches', 'count'), column('visitors', 'count'), column('sessionDay', 'measure')],
    [...buckets].map(([key, b]) => row(key, [b.breakfasts, b.lunches, b.visitors, b.sessionDays])),
  );
  return { key: 'daylog', tables: [days], texts: [] };
}
