import { and, asc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { ScoreCounts } from '../../domain/feedback.js';
import { feedbackAnswers, feedbackFormVersions, feedbackForms, feedbackItems, feedbackResponses, groupSeries, groupSessions } from '../db/schema-groups.js';
import type { Deps } from '../deps.js';
import type { ItemRow } from '../feedback/forms-repo.js';
import type { RollupFigures } from './rollups/read.js';
import { responsesIn, type ReportScope } from './scope.js';

export type AnsweredVersion = {
  id: string;
  formId: string;
  version: number;
  name: { fi: string; sv: string; en: string };
  responses: number;
  /** Responses given outside group sessions: with none, the version was answered in groups only. */
  outsideGroups: number;
};

/** Visitor form versions answered in the scope, with their response counts (from the rollups). */
export async function answeredVersions(deps: Deps, figures: RollupFigures): Promise<AnsweredVersion[]> {
  const answered = figures.keys('fb_resp');
  if (answered.length === 0) return [];
  const rows = await deps.db.orm
    .select({
      id: feedbackFormVersions.id,
      formId: feedbackFormVersions.formId,
      version: feedbackFormVersions.version,
      nameFi: feedbackFormVersions.nameFi,
      nameSv: feedbackFormVersions.nameSv,
      nameEn: feedbackFormVersions.nameEn,
    })
    .from(feedbackFormVersions)
    .innerJoin(feedbackForms, eq(feedbackForms.id, feedbackFormVersions.formId))
    .where(and(inArray(feedbackFormVersions.id, answered), eq(feedbackForms.audience, 'visitor')))
    .orderBy(asc(feedbackForms.createdAt), asc(feedbackFormVersions.formId), asc(feedbackFormVersions.version));
  return rows.map((r) => ({
    id: r.id,
    formId: r.formId,
    version: r.version,
    name: { fi: r.nameFi, sv: r.nameSv, en: r.nameEn },
    responses: figures.get('fb_resp', r.id),
    outsideGroups: figures.get('fb_outside', r.id),
  }));
}

export async function itemsOf(deps: Deps, versionIds: string[]): Promise<ItemRow[]> {
  return deps.db.orm.select().from(feedbackItems).where(inArray(feedbackItems.versionId, versionIds)).orderBy(asc(feedbackItems.versionId), asc(feedbackItems.position));
}

/** The score counts of every item answered in the scope, from the rollups (fb_ans/<item id>:<score or na>). */
export function scoreCountsByItem(figures: RollupFigures): Map<string, ScoreCounts> {
  const byItem = new Map<string, { byScore: Map<number, number>; notApplicable: number }>();
  for (const key of figures.keys('fb_ans')) {
    const [itemId = '', value = ''] = key.split(':');
    const counts = byItem.get(itemId) ?? { byScore: new Map<number, number>(), notApplicable: 0 };
    const n = figures.get('fb_ans', key);
    if (value === 'na') counts.notApplicable += n;
    else counts.byScore.set(Number(value), n);
    byItem.set(itemId, counts);
  }
  return byItem;
}

/** Open answers of the scope (person-level: only for permitted readers, and audited by the caller). */
export async function openAnswers(deps: Deps, scope: ReportScope, versionIds: string[]): Promise<{ itemId: string; formId: string; text: string }[]> {
  const rows = await deps.db.orm
    .select({ itemId: feedbackAnswers.itemId, formId: feedbackFormVersions.formId, text: feedbackAnswers.textValue })
    .from(feedbackAnswers)
    .innerJoin(feedbackResponses, eq(feedbackResponses.id, feedbackAnswers.responseId))
    .innerJoin(feedbackFormVersions, eq(feedbackFormVersions.id, feedbackResponses.formVersionId))
    .where(and(responsesIn(scope), inArray(feedbackResponses.formVersionId, versionIds), isNotNull(feedbackAnswers.textValue)))
    .orderBy(asc(feedbackResponses.submittedOn), asc(feedbackAnswers.itemId), asc(feedbackAnswers.textValue));
  return rows.map((r) => ({ itemId: r.itemId, formId: r.formId, text: r.text ?? '' }));
}

/** People met at group sessions held in the period at the sites: counters plus codes. */
export async function groupAttendance(deps: Deps, scope: ReportScope): Promise<number> {
  const [row] = await deps.db.orm
    .select({
      total: sql<number>`coalesce(sum(coalesce(${groupSessions.anonymousTotal}, 0) + (select count(*) from group_attendees a where a.session_id = ${groupSessions.id})), 0)::int`,
    })
    .from(groupSessions)
    .innerJoin(groupSeries, eq(groupSeries.id, groupSessions.seriesId))
    .where(and(inArray(groupSeries.siteId, scope.siteIds), gte(groupSessions.day, scope.from), lte(groupSessions.day, scope.to), eq(groupSessions.isCancelled, false)));
  return Number(row?.total ?? 0);
}

/** Per choice item (one-of, many-of): how many answered it (n), and how many chose each option. */
export type ChoiceCounts = { n: number; byOption: Map<string, number> };

/**
 * Choice answers of the scope, counted in the database (one row per item and option, and one per item
 * for n). From the base tables, not the rollups: choice answers are few beside encounters.
 */
export async function choiceCountsByItem(deps: Deps, scope: ReportScope, versionIds: string[]): Promise<Map<string, ChoiceCounts>> {
  const inScope = and(responsesIn(scope), inArray(feedbackResponses.formVersionId, versionIds), isNotNull(feedbackAnswers.choices));
  const [answered, chosen] = await Promise.all([
    deps.db.orm
      .select({ itemId: feedbackAnswers.itemId, n: sql<number>`count(*)::int` })
      .from(feedbackAnswers)
      .innerJoin(feedbackResponses, eq(feedbackResponses.id, feedbackAnswers.responseId))
      .where(inScope)
      .groupBy(feedbackAnswers.itemId),
    deps.db.orm
      .select({ itemId: feedbackAnswers.itemId, option: sql<string>`c.option`, n: sql<number>`count(*)::int` })
      .from(feedbackAnswers)
      .innerJoin(feedbackResponses, eq(feedbackResponses.id, feedbackAnswers.responseId))
      .innerJoin(sql`jsonb_array_elements_text(${feedbackAnswers.choices}) as c(option)`, sql`true`)
      .where(inScope)
      .groupBy(feedbackAnswers.itemId, sql`c.option`),
  ]);
  const byItem = new Map<string, ChoiceCounts>(answered.map((r) => [r.itemId, { n: Number(r.n), byOption: new Map() }]));
  for (const r of chosen) byItem.get(r.itemId)?.byOption.set(r.option, Number(r.n));
  return byItem;
}
