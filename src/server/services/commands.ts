import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { addDays } from '../../domain/calendar.js';
import { serviceContentSchema, type ServiceContent, type ServiceContentInput } from '../../domain/services/description.js';
import { defaultReviewDue, earliestReviewDue, missingForPublication, nextTrayStatus, type TrayEvent } from '../../domain/services/editorial.js';
import type { z } from 'zod';
import type { trayEditorialUpdateSchema, trayOrganizationInputSchema, TrayServiceDetail, TrayServiceSummary } from '../../domain/services/views.js';
import { writeAudit } from '../audit/write-audit.js';
import type { Executor } from '../db/connect.js';
import { units, users } from '../db/schema.js';
import { serviceOrganizations, serviceVersions, trayServices } from '../db/schema-services.js';
import type { Deps } from '../deps.js';
import { AppError, conflict, notFound } from '../errors.js';
import type { RequestContext } from '../http/context.js';
import { authorize, conditionFor, type Action } from '../policy/policy.js';
import { compileCondition } from '../policy/sql.js';
import { trayServiceColumns } from './columns.js';
import { presentDetail, presentSummary, serviceFacts } from './present.js';
import { activeMunicipalityCodes, contentOf, listVersions, loadService, loadVersion, type TrayServiceRow, unitNames, userNames } from './repo.js';

const bad = (message: string, field: string, reason: string) => new AppError('bad_request', message, { field, reason });

/**
 * Checks what a description points at, in the caller's region: municipalities (active ones), the
 * organiser and producers; and gives every new location an id (kept from version to version, so the
 * HSDS location stays the same place).
 */
export async function settleContent(ex: Executor, deps: Deps, regionId: string, input: ServiceContentInput): Promise<ServiceContent> {
  const content = serviceContentSchema.parse(input);
  const active = await activeMunicipalityCodes(ex, regionId);
  const codes = [...content.access.municipalityCodes, ...content.locations.flatMap((l) => (l.municipalityCode ? [l.municipalityCode] : []))];
  if (codes.some((c) => !active.has(c))) throw bad('Unknown municipality.', 'municipalityCodes', 'unknown');
  const orgIds = [...(content.organiserId ? [content.organiserId] : []), ...content.producerIds];
  if (orgIds.length > 0) {
    const found = await ex.select({ id: serviceOrganizations.id }).from(serviceOrganizations).where(and(eq(serviceOrganizations.regionId, regionId), sql`${serviceOrganizations.id} in (${sql.join(orgIds.map((id) => sql`${id}`), sql`, `)})`));
    if (new Set(found.map((f) => f.id)).size !== new Set(orgIds).size) throw bad('Unknown organisation.', 'organiserId', 'unknown');
  }
  const seen = new Set<string>();
  const locations = content.locations.map((l) => {
    const id = l.id && !seen.has(l.id) ? l.id : deps.ids.newId();
    seen.add(id);
    return { ...l, id };
  });
  return { ...content, access: { ...content.access, municipalityCodes: [...new Set(content.access.municipalityCodes)] }, categories: [...new Set(content.categories)], locations };
}

async function namesFor(ex: Executor, rows: TrayServiceRow[], extraUsers: string[] = []) {
  return {
    units: await unitNames(ex, rows.map((r) => r.ownerUnitId)),
    users: await userNames(ex, [...rows.map((r) => r.responsibleUserId), ...extraUsers]),
  };
}

/** A tray service of the caller's region (another region's or a bare referral target is "not found"), checked against the rule. */
async function loadFor(ex: Executor, ctx: RequestContext, id: string, action: Action | null, lock = false): Promise<TrayServiceRow> {
  const row = await loadService(ex, id, lock);
  if (!row || row.regionId !== ctx.actor.regionId || row.trayStatus === 'none') throw notFound('Service');
  if (action) authorize(ctx.actor, action, serviceFacts(row));
  return row;
}

export async function detailOf(ex: Executor, ctx: RequestContext, row: TrayServiceRow): Promise<TrayServiceDetail> {
  const versions = await listVersions(ex, row.id);
  const latest = versions[0];
  if (!latest) throw notFound('Service');
  const names = await namesFor(ex, [row], versions.map((v) => v.savedBy));
  return presentDetail(row, contentOf(latest), versions, names, ctx.actor, ctx.today);
}

/** The region's tray: every service with a description, whatever its status, by name. */
export async function listTrayServices(deps: Deps, ctx: RequestContext): Promise<TrayServiceSummary[]> {
  const rows = await deps.db.orm.select().from(trayServices).where(and(eq(trayServices.regionId, ctx.actor.regionId), ne(trayServices.trayStatus, 'none'))).orderBy(asc(trayServices.nameFi), asc(trayServices.id));
  const names = await namesFor(deps.db.orm, rows);
  return rows.map((r) => presentSummary(r, names, ctx.actor, ctx.today));
}

/**
 * The overdue list (rule 6.3.4): published services past their review day that the caller keeps — their
 * unit's or those they are responsible for. The same rule that lets them edit one filters the list.
 */
export async function listOverdue(deps: Deps, ctx: RequestContext): Promise<TrayServiceSummary[]> {
  const mine = compileCondition(conditionFor(ctx.actor, 'tray_service.edit'), trayServiceColumns);
  const rows = await deps.db.orm
    .select()
    .from(trayServices)
    .where(and(eq(trayServices.trayStatus, 'published'), sql`${trayServices.reviewDueOn} < ${ctx.today}`, mine))
    .orderBy(asc(trayServices.reviewDueOn), asc(trayServices.nameFi));
  const names = await namesFor(deps.db.orm, rows);
  return rows.map((r) => presentSummary(r, names, ctx.actor, ctx.today));
}

export async function readTrayService(deps: Deps, ctx: RequestContext, id: string): Promise<TrayServiceDetail> {
  return detailOf(deps.db.orm, ctx, await loadFor(deps.db.orm, ctx, id, null));
}

export async function readTrayVersion(deps: Deps, ctx: RequestContext, id: string, version: number) {
  await loadFor(deps.db.orm, ctx, id, null);
  const row = await loadVersion(deps.db.orm, id, version);
  if (!row) throw notFound('Version');
  const names = await userNames(deps.db.orm, [row.savedBy]);
  return { version: row.version, savedBy: { id: row.savedBy, name: names.get(row.savedBy) ?? '' }, savedAt: row.savedAt.toISOString(), publishedAt: row.publishedAt?.toISOString() ?? null, content: contentOf(row) };
}

const codeFor = (id: string) => `tray_${id.replace(/-/g, '')}`;

/**
 * A new tray service, owned by the creator's unit with the creator responsible for it; or a referral
 * target of the region that had no description (`serviceId`), which keeps its id (referrals point at it).
 */
export async function createTrayService(deps: Deps, ctx: RequestContext, input: { content: ServiceContentInput; serviceId?: string }, options: { ptvId?: string } = {}): Promise<TrayServiceDetail> {
  authorize(ctx.actor, 'tray_service.create', { regionId: ctx.actor.regionId });
  const unitId = ctx.actor.unitId ?? null;
  if (unitId === null) throw bad('You belong to no unit: a tray service is owned by the unit that writes it.', 'ownerUnitId', 'no_unit');
  return deps.db.orm.transaction(async (tx) => {
    const content = await settleContent(tx, deps, ctx.actor.regionId, input.content);
    const now = ctx.now;
    const editorial = { ownerUnitId: unitId, responsibleUserId: ctx.actor.userId, trayStatus: 'draft' as const, currentVersion: 1, updatedAt: now, ...(options.ptvId ? { ptvId: options.ptvId } : {}) };
    let id: string;
    if (input.serviceId) {
      const existing = await loadService(tx, input.serviceId, true);
      if (!existing || existing.regionId !== ctx.actor.regionId) throw notFound('Service');
      if (existing.trayStatus !== 'none') throw conflict('That service already has a description on the tray.');
      id = existing.id;
      await tx.update(trayServices).set(editorial).where(eq(trayServices.id, id));
    } else {
      id = deps.ids.newId();
      // Not a referral target until it is published (is_active false): a draft is not yet a service to send anyone to.
      await tx.insert(trayServices).values({
        id, regionId: ctx.actor.regionId, code: codeFor(id), nameFi: content.names.fi || '—', nameSv: content.names.sv, nameEn: content.names.en, sortOrder: 1000, isActive: false, createdAt: now, ...editorial,
      });
    }
    await tx.insert(serviceVersions).values({ serviceId: id, version: 1, content, savedBy: ctx.actor.userId, savedAt: now });
    await writeAudit(tx, { ...ctx, at: now }, { action: 'tray_service.created', resourceType: 'service', resourceId: id, details: { version: 1 } });
    return detailOf(tx, ctx, (await loadService(tx, id))!);
  });
}

function transition(row: TrayServiceRow, event: TrayEvent) {
  const next = nextTrayStatus(row.trayStatus, event);
  if (next === null) throw conflict(`A ${row.trayStatus} service cannot be ${event === 'review' ? 'reviewed' : `${event}ed`}.`);
  return next;
}

/** Saves a new version. What the public sees does not change until it is published. */
export async function saveTrayDraft(deps: Deps, ctx: RequestContext, id: string, input: { content: ServiceContentInput; baseVersion: number }): Promise<TrayServiceDetail> {
  return deps.db.orm.transaction(async (tx) => {
    const row = await loadFor(tx, ctx, id, 'tray_service.edit', true);
    if (input.baseVersion !== row.currentVersion) throw conflict('Someone saved a newer version meanwhile: reload it and make your change again.');
    const status = transition(row, 'save');
    const content = await settleContent(tx, deps, row.regionId, input.content);
    const version = row.currentVersion + 1;
    await tx.insert(serviceVersions).values({ serviceId: id, version, content, savedBy: ctx.actor.userId, savedAt: ctx.now });
    const [updated] = await tx.update(trayServices).set({ currentVersion: version, trayStatus: status, updatedAt: ctx.now }).where(eq(trayServices.id, id)).returning();
    await writeAudit(tx, { ...ctx, at: ctx.now }, { action: 'tray_service.saved', resourceType: 'service', resourceId: id, details: { version } });
    return detailOf(tx, ctx, updated!);
  });
}

function reviewDay(ctx: RequestContext, requested: string | undefined): string {
  if (requested === undefined) return defaultReviewDue(ctx.today);
  if (requested < earliestReviewDue(ctx.today) || requested > addDays(ctx.today, 3 * 366)) throw bad('The review day must be after today and within three years.', 'reviewDueOn', 'out_of_range');
  return requested;
}

/** Publishes the latest version, if all nine fields are there (rule 6.3.1); it is checked today by the owning unit. */
export async function publishTrayService(deps: Deps, ctx: RequestContext, id: string, input: { version: number; reviewDueOn?: string }): Promise<TrayServiceDetail> {
  return deps.db.orm.transaction(async (tx) => {
    const row = await loadFor(tx, ctx, id, 'tray_service.edit', true);
    const status = transition(row, 'publish');
    if (input.version !== row.currentVersion) throw conflict('A newer version was saved after the one you read: look at it before publishing.');
    const version = await loadVersion(tx, id, input.version);
    const content = contentOf(version!);
    const missing = missingForPublication(content);
    if (missing.length > 0) throw new AppError('bad_request', 'All nine fields are needed before publishing.', { field: 'content', reason: 'incomplete', missing });
    const reviewDueOn = reviewDay(ctx, input.reviewDueOn);
    await tx.update(serviceVersions).set({ publishedAt: ctx.now, publishedBy: ctx.actor.userId }).where(and(eq(serviceVersions.serviceId, id), eq(serviceVersions.version, input.version)));
    const [updated] = await tx
      .update(trayServices)
      .set({
        trayStatus: status, publishedVersion: input.version, publishedAt: ctx.now, reviewDueOn, checkedOn: ctx.today, checkedByUnitId: row.ownerUnitId,
        nameFi: content.names.fi, nameSv: content.names.sv || content.names.fi, nameEn: content.names.en || content.names.fi, isActive: true, updatedAt: ctx.now, publicModifiedAt: ctx.now,
      })
      .where(eq(trayServices.id, id))
      .returning();
    await writeAudit(tx, { ...ctx, at: ctx.now }, { action: 'tray_service.published', resourceType: 'service', resourceId: id, details: { version: input.version, reviewDueOn } });
    return detailOf(tx, ctx, updated!);
  });
}

/** "Still valid": the owning unit checked the published description today; the next review moves on. */
export async function reviewTrayService(deps: Deps, ctx: RequestContext, id: string, input: { reviewDueOn?: string }): Promise<TrayServiceDetail> {
  return deps.db.orm.transaction(async (tx) => {
    const row = await loadFor(tx, ctx, id, 'tray_service.edit', true);
    transition(row, 'review');
    const reviewDueOn = reviewDay(ctx, input.reviewDueOn);
    const [updated] = await tx.update(trayServices).set({ reviewDueOn, checkedOn: ctx.today, checkedByUnitId: row.ownerUnitId, updatedAt: ctx.now, publicModifiedAt: ctx.now }).where(eq(trayServices.id, id)).returning();
    await writeAudit(tx, { ...ctx, at: ctx.now }, { action: 'tray_service.reviewed', resourceType: 'service', resourceId: id, details: { reviewDueOn } });
    return detailOf(tx, ctx, updated!);
  });
}

/** Takes the service off the public tray and out of the referral targets; its versions stay. */
export async function archiveTrayService(deps: Deps, ctx: RequestContext, id: string): Promise<TrayServiceDetail> {
  return deps.db.orm.transaction(async (tx) => {
    const row = await loadFor(tx, ctx, id, 'tray_service.edit', true);
    const status = transition(row, 'archive');
    const [updated] = await tx.update(trayServices).set({ trayStatus: status, isActive: false, updatedAt: ctx.now, publicModifiedAt: ctx.now }).where(eq(trayServices.id, id)).returning();
    await writeAudit(tx, { ...ctx, at: ctx.now }, { action: 'tray_service.archived', resourceType: 'service', resourceId: id });
    return detailOf(tx, ctx, updated!);
  });
}

/** Hands the service to another unit or responsible person of the region, or moves its review day. */
export async function updateTrayEditorial(deps: Deps, ctx: RequestContext, id: string, patch: z.infer<typeof trayEditorialUpdateSchema>): Promise<TrayServiceDetail> {
  return deps.db.orm.transaction(async (tx) => {
    const row = await loadFor(tx, ctx, id, 'tray_service.manage', true);
    if (patch.ownerUnitId) {
      const [unit] = await tx.select({ id: units.id }).from(units).where(and(eq(units.id, patch.ownerUnitId), eq(units.regionId, row.regionId)));
      if (!unit) throw bad('Unknown unit.', 'ownerUnitId', 'unknown');
    }
    if (patch.responsibleUserId) {
      const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, patch.responsibleUserId), eq(users.regionId, row.regionId), eq(users.isActive, true)));
      if (!user) throw bad('Unknown user.', 'responsibleUserId', 'unknown');
    }
    const reviewDueOn = patch.reviewDueOn === undefined ? undefined : reviewDay(ctx, patch.reviewDueOn);
    const [updated] = await tx
      .update(trayServices)
      .set({ updatedAt: ctx.now, ...(patch.ownerUnitId ? { ownerUnitId: patch.ownerUnitId } : {}), ...(patch.responsibleUserId ? { responsibleUserId: patch.responsibleUserId } : {}), ...(reviewDueOn ? { reviewDueOn } : {}) })
      .where(eq(trayServices.id, id))
      .returning();
    await writeAudit(tx, { ...ctx, at: ctx.now }, { action: 'tray_service.editorial_updated', resourceType: 'service', resourceId: id, details: { fields: Object.keys(patch) } });
    return detailOf(tx, ctx, updated!);
  });
}

export async function createOrganization(deps: Deps, ctx: RequestContext, input: z.infer<typeof trayOrganizationInputSchema>, ptvId: string | null = null, ex: Executor = deps.db.orm) {
  authorize(ctx.actor, 'tray_organization.manage', { regionId: ctx.actor.regionId });
  const id = deps.ids.newId();
  const [row] = await ex
    .insert(serviceOrganizations)
    .values({ id, regionId: ctx.actor.regionId, nameFi: input.names.fi, nameSv: input.names.sv, nameEn: input.names.en, businessId: input.businessId, website: input.website, email: input.email, ptvId, createdAt: ctx.now, updatedAt: ctx.now })
    .returning();
  await writeAudit(ex, { ...ctx, at: ctx.now }, { action: 'tray_organization.created', resourceType: 'service_organization', resourceId: id });
  return row!;
}
