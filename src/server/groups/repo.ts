import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { AttendanceCounters, SessionAttendance } from '../../domain/groups.js';
import type { Executor } from '../db/connect.js';
import { sites } from '../db/schema.js';
import { groupAttendees, groupSeries, groupSessions } from '../db/schema-groups.js';

export type SeriesRow = typeof groupSeries.$inferSelect;
export type GroupSessionRow = typeof groupSessions.$inferSelect;
export type SiteRow = typeof sites.$inferSelect;

const byDayAndTime = [asc(groupSessions.day), asc(groupSessions.startsAt), asc(groupSessions.id)];

/** A series with its site, so that callers can answer another region's id with "not found". */
export async function findSeries(ex: Executor, seriesId: string): Promise<{ series: SeriesRow; site: SiteRow } | null> {
  const [row] = await ex.select({ series: groupSeries, site: sites }).from(groupSeries).innerJoin(sites, eq(sites.id, groupSeries.siteId)).where(eq(groupSeries.id, seriesId));
  return row ?? null;
}

export async function findGroupSession(ex: Executor, sessionId: string): Promise<{ session: GroupSessionRow; series: SeriesRow; site: SiteRow } | null> {
  const [row] = await ex
    .select({ session: groupSessions, series: groupSeries, site: sites })
    .from(groupSessions)
    .innerJoin(groupSeries, eq(groupSeries.id, groupSessions.seriesId))
    .innerJoin(sites, eq(sites.id, groupSeries.siteId))
    .where(eq(groupSessions.id, sessionId));
  return row ?? null;
}

export async function seriesOfSite(ex: Executor, siteId: string): Promise<SeriesRow[]> {
  return ex.select().from(groupSeries).where(eq(groupSeries.siteId, siteId)).orderBy(asc(groupSeries.startsOn), asc(groupSeries.name), asc(groupSeries.id));
}

export async function sessionsOfSeries(ex: Executor, seriesId: string): Promise<GroupSessionRow[]> {
  return ex.select().from(groupSessions).where(eq(groupSessions.seriesId, seriesId)).orderBy(...byDayAndTime);
}

/** Visitor codes per session, sorted, for the sessions asked. */
export async function attendeesOf(ex: Executor, sessionIds: string[]): Promise<Map<string, string[]>> {
  return sessionIds.length === 0 ? groupedBySession(sessionIds, []) : groupedBySession(sessionIds, await attendeeRows(ex).where(inArray(groupAttendees.sessionId, sessionIds)));
}

/**
 * Visitor codes per session, sorted, for every session of the series asked (`sessionIds` are theirs):
 * joined in the database rather than listing a region's thousand session ids as parameters.
 */
export async function attendeesOfSeries(ex: Executor, seriesIds: string[], sessionIds: string[]): Promise<Map<string, string[]>> {
  if (seriesIds.length === 0) return groupedBySession(sessionIds, []);
  const rows = await attendeeRows(ex).innerJoin(groupSessions, eq(groupSessions.id, groupAttendees.sessionId)).where(inArray(groupSessions.seriesId, seriesIds));
  return groupedBySession(sessionIds, rows);
}

const attendeeRows = (ex: Executor) =>
  ex.select({ sessionId: groupAttendees.sessionId, visitorCode: groupAttendees.visitorCode }).from(groupAttendees).orderBy(asc(groupAttendees.visitorCode)).$dynamic();

function groupedBySession(sessionIds: string[], rows: { sessionId: string; visitorCode: string }[]): Map<string, string[]> {
  const bySession = new Map<string, string[]>(sessionIds.map((id) => [id, []]));
  for (const row of rows) bySession.get(row.sessionId)?.push(row.visitorCode);
  return bySession;
}

export function countersOf(session: GroupSessionRow): AttendanceCounters | null {
  if (session.anonymousTotal === null) return null;
  return { total: session.anonymousTotal, returning: session.anonymousReturning ?? 0, new: session.anonymousNew ?? 0 };
}

/** A series' sessions in the shape the attendance arithmetic takes. */
export async function attendanceOfSeries(ex: Executor, seriesId: string): Promise<{ rows: GroupSessionRow[]; attendance: SessionAttendance[] }> {
  const rows = await sessionsOfSeries(ex, seriesId);
  const codes = await attendeesOf(ex, rows.map((r) => r.id));
  const attendance = rows.map((r) => ({ sessionId: r.id, day: r.day, startsAt: r.startsAt, theme: r.theme, isCancelled: r.isCancelled, counters: countersOf(r), codes: codes.get(r.id) ?? [] }));
  return { rows, attendance };
}

export async function replaceAttendees(ex: Executor, sessionId: string, codes: string[]): Promise<void> {
  await ex.delete(groupAttendees).where(eq(groupAttendees.sessionId, sessionId));
  if (codes.length > 0) await ex.insert(groupAttendees).values(codes.map((visitorCode) => ({ sessionId, visitorCode })));
}

/** Coming, held-as-planned sessions of the site's announced series: what the public page lists. */
export async function announcedGroupSessions(ex: Executor, siteId: string, from: string, to: string) {
  return ex
    .select({ session: groupSessions, series: groupSeries })
    .from(groupSessions)
    .innerJoin(groupSeries, eq(groupSeries.id, groupSessions.seriesId))
    .where(and(eq(groupSeries.siteId, siteId), eq(groupSeries.isAnnounced, true), eq(groupSessions.isCancelled, false), gte(groupSessions.day, from), lte(groupSessions.day, to)))
    .orderBy(...byDayAndTime);
}

/** Attendance totals of group sessions in a set, for response rates (anonymous counters plus codes). */
export async function attendanceTotals(ex: Executor, sessions: GroupSessionRow[]): Promise<number> {
  const codes = await attendeesOf(ex, sessions.map((s) => s.id));
  return sessions.filter((s) => !s.isCancelled).reduce((sum, s) => sum + (s.anonymousTotal ?? 0) + (codes.get(s.id)?.length ?? 0), 0);
}
