import { deriveAttendance, seriesStatistics, type AttendanceView, type GroupSessionView, type SeriesStatistics } from '../../domain/groups.js';
import type { Announcement } from '../../domain/outreach-views.js';
import type { Deps } from '../deps.js';
import { writeAudit } from '../audit/write-audit.js';
import type { Actor } from '../policy/policy.js';
import { loadSite } from '../policy/site-access.js';
import { rangeFrom, today, type DayRangeQuery } from '../sessions/calendar.js';
import { presentTime } from '../sessions/present.js';
import { ANNOUNCEMENT_DAYS, ANNOUNCEMENT_MAX_DAYS } from '../sessions/queries.js';
import { loadGroupSession, loadSeries } from './commands.js';
import type { Ctx } from '../http/context.js';
import { presentGroupSession, presentSeries } from './present.js';
import { announcedGroupSessions, attendanceOfSeries, countersOf, seriesOfSite } from './repo.js';

export async function listSeriesOfSite(deps: Deps, actor: Actor, siteId: string) {
  const site = await loadSite(deps, actor, siteId, 'group.list');
  return (await seriesOfSite(deps.db.orm, site.id)).map(presentSeries);
}

/** A series with its sessions and each session's counts (never the codes). */
export async function getSeriesDetail(deps: Deps, actor: Actor, seriesId: string) {
  const { series } = await loadSeries(deps, actor, seriesId, 'group.list');
  const { rows, attendance } = await attendanceOfSeries(deps.db.orm, seriesId);
  const derived = deriveAttendance(attendance);
  const sessions: GroupSessionView[] = rows.map((row, i) => presentGroupSession(row, derived[i]!.figures));
  return { ...presentSeries(series), sessions };
}

/** One session as its series shows it: counts derived over the whole series. */
export async function getGroupSessionView(deps: Deps, actor: Actor, sessionId: string): Promise<GroupSessionView> {
  const { session, series } = await loadGroupSession(deps, actor, sessionId, 'group.list');
  const { attendance } = await attendanceOfSeries(deps.db.orm, series.id);
  const derived = deriveAttendance(attendance).find((d) => d.sessionId === session.id);
  return presentGroupSession(session, derived?.figures ?? null);
}

export async function getSeriesStatistics(deps: Deps, actor: Actor, seriesId: string): Promise<SeriesStatistics> {
  const { series } = await loadSeries(deps, actor, seriesId, 'group.statistics');
  const { attendance } = await attendanceOfSeries(deps.db.orm, seriesId);
  return seriesStatistics(series.id, attendance, series.anonymousRepeatParticipants);
}

/** The roster by visitor code: person-level, so the read is audited. */
export async function readAttendance(deps: Deps, ctx: Ctx, sessionId: string): Promise<AttendanceView> {
  const { session, series, site } = await loadGroupSession(deps, ctx.actor, sessionId, 'group_attendance.read');
  const { attendance } = await attendanceOfSeries(deps.db.orm, series.id);
  const derived = deriveAttendance(attendance).find((d) => d.sessionId === session.id)!;
  const codes = attendance.find((a) => a.sessionId === session.id)?.codes ?? [];
  await writeAudit(deps.db.orm, { ...ctx, at: deps.clock.now() }, { action: 'group_attendance.read', resourceType: 'group_session', resourceId: session.id, siteId: site.id, regionId: site.regionId, details: { codes: codes.length } });
  return {
    sessionId: session.id,
    counters: countersOf(session),
    codes: codes.map((code) => ({ code, isReturning: derived.returningCodes.has(code) })),
    figures: derived.figures,
  };
}

/**
 * Coming, not cancelled sessions of the site's announced series for the public page: the theme only
 * when it was published beforehand, and nothing about who runs the group. Same window as the sessions.
 */
export async function listPublicGroups(deps: Deps, siteId: string, query: DayRangeQuery): Promise<Announcement['groups']> {
  const now = today(deps);
  const asked = rangeFrom(query.from ?? now, query.to, ANNOUNCEMENT_DAYS, ANNOUNCEMENT_MAX_DAYS);
  const from = asked.from > now ? asked.from : now;
  if (asked.to < from) return [];
  const rows = await announcedGroupSessions(deps.db.orm, siteId, from, asked.to);
  return rows.map(({ session, series }) => ({
    day: session.day,
    startsAt: presentTime(session.startsAt),
    endsAt: presentTime(session.endsAt),
    room: session.room,
    name: series.name,
    theme: session.isThemePublished && session.theme !== '' ? session.theme : null,
    description: series.description,
    descriptionTranslations: series.descriptionTranslations,
  }));
}
