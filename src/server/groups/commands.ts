import { and, eq, inArray } from 'drizzle-orm';
import type { AttendanceInput, GroupSeriesInput, GroupSeriesUpdate, GroupSessionInput, GroupSessionUpdate } from '../../domain/groups.js';
import { expandRecurrence, planProblem } from '../../domain/recurrence.js';
import type { Executor } from '../db/connect.js';
import { groupSeries, groupSessions } from '../db/schema-groups.js';
import { visitorCodes } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { AppError, conflict, notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { cleanTranslations } from '../../domain/translations.js';
import { authorize, type Action, type Actor } from '../policy/policy.js';
import { loadSite } from '../policy/site-access.js';
import { today } from '../sessions/calendar.js';
import { parseVisitorCode } from '../visitor-codes/repo.js';
import { attendeesOf, findGroupSession, findSeries, replaceAttendees, type GroupSessionRow, type SeriesRow, type SiteRow } from './repo.js';
import type { Ctx } from '../http/context.js';

const badRequest = (message: string, field?: string) => new AppError('bad_request', message, field ? { field } : undefined);
// '09:30' and '09:30:00' are one time; store one form only, so that comparisons and uniqueness hold.
const fullTime = (time: string): string => (time.length === 5 ? `${time}:00` : time);

function checkedTimes(startsAt: string, endsAt: string): { startsAt: string; endsAt: string } {
  const times = { startsAt: fullTime(startsAt), endsAt: fullTime(endsAt) };
  if (times.startsAt >= times.endsAt) throw badRequest('A session must start before it ends.', 'endsAt');
  return times;
}

/** Another region's series is "not found"; another site's of the region is 403. */
export async function loadSeries(deps: Deps, actor: Actor, seriesId: string, action: Action): Promise<{ series: SeriesRow; site: SiteRow }> {
  const found = await findSeries(deps.db.orm, seriesId);
  if (!found || found.site.regionId !== actor.regionId) throw notFound('Group series');
  authorize(actor, action, { regionId: found.site.regionId, siteId: found.site.id });
  return found;
}

export async function loadGroupSession(deps: Deps, actor: Actor, sessionId: string, action: Action) {
  const found = await findGroupSession(deps.db.orm, sessionId);
  if (!found || found.site.regionId !== actor.regionId) throw notFound('Group session');
  authorize(actor, action, { regionId: found.site.regionId, siteId: found.site.id });
  return found;
}

function weeklyDays(input: GroupSeriesInput): string[] {
  const plan = { recurrence: 'weekly' as const, weekday: input.weekday, startsOn: input.startsOn, endsOn: input.endsOn };
  const problem = planProblem(plan);
  if (problem) throw badRequest(`The series cannot be scheduled: ${problem}.`, 'endsOn');
  const days = expandRecurrence(plan);
  if (days.length === 0) throw badRequest('The series has no session on its weekday between its start and end dates.', 'weekday');
  if (input.themes.length > days.length) throw badRequest(`${input.themes.length} themes were given for ${days.length} sessions.`, 'themes');
  return days;
}

/** Creates a weekly series and one session per week; planned themes are kept unpublished until someone publishes them. */
export async function createSeries(deps: Deps, ctx: Ctx, siteId: string, input: GroupSeriesInput): Promise<SeriesRow> {
  const site = await loadSite(deps, ctx.actor, siteId, 'group.manage');
  const times = checkedTimes(input.startsAt, input.endsAt);
  const days = weeklyDays(input);
  const now = deps.clock.now();
  const id = deps.ids.newId();
  return deps.db.orm.transaction(async (tx) => {
    const [series] = await tx
      .insert(groupSeries)
      .values({
        id, regionId: site.regionId, siteId: site.id, name: input.name, description: input.description, descriptionTranslations: cleanTranslations(input.descriptionTranslations), targetGroup: input.targetGroup, room: input.room,
        facilitators: input.facilitators, weekday: input.weekday, ...times, startsOn: input.startsOn, endsOn: input.endsOn, isAnnounced: input.isAnnounced,
        anonymousRepeatParticipants: null, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now,
      })
      .returning();
    await tx.insert(groupSessions).values(days.map((day, i) => ({
      id: deps.ids.newId(), seriesId: id, day, ...times, room: input.room, theme: input.themes[i] ?? '', isThemePublished: false, isCancelled: false,
      anonymousTotal: null, anonymousReturning: null, anonymousNew: null, createdAt: now, updatedAt: now,
    })));
    await writeAudit(tx, { ...ctx, at: now }, { action: 'group_series.created', resourceType: 'group_series', resourceId: id, siteId: site.id, regionId: site.regionId, details: { sessions: days.length } });
    return series!;
  });
}

export async function updateSeries(deps: Deps, ctx: Ctx, seriesId: string, patch: GroupSeriesUpdate): Promise<SeriesRow> {
  const { site } = await loadSeries(deps, ctx.actor, seriesId, 'group.manage');
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const { descriptionTranslations, ...fields } = patch;
    const translated = descriptionTranslations === undefined ? {} : { descriptionTranslations: cleanTranslations(descriptionTranslations) };
    const [row] = await tx.update(groupSeries).set({ ...fields, ...translated, updatedAt: now }).where(eq(groupSeries.id, seriesId)).returning();
    await writeAudit(tx, { ...ctx, at: now }, { action: 'group_series.updated', resourceType: 'group_series', resourceId: seriesId, siteId: site.id, regionId: site.regionId, details: { fields: Object.keys(patch) } });
    return row!;
  });
}

/** An extra session (a rescheduled or added meeting); the series' times and room unless given. */
export async function addGroupSession(deps: Deps, ctx: Ctx, seriesId: string, input: GroupSessionInput): Promise<GroupSessionRow> {
  const { series, site } = await loadSeries(deps, ctx.actor, seriesId, 'group.manage');
  const times = checkedTimes(input.startsAt ?? series.startsAt, input.endsAt ?? series.endsAt);
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .insert(groupSessions)
      .values({ id: deps.ids.newId(), seriesId, day: input.day, ...times, room: input.room ?? series.room, theme: input.theme, isThemePublished: input.isThemePublished, isCancelled: false, anonymousTotal: null, anonymousReturning: null, anonymousNew: null, createdAt: now, updatedAt: now })
      .returning();
    await writeAudit(tx, { ...ctx, at: now }, { action: 'group_session.created', resourceType: 'group_session', resourceId: row!.id, siteId: site.id, regionId: site.regionId, details: { seriesId, day: input.day } });
    return row!;
  });
}

/** Theme (planned, or agreed on the day), whether it was published, cancellation, day, times and room. */
export async function updateGroupSession(deps: Deps, ctx: Ctx, sessionId: string, patch: GroupSessionUpdate): Promise<GroupSessionRow> {
  const { session, site } = await loadGroupSession(deps, ctx.actor, sessionId, 'group.manage');
  const times = checkedTimes(patch.startsAt ?? session.startsAt, patch.endsAt ?? session.endsAt);
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx.update(groupSessions).set({ ...patch, ...times, updatedAt: now }).where(eq(groupSessions.id, sessionId)).returning();
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'group_session.updated', resourceType: 'group_session', resourceId: sessionId, siteId: site.id, regionId: site.regionId,
      details: { fields: Object.keys(patch), ...(patch.isCancelled === undefined ? {} : { isCancelled: patch.isCancelled }) },
    });
    return row!;
  });
}

/**
 * The codes a roster may hold: well-formed, issued in the region, and not retired — unless the code is
 * already on this roster (retiring a card later must not make the old roster unsavable).
 */
async function checkedCodes(ex: Executor, regionId: string, sessionId: string, typed: string[]): Promise<string[]> {
  const codes = [...new Set(typed.map(parseVisitorCode))];
  if (codes.length === 0) return [];
  const rows = await ex.select().from(visitorCodes).where(and(inArray(visitorCodes.code, codes), eq(visitorCodes.regionId, regionId)));
  const known = new Map(rows.map((r) => [r.code, r]));
  const listed = new Set((await attendeesOf(ex, [sessionId])).get(sessionId) ?? []);
  for (const code of codes) {
    const row = known.get(code);
    if (!row) throw new AppError('bad_request', 'A visitor code on the list has not been issued in this region.', { field: 'codes', code });
    if (row.retiredAt !== null && !listed.has(code)) throw new AppError('bad_request', 'A visitor code on the list has been retired.', { field: 'codes', code });
  }
  return codes;
}

/** Replaces a session's attendance: the anonymous counters and the roster of codes. */
export async function recordAttendance(deps: Deps, ctx: Ctx, sessionId: string, input: AttendanceInput): Promise<GroupSessionRow> {
  const { session, site } = await loadGroupSession(deps, ctx.actor, sessionId, 'group_attendance.record');
  if (session.isCancelled) throw conflict('The session was cancelled; it has no attendance.');
  if (session.day > today(deps)) throw badRequest('Attendance can be recorded from the day of the session on.', 'day');
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const codes = await checkedCodes(tx, site.regionId, sessionId, input.codes);
    const counters = input.counters;
    const [row] = await tx
      .update(groupSessions)
      .set({ anonymousTotal: counters?.total ?? null, anonymousReturning: counters?.returning ?? null, anonymousNew: counters?.new ?? null, updatedAt: now })
      .where(eq(groupSessions.id, sessionId))
      .returning();
    await replaceAttendees(tx, sessionId, codes);
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'group_attendance.recorded', resourceType: 'group_session', resourceId: sessionId, siteId: site.id, regionId: site.regionId,
      details: { anonymousTotal: counters?.total ?? null, codes: codes.length },
    });
    return row!;
  });
}
