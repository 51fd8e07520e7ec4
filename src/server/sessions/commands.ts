import type { SessionPlan, SessionUpdate } from '../../domain/outreach.js';
import { holidaysOn } from '../../domain/calendar.js';
import { expandRecurrence, planProblem } from '../../domain/recurrence.js';
import type { Executor } from '../db/connect.js';
import type { sites } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { authorize, type Action, type Actor } from '../policy/policy.js';
import { loadSite } from '../policy/site-access.js';
import type { Ctx } from '../http/context.js';
import { cleanTranslations } from '../../domain/translations.js';
import { eligibleProfessionals, findSession, insertSeries, insertSessions, replaceProfessionals, staff, updateSessionRow, type SessionRow, type StaffedSession, type Staffing } from './repo.js';

type Site = typeof sites.$inferSelect;

const badRequest = (message: string, field?: string) => new AppError('bad_request', message, field ? { field } : undefined);

// '09:30' and '09:30:00' are the same time but not the same string; compare and store one form only.
const fullTime = (time: string): string => (time.length === 5 ? `${time}:00` : time);
const secondsOf = (time: string): number => fullTime(time).split(':').reduce((total, part) => total * 60 + Number(part), 0);

/** The length of a session in hours, to two decimals: the default hours of each professional. */
export function sessionHours(startsAt: string, endsAt: string): number {
  return Math.round((secondsOf(endsAt) - secondsOf(startsAt)) / 36) / 100;
}

function checkedTimes(startsAt: string, endsAt: string): { startsAt: string; endsAt: string } {
  const times = { startsAt: fullTime(startsAt), endsAt: fullTime(endsAt) };
  if (times.startsAt >= times.endsAt) throw badRequest('A session must start before it ends.', 'endsAt');
  return times;
}

export async function loadSession(deps: Deps, actor: Actor, sessionId: string, action: Action): Promise<{ session: SessionRow; site: Site }> {
  const found = await findSession(deps.db.orm, sessionId);
  if (!found || found.site.regionId !== actor.regionId) throw notFound('Session');
  authorize(actor, action, { regionId: found.site.regionId, siteId: found.site.id });
  return found;
}

/** Each listed user must be a professional at the site (or region-wide), listed once; hours default to the session's length. */
async function resolveStaffing(ex: Executor, site: Site, listed: SessionPlan['professionals'], defaultHours: number): Promise<Staffing[]> {
  const ids = listed.map((p) => p.userId);
  if (new Set(ids).size !== ids.length) throw badRequest('A professional is listed twice.', 'professionals');
  const eligible = await eligibleProfessionals(ex, site.regionId, site.id, ids);
  const strangers = ids.filter((id) => !eligible.has(id));
  if (strangers.length > 0) throw new AppError('bad_request', 'Only professionals of this site can be listed for its sessions.', { field: 'professionals', userIds: strangers });
  return listed.map((p) => ({ userId: p.userId, hours: p.hours ?? defaultHours }));
}

/** The plan's days less those the planner chose to skip (the form offers its public holidays). */
function plannedDays(plan: SessionPlan): string[] {
  const problem = planProblem(plan);
  if (problem) throw badRequest(`The plan cannot be scheduled: ${problem}.`);
  const expanded = expandRecurrence(plan);
  const strays = plan.skipDays.filter((day) => !expanded.includes(day));
  if (strays.length > 0) throw new AppError('bad_request', `Only the plan's own days can be skipped; ${strays.join(', ')} is not one of them.`, { field: 'skipDays', days: strays });
  const skipped = new Set(plan.skipDays);
  const days = expanded.filter((day) => !skipped.has(day));
  if (days.length === 0) throw badRequest('The plan has no session days between its start and end.', skipped.size > 0 ? 'skipDays' : 'weekday');
  return days;
}

/**
 * Schedules a plan's sessions at a site. A recurring plan is kept as a series and materialised into
 * one session per day, so that each can later be cancelled or staffed on its own.
 */
export async function planSessions(deps: Deps, ctx: Ctx, siteId: string, plan: SessionPlan): Promise<StaffedSession[]> {
  const site = await loadSite(deps, ctx.actor, siteId, 'session.manage');
  const times = checkedTimes(plan.startsAt, plan.endsAt);
  const days = plannedDays(plan);
  const staffing = await resolveStaffing(deps.db.orm, site, plan.professionals, sessionHours(times.startsAt, times.endsAt));
  const now = deps.clock.now();
  const shared = { siteId, room: plan.room, kind: plan.kind, ...times, isAnnounced: plan.isAnnounced, publicNote: plan.publicNote, publicNoteTranslations: cleanTranslations(plan.publicNoteTranslations), createdBy: ctx.actor.userId, createdAt: now };
  return deps.db.orm.transaction(async (tx) => {
    const seriesId = plan.recurrence === 'one_off' ? null : deps.ids.newId();
    if (seriesId) {
      const endsOn = plan.endsOn ?? plan.startsOn;
      await insertSeries(tx, { ...shared, id: seriesId, recurrence: plan.recurrence, weekday: plan.weekday ?? null, nth: plan.nth ?? null, startsOn: plan.startsOn, endsOn });
    }
    const rows = await insertSessions(tx, days.map((day) => ({ ...shared, id: deps.ids.newId(), seriesId, day, isCancelled: false, updatedAt: now })), staffing);
    for (const row of rows) {
      await writeAudit(tx, { ...ctx, at: now }, {
        action: 'session.created',
        resourceType: 'outreach_session',
        resourceId: row.id,
        siteId,
        details: { seriesId, day: row.day, professionals: staffing.length, holidays: holidaysOn(row.day).map((h) => h.key) },
      });
    }
    return staff(tx, rows);
  });
}

/** Changes one session: times, room, cancellation, announcement, note, or its professionals (the list is replaced). */
export async function updateSession(deps: Deps, ctx: Ctx, sessionId: string, patch: SessionUpdate): Promise<StaffedSession> {
  const { session: current, site } = await loadSession(deps, ctx.actor, sessionId, 'session.manage');
  const times = checkedTimes(patch.startsAt ?? current.startsAt, patch.endsAt ?? current.endsAt);
  const staffing = patch.professionals ? await resolveStaffing(deps.db.orm, site, patch.professionals, sessionHours(times.startsAt, times.endsAt)) : null;
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const row = await updateSessionRow(tx, sessionId, {
      ...times,
      updatedAt: now,
      ...(patch.room === undefined ? {} : { room: patch.room }),
      ...(patch.isCancelled === undefined ? {} : { isCancelled: patch.isCancelled }),
      ...(patch.isAnnounced === undefined ? {} : { isAnnounced: patch.isAnnounced }),
      ...(patch.publicNote === undefined ? {} : { publicNote: patch.publicNote }),
      ...(patch.publicNoteTranslations === undefined ? {} : { publicNoteTranslations: cleanTranslations(patch.publicNoteTranslations) }),
    });
    if (staffing) await replaceProfessionals(tx, sessionId, staffing);
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'session.updated',
      resourceType: 'outreach_session',
      resourceId: sessionId,
      siteId: row.siteId,
      details: {
        fields: Object.keys(patch),
        ...(patch.isCancelled === undefined ? {} : { isCancelled: patch.isCancelled }),
        // A moved session is the change people ask about afterwards: keep what it was.
        ...(patch.startsAt === undefined && patch.endsAt === undefined ? {} : { timesBefore: { startsAt: current.startsAt, endsAt: current.endsAt } }),
        ...(staffing ? { professionals: staffing.length } : {}),
      },
    });
    const [staffed] = await staff(tx, [row]);
    return staffed!;
  });
}
