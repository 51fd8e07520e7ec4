import { and, asc, inArray, sql } from 'drizzle-orm';
import { deriveAttendance, seriesStatistics, type SessionAttendance } from '../../domain/groups.js';
import type { ReportSection, ReportTable } from '../../domain/report.js';
import { groupSeries, groupSessions } from '../db/schema-groups.js';
import type { Deps } from '../deps.js';
import { attendeesOfSeries, countersOf, type GroupSessionRow, type SeriesRow } from '../groups/repo.js';
import type { ReportScope } from './scope.js';
import { column, row, sameInAll, table } from './tables.js';

/** Group series with a session in the period, with all their sessions: returning/new depend on earlier sessions too. */
async function seriesInScope(deps: Deps, scope: ReportScope): Promise<{ series: SeriesRow[]; sessions: GroupSessionRow[]; codes: Map<string, string[]> }> {
  const series = await deps.db.orm
    .select()
    .from(groupSeries)
    .where(
      and(
        inArray(groupSeries.siteId, scope.siteIds),
        sql`exists (select 1 from ${groupSessions} where ${groupSessions.seriesId} = ${groupSeries.id} and ${groupSessions.day} between ${scope.from} and ${scope.to})`,
      ),
    )
    .orderBy(asc(groupSeries.name), asc(groupSeries.id));
  if (series.length === 0) return { series, sessions: [], codes: new Map() };
  const sessions = await deps.db.orm
    .select()
    .from(groupSessions)
    .where(inArray(groupSessions.seriesId, series.map((s) => s.id)))
    .orderBy(asc(groupSessions.day), asc(groupSessions.startsAt), asc(groupSessions.id));
  const codes = await attendeesOfSeries(deps.db.orm, series.map((s) => s.id), sessions.map((s) => s.id));
  return { series, sessions, codes };
}

const attendanceOf = (s: GroupSessionRow, codes: Map<string, string[]>): SessionAttendance => ({
  sessionId: s.id, day: s.day, startsAt: s.startsAt, theme: s.theme, isCancelled: s.isCancelled, counters: countersOf(s), codes: codes.get(s.id) ?? [],
});

const columnSums = (rows: number[][]): number[] => [0, 1, 2, 3].map((c) => rows.reduce((sum, r) => sum + (r[c] ?? 0), 0));

/** Per series: each recorded session's attendance in the period, and the series summary over those sessions. */
export async function groupsSection(deps: Deps, scope: ReportScope): Promise<ReportSection> {
  const { series, sessions, codes } = await seriesInScope(deps, scope);
  const tables: ReportTable[] = [];
  const summaryRows = [];
  for (const s of series) {
    const own = sessions.filter((g) => g.seriesId === s.id);
    const all = own.map((g) => attendanceOf(g, codes));
    const figures = new Map(deriveAttendance(all).map((d) => [d.sessionId, d.figures]));
    const inPeriod = own.filter((g) => g.day >= scope.from && g.day <= scope.to);
    const recorded = inPeriod.flatMap((g) => {
      const f = figures.get(g.id);
      return f ? [{ session: g, figures: f }] : [];
    });
    const sharesDay = (day: string) => recorded.filter((r) => r.session.day === day).length > 1;
    tables.push(
      table(
        `groups.series.${s.id}`,
        // Returning + new + unknown = total, marked as a row total, so a hidden figure cannot be recovered by subtraction.
        // The totals row is what the summary's mean × sessions gives away anyway: published here, suppression
        // protects a small session against it (by hiding a second session) and the mean can stay.
        [column('returning', 'count'), column('new', 'count'), column('unknown', 'count'), column('total', 'count')],
        recorded.map(({ session, figures: f }) =>
          row(
            sharesDay(session.day) ? `${session.day} ${session.startsAt.slice(0, 5)}` : session.day,
            [f.returning, f.new, f.total - f.returning - f.new, f.total],
            session.theme === '' ? null : sameInAll(session.theme),
          ),
        ),
        { hasRowTotals: true, totals: columnSums(recorded.map(({ figures: f }) => [f.returning, f.new, f.total - f.returning - f.new, f.total])) },
      ),
    );
    const stats = seriesStatistics(s.id, inPeriod.map((g) => attendanceOf(g, codes)), s.anonymousRepeatParticipants);
    summaryRows.push(row(s.id, [stats.recordedSessions, stats.mean, stats.max, stats.min, stats.repeatParticipants.total], sameInAll(s.name)));
  }
  const summary = table(
    'groups.summary',
    [column('sessions', 'measure'), { ...column('mean', 'mean'), basis: 'otherTable' }, column('max', 'count'), column('min', 'count'), column('repeatParticipants', 'count')],
    summaryRows,
  );
  return { key: 'groups', tables: [summary, ...tables], texts: [] };
}
