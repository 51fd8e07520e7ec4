import { and, count, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { itemResult, responseRate, type FeedbackResults, type ResultsQuery } from '../../domain/feedback.js';
import { addDays } from '../../domain/calendar.js';
import type { Executor } from '../db/connect.js';
import { feedbackAnswers, feedbackResponses } from '../db/schema-groups.js';
import { encounters } from '../db/schema-outreach.js';
import { helsinkiDayStart } from '../db/helsinki-time.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { authorize, can, type Resource } from '../policy/policy.js';
import { loadGroupSession, loadSeries } from '../groups/commands.js';
import { attendanceTotals, sessionsOfSeries, type GroupSessionRow } from '../groups/repo.js';
import { loadSession } from '../sessions/commands.js';
import { loadSite } from '../policy/site-access.js';
import { loadForm } from './forms.js';
import type { Ctx } from '../http/context.js';
import { itemDefinition, loadVersion, versionsOf } from './forms-repo.js';
import { formSiteIds } from './form-sites.js';

/** `regionWide`: no site or session chosen, so the meetings are those at the form's own sites (see peopleMet). */
type Scope = { resource: Resource; conditions: SQL[]; meetings: SQL[] | null; groupSessions: GroupSessionRow[] | null; regionWide: boolean };

/** Narrows results to one context (each checked for the reader), and the period. */
async function scopeOf(deps: Deps, ctx: Ctx, q: ResultsQuery): Promise<Scope> {
  const conditions: SQL[] = [];
  const meetings: SQL[] = [];
  let resource: Resource = { regionId: ctx.actor.regionId };
  let groups: GroupSessionRow[] | null = null;
  if (q.siteId) {
    const site = await loadSite(deps, ctx.actor, q.siteId, 'feedback.results');
    resource = { regionId: site.regionId, siteId: site.id };
    conditions.push(eq(feedbackResponses.siteId, site.id));
    meetings.push(eq(encounters.siteId, site.id));
  } else {
    conditions.push(eq(feedbackResponses.regionId, ctx.actor.regionId));
    meetings.push(eq(encounters.regionId, ctx.actor.regionId));
  }
  const checkSite = (siteId: string) => {
    if (q.siteId && q.siteId !== siteId) throw new AppError('bad_request', 'The session is not at that site.', { field: 'siteId' });
    resource = { regionId: ctx.actor.regionId, siteId };
  };
  if (q.outreachSessionId) {
    const { session } = await loadSession(deps, ctx.actor, q.outreachSessionId, 'feedback.results');
    checkSite(session.siteId);
    conditions.push(eq(feedbackResponses.outreachSessionId, session.id));
    meetings.push(eq(encounters.sessionId, session.id));
  } else if (q.groupSessionId) {
    const { session, site } = await loadGroupSession(deps, ctx.actor, q.groupSessionId, 'feedback.results');
    checkSite(site.id);
    conditions.push(eq(feedbackResponses.groupSessionId, session.id));
    groups = [session];
  } else if (q.groupSeriesId) {
    const { series, site } = await loadSeries(deps, ctx.actor, q.groupSeriesId, 'feedback.results');
    checkSite(site.id);
    groups = (await sessionsOfSeries(deps.db.orm, series.id)).filter((s) => (!q.from || s.day >= q.from) && (!q.to || s.day <= q.to));
    conditions.push(groups.length > 0 ? inArray(feedbackResponses.groupSessionId, groups.map((s) => s.id)) : sql`false`);
  }
  if (q.from) {
    conditions.push(gte(feedbackResponses.submittedOn, q.from));
    meetings.push(gte(encounters.occurredAt, helsinkiDayStart(q.from)));
  }
  if (q.to) {
    conditions.push(lte(feedbackResponses.submittedOn, q.to));
    meetings.push(lt(encounters.occurredAt, helsinkiDayStart(addDays(q.to, 1))));
  }
  return { resource, conditions, meetings: groups ? null : meetings, groupSessions: groups, regionWide: !q.siteId && !q.outreachSessionId && !q.groupSessionId && !q.groupSeriesId };
}

/**
 * The people the response rate divides by. Group contexts: the attendance of their sessions. Otherwise
 * meetings (encounters; a joint one counts once) in the period — and, without a site chosen, only at the
 * sites where this form was in use (a kiosk or a link for it there, or a response to it typed in there):
 * the meetings of sites that never offered the form would only make its rate look lower.
 */
async function peopleMet(ex: Executor, scope: Scope, formId: string): Promise<FeedbackResults['peopleMet']> {
  if (scope.groupSessions) return { basis: 'group_attendance', count: await attendanceTotals(ex, scope.groupSessions), siteCount: null };
  let siteCondition: SQL[] = [];
  let siteCount: number | null = null;
  if (scope.regionWide) {
    const siteIds = await formSiteIds(ex, formId);
    siteCount = siteIds.length;
    siteCondition = [siteIds.length > 0 ? inArray(encounters.siteId, siteIds) : sql`false`];
  }
  const [row] = await ex.select({ n: count() }).from(encounters).where(and(...scope.meetings!, ...siteCondition));
  return { basis: 'meetings', count: row?.n ?? 0, siteCount };
}

/**
 * Results of a form in a context and period, one block per version answered (old answers keep their
 * wording). Open answers only for readers allowed to see them, and that read is audited.
 */
export async function feedbackResults(deps: Deps, ctx: Ctx, formId: string, q: ResultsQuery): Promise<FeedbackResults> {
  const form = await loadForm(deps, ctx.actor, formId);
  if (q.from && q.to && q.to < q.from) throw new AppError('bad_request', '`to` is before `from`.', { field: 'to' });
  const scope = await scopeOf(deps, ctx, q);
  authorize(ctx.actor, 'feedback.results', scope.resource);
  const includeOpen = can(ctx.actor, 'feedback.open_answers', scope.resource);
  const ex = deps.db.orm;
  const versions = await versionsOf(ex, [form.id]);
  const where = and(inArray(feedbackResponses.formVersionId, versions.map((v) => v.id)), ...scope.conditions);
  const responses = await ex.select({ id: feedbackResponses.id, versionId: feedbackResponses.formVersionId, channel: feedbackResponses.channel }).from(feedbackResponses).where(where);
  const answers = await ex
    .select({ itemId: feedbackAnswers.itemId, score: feedbackAnswers.score, isNotApplicable: feedbackAnswers.isNotApplicable, choices: feedbackAnswers.choices, textValue: feedbackAnswers.textValue })
    .from(feedbackAnswers)
    .innerJoin(feedbackResponses, eq(feedbackResponses.id, feedbackAnswers.responseId))
    .where(where);
  const answered = new Set(responses.map((r) => r.versionId));
  const shown = versions.filter((v, i) => answered.has(v.id) || i === 0).reverse();
  const blocks = [];
  for (const version of shown) {
    const { items } = await loadVersion(ex, version);
    blocks.push({
      versionId: version.id,
      version: version.version,
      name: { fi: version.nameFi, sv: version.nameSv, en: version.nameEn },
      responses: responses.filter((r) => r.versionId === version.id).length,
      items: items.map((item) => itemResult(itemDefinition(item), answers, includeOpen)),
    });
  }
  const met = form.audience === 'staff' ? null : await peopleMet(ex, scope, form.id);
  const openCount = includeOpen ? answers.filter((a) => a.textValue !== null).length : 0;
  if (openCount > 0) {
    await writeAudit(ex, { ...ctx, at: deps.clock.now() }, { action: 'feedback.open_answers_read', resourceType: 'feedback_form', resourceId: form.id, siteId: scope.resource.siteId ?? null, regionId: form.regionId, details: { count: openCount } });
  }
  const byChannel = { kiosk: 0, link: 0, paper: 0 };
  for (const r of responses) byChannel[r.channel] += 1;
  return {
    formId: form.id,
    responses: responses.length,
    byChannel,
    peopleMet: met,
    responseRate: met ? responseRate(responses.length, met.count) : null,
    includesOpenAnswers: includeOpen,
    versions: blocks,
  };
}
