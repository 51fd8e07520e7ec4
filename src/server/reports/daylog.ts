import { and, asc, gte, inArray, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { daysBetween } from '../../domain/calendar.js';
import type { ReportSection } from '../../domain/report.js';
import { daylog, outreachSessions } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { heldSessionsIn, type ReportScope } from './scope.js';
import { column, row, table } from './tables.js';

/** Longer periods are shown by ISO week, so that the table stays readable. */
export const DAYLOG_MAX_DAYS = 92;

// Format strings are part of the SQL text, not parameters, so GROUP BY sees the selected expression.
const dayOrWeek = (day: SQLWrapper, byWeek: boolean): SQL<string> =>
  byWeek ? sql<string>`to_char(${day}, 'IYYY-"W"IW')` : sql<string>`to_char(${day}, 'YYYY-MM-DD')`;

/** The day-centre log summed over the sites per day (or week), beside whether outreach sessions were held then. */
export async function daylogSection(deps: Deps, scope: ReportScope): Promise<ReportSection> {
  const byWeek = daysBetween(scope.from, scope.to) + 1 > DAYLOG_MAX_DAYS;
  const logKey = dayOrWeek(daylog.day, byWeek);
  const sessionKey = dayOrWeek(outreachSessions.day, byWeek);
  const [logged, sessionDays] = await Promise.all([
    deps.db.orm
      .select({
        key: logKey,
        breakfasts: sql<number>`sum(${daylog.breakfasts})::int`,
        lunches: sql<number>`sum(${daylog.lunches})::int`,
        // null when nobody estimated the visitors on any of the days
        visitors: sql<number | null>`sum(${daylog.estimatedVisitors})::int`,
      })
      .from(daylog)
      .where(and(inArray(daylog.siteId, scope.siteIds), gte(daylog.day, scope.from), lte(daylog.day, scope.to)))
      .groupBy(logKey)
      .orderBy(asc(logKey)),
    deps.db.orm
      .select({ key: sessionKey, days: sql<number>`count(distinct ${outreachSessions.day})::int` })
      .from(outreachSessions)
      .where(heldSessionsIn(scope))
      .groupBy(sessionKey),
  ]);
  const sessionDaysOf = new Map(sessionDays.map((s) => [s.key, Number(s.days)]));
  const days = table(
    'daylog.days',
    [column('breakfasts', 'count'), column('lunches', 'count'), column('visitors', 'count'), column('sessionDay', 'measure')],
    logged.map((l) => row(l.key, [Number(l.breakfasts), Number(l.lunches), l.visitors === null ? null : Number(l.visitors), sessionDaysOf.get(l.key) ?? 0])),
  );
  return { key: 'daylog', tables: [days], texts: [] };
}
