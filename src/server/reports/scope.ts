import { and, asc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { ReportQuery } from '../../domain/report.js';
import type { SessionKind } from '../../domain/outreach.js';
import { addDays, daysBetween } from '../../domain/calendar.js';
import { helsinkiDayStart } from '../db/helsinki-time.js';
import { sites } from '../db/schema.js';
import { encounters, outreachSessions } from '../db/schema-outreach.js';
import { feedbackResponses } from '../db/schema-groups.js';
import type { Deps } from '../deps.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { can, type Action, type Actor } from '../policy/policy.js';
import { today } from '../sessions/calendar.js';
import { pilotScope } from '../pilots/report-scope.js';

/** The suppression threshold: the deployment's SILTA_REPORT_THRESHOLD (config refuses < 3; suppressTable enforces it again). */
export const reportThreshold = (deps: Deps): number => deps.config.reportThreshold;

/** A report may span at most five years: the range the report bench measures (bench/results). */
export const MAX_REPORT_DAYS = 5 * 366;

/** What a report is computed over, after access checks: sites, Helsinki days and the session kind. */
export type ReportScope = {
  regionId: string;
  sites: { id: string; name: string }[];
  siteIds: string[];
  from: string;
  to: string;
  /** Sessions later than today have not been held, whatever the period says. */
  today: string;
  sessionKind: SessionKind | null;
};

const badRequest = (message: string, field: string) => new AppError('bad_request', message, { field });

/** True when the actor may do `action` at every site of the scope. */
export const canAtEvery = (actor: Actor, action: Action, scope: ReportScope): boolean =>
  scope.siteIds.every((siteId) => can(actor, action, { regionId: scope.regionId, siteId }));

/**
 * The sites and period of a report query. Named sites of another region are "not found" (ids cannot
 * be probed across regions); a named site the reader may not report on is 403. Without names: every
 * active site of the reader's region they may report on. A pilot narrows both to its own.
 */
export async function resolveScope(deps: Deps, actor: Actor, q: ReportQuery): Promise<ReportScope> {
  let named = q.siteIds ? [...new Set(q.siteIds)] : null;
  let { from, to } = q;
  if (q.pilotId) {
    const pilot = await pilotScope(deps, actor, q.pilotId);
    if (!pilot) throw notFound('Pilot');
    named = named ? named.filter((id) => pilot.siteIds.includes(id)) : [...pilot.siteIds];
    from = from > pilot.from ? from : pilot.from;
    to = to < pilot.to ? to : pilot.to;
    if (from > to) throw badRequest('The period does not overlap the pilot’s period.', 'from');
  }
  if (daysBetween(from, to) + 1 > MAX_REPORT_DAYS) throw badRequest(`A report may span at most ${MAX_REPORT_DAYS} days.`, 'to');
  const regionSites = await deps.db.orm
    .select({ id: sites.id, name: sites.name, isActive: sites.isActive })
    .from(sites)
    .where(eq(sites.regionId, actor.regionId))
    .orderBy(asc(sites.name), asc(sites.id));
  const mayRead = (siteId: string) => can(actor, 'report.read', { regionId: actor.regionId, siteId });
  let chosen: typeof regionSites;
  if (named) {
    const wanted = new Set(named);
    chosen = regionSites.filter((s) => wanted.has(s.id));
    if (chosen.length !== wanted.size) throw notFound('Site');
    if (chosen.some((s) => !mayRead(s.id))) throw forbidden();
  } else {
    chosen = regionSites.filter((s) => s.isActive && mayRead(s.id));
  }
  return {
    regionId: actor.regionId,
    sites: chosen.map((s) => ({ id: s.id, name: s.name })),
    siteIds: chosen.map((s) => s.id),
    from,
    to,
    today: today(deps),
    sessionKind: q.sessionKind ?? null,
  };
}

const ofKind = (sessionColumn: SQL, kind: SessionKind): SQL =>
  sql`exists (select 1 from ${outreachSessions} where ${outreachSessions.id} = ${sessionColumn} and ${outreachSessions.kind} = ${kind})`;

/**
 * Encounters of the scope. Site and time bounds are plain comparisons on (site_id, occurred_at), so the
 * encounters_site_time index serves them; a Helsinki day starts at a time the database computes.
 */
export function encountersIn(scope: ReportScope): SQL {
  return and(
    inArray(encounters.siteId, scope.siteIds),
    gte(encounters.occurredAt, helsinkiDayStart(scope.from)),
    lt(encounters.occurredAt, helsinkiDayStart(addDays(scope.to, 1))),
    scope.sessionKind === null ? undefined : ofKind(sql`${encounters.sessionId}`, scope.sessionKind),
  )!;
}

/** Outreach sessions held in the scope: not cancelled, on a day of the period that has come. */
export function heldSessionsIn(scope: ReportScope): SQL {
  const last = scope.to < scope.today ? scope.to : scope.today;
  return and(
    inArray(outreachSessions.siteId, scope.siteIds),
    gte(outreachSessions.day, scope.from),
    lte(outreachSessions.day, last),
    eq(outreachSessions.isCancelled, false),
    scope.sessionKind === null ? undefined : eq(outreachSessions.kind, scope.sessionKind),
  )!;
}

/** Feedback responses of the scope (by the day on the response: no time is stored). */
export function responsesIn(scope: ReportScope): SQL {
  return and(
    inArray(feedbackResponses.siteId, scope.siteIds),
    gte(feedbackResponses.submittedOn, scope.from),
    lte(feedbackResponses.submittedOn, scope.to),
    scope.sessionKind === null ? undefined : ofKind(sql`${feedbackResponses.outreachSessionId}`, scope.sessionKind),
  )!;
}
