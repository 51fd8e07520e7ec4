import { and, desc, eq } from 'drizzle-orm';
import { goodPracticeInputSchema, type GoodPracticeInput, type GoodPracticeUpdate, type GoodPracticeView, type PublicGoodPractice } from '../../domain/good-practices.js';
import { can } from '../../domain/policy/index.js';
import { writeAudit } from '../audit/write-audit.js';
import type { Executor } from '../db/connect.js';
import { goodPractices, goodPracticeServices } from '../db/schema-help.js';
import type { Deps } from '../deps.js';
import { AppError, forbidden, notFound } from '../errors.js';
import type { Ctx } from '../http/context.js';
import { answerValues, findGoodPractice, foreignServices, isRegionPilot, presentForStaff, presentPublic, type GoodPracticeRow } from './repo.js';

const badRequest = (message: string, field: string) => new AppError('bad_request', message, { field });

/** A description of another region is not there at all (404); one of the caller's region they may not change is 403. */
async function loadFor(deps: Deps, ctx: Ctx, id: string, action: 'good_practice.read' | 'good_practice.manage'): Promise<GoodPracticeRow> {
  const row = await findGoodPractice(deps.db.orm, id);
  if (!row || row.regionId !== ctx.actor.regionId) throw notFound('Good practice');
  if (!can(ctx.actor, action, { regionId: row.regionId })) throw forbidden();
  return row;
}

async function assertLinks(ex: Executor, regionId: string, pilotId: string | null | undefined, serviceIds: string[] | undefined): Promise<void> {
  if (pilotId && !(await isRegionPilot(ex, regionId, pilotId))) throw badRequest('The pilot is not one of the region\'s pilots.', 'pilotId');
  if (serviceIds && (await foreignServices(ex, regionId, serviceIds)).length > 0) throw badRequest('The services are the region\'s own services.', 'serviceIds');
}

async function setServices(tx: Executor, id: string, serviceIds: string[]): Promise<void> {
  await tx.delete(goodPracticeServices).where(eq(goodPracticeServices.goodPracticeId, id));
  const unique = [...new Set(serviceIds)];
  if (unique.length > 0) await tx.insert(goodPracticeServices).values(unique.map((serviceId) => ({ goodPracticeId: id, serviceId })));
}

export async function readGoodPractice(deps: Deps, ctx: Ctx, id: string): Promise<GoodPracticeView> {
  const row = await loadFor(deps, ctx, id, 'good_practice.read');
  return (await presentForStaff(deps.db.orm, [row]))[0]!;
}

export async function listGoodPractices(deps: Deps, ctx: Ctx): Promise<GoodPracticeView[]> {
  if (!can(ctx.actor, 'good_practice.read', { regionId: ctx.actor.regionId })) throw forbidden();
  const rows = await deps.db.orm.select().from(goodPractices).where(eq(goodPractices.regionId, ctx.actor.regionId)).orderBy(desc(goodPractices.updatedAt), desc(goodPractices.id));
  return presentForStaff(deps.db.orm, rows);
}

/** A new description, as a draft: nothing is public until the coordinator publishes it. */
export async function createGoodPractice(deps: Deps, ctx: Ctx, raw: GoodPracticeInput): Promise<GoodPracticeView> {
  const input = goodPracticeInputSchema.parse(raw);
  const regionId = ctx.actor.regionId;
  if (!can(ctx.actor, 'good_practice.manage', { regionId })) throw forbidden();
  const id = deps.ids.newId();
  const now = deps.clock.now();
  await deps.db.orm.transaction(async (tx) => {
    await assertLinks(tx, regionId, input.pilotId, input.serviceIds);
    await tx.insert(goodPractices).values({
      id, regionId, title: input.title, organisation: input.organisation, author: input.author, describedOn: input.describedOn, language: input.language,
      answerModel: '', answerBenefits: '', answerChallenges: '', answerRegionWide: '', answerImprovements: '', answerClientExample: '', answerSupportsClientWork: '',
      ...answerValues(input.answers), pilotId: input.pilotId, figures: input.figures, status: 'draft', publishedAt: null, createdBy: ctx.actor.userId, createdAt: now, updatedAt: now,
    });
    await setServices(tx, id, input.serviceIds);
    await writeAudit(tx, { ...ctx, at: now }, { action: 'good_practice.created', resourceType: 'good_practice', resourceId: id, regionId, details: { pilotId: input.pilotId, serviceIds: input.serviceIds } });
  });
  return readGoodPractice(deps, ctx, id);
}

export async function updateGoodPractice(deps: Deps, ctx: Ctx, id: string, patch: GoodPracticeUpdate): Promise<GoodPracticeView> {
  const row = await loadFor(deps, ctx, id, 'good_practice.manage');
  const now = deps.clock.now();
  await deps.db.orm.transaction(async (tx) => {
    await assertLinks(tx, row.regionId, patch.pilotId, patch.serviceIds);
    const { answers, serviceIds, ...rest } = patch;
    await tx.update(goodPractices).set({ ...rest, ...(answers ? answerValues(answers) : {}), updatedAt: now }).where(eq(goodPractices.id, id));
    if (serviceIds) await setServices(tx, id, serviceIds);
    await writeAudit(tx, { ...ctx, at: now }, { action: 'good_practice.updated', resourceType: 'good_practice', resourceId: id, regionId: row.regionId, details: { fields: Object.keys(patch).sort() } });
  });
  return readGoodPractice(deps, ctx, id);
}

/** Publishing is the coordinator's choice, and so is taking a description off the public page. */
export async function publishGoodPractice(deps: Deps, ctx: Ctx, id: string, published: boolean): Promise<GoodPracticeView> {
  const row = await loadFor(deps, ctx, id, 'good_practice.manage');
  if (published && row.answerModel.trim() === '') {
    throw new AppError('bad_request', 'Describe the model briefly (the first question) before publishing.', { field: 'answers.model' });
  }
  const now = deps.clock.now();
  await deps.db.orm.transaction(async (tx) => {
    await tx.update(goodPractices).set({ status: published ? 'published' : 'draft', publishedAt: published ? (row.publishedAt ?? now) : null, updatedAt: now }).where(eq(goodPractices.id, id));
    await writeAudit(tx, { ...ctx, at: now }, { action: published ? 'good_practice.published' : 'good_practice.unpublished', resourceType: 'good_practice', resourceId: id, regionId: row.regionId });
  });
  return readGoodPractice(deps, ctx, id);
}

/** The public page: one region's published descriptions, newest first. */
export async function publicGoodPractices(deps: Deps, regionId: string): Promise<PublicGoodPractice[]> {
  const rows = await deps.db.orm.select().from(goodPractices).where(and(eq(goodPractices.status, 'published'), eq(goodPractices.regionId, regionId))).orderBy(desc(goodPractices.publishedAt), desc(goodPractices.id)).limit(200);
  return presentPublic(deps.db.orm, rows);
}

export async function publicGoodPractice(deps: Deps, id: string): Promise<PublicGoodPractice> {
  const row = await findGoodPractice(deps.db.orm, id);
  if (!row || row.status !== 'published') throw notFound('Good practice');
  return (await presentPublic(deps.db.orm, [row]))[0]!;
}
