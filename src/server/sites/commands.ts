import { and, asc, eq, inArray } from 'drizzle-orm';
import type { RegionInput, SiteInput, SiteUpdate, UnitInput } from '../../domain/org.js';
import { regions, sites, units } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { authorize, sitesFor, type Actor } from '../policy/policy.js';
import type { RequestContext } from '../auth/commands.js';
import { seedDefaultServices } from '../codes/reference-data.js';
import { seedDefaultFeedbackForms } from '../feedback/seed.js';

type Ctx = RequestContext & { actor: Actor };
const auditCtx = (deps: Deps, ctx: Ctx) => ({ actor: ctx.actor, at: deps.clock.now(), requestId: ctx.requestId });

/** Creates a region. Used by the CLI and the demo seeder (regions are set up once per deployment). */
export async function createRegion(deps: Deps, input: RegionInput, requestId: string | null = null) {
  const id = deps.ids.newId();
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx.insert(regions).values({ id, name: input.name, createdAt: now }).returning();
    await seedDefaultServices(tx, deps.ids, id, now);
    await seedDefaultFeedbackForms(tx, deps.ids, id, now);
    await writeAudit(tx, { actor: null, at: now, requestId }, { action: 'region.created', resourceType: 'region', resourceId: id, regionId: id });
    return row!;
  });
}

export async function listRegions(deps: Deps, actor: Actor) {
  return deps.db.orm.select().from(regions).where(eq(regions.id, actor.regionId));
}

/** Sites the actor holds a role at (all of the region for region-wide roles). */
export async function listSites(deps: Deps, actor: Actor) {
  const visible = sitesFor(actor, 'site.list');
  if (visible !== 'all' && visible.length === 0) return [];
  const inRegion = eq(sites.regionId, actor.regionId);
  return deps.db.orm
    .select()
    .from(sites)
    .where(visible === 'all' ? inRegion : and(inRegion, inArray(sites.id, visible)))
    .orderBy(asc(sites.name));
}

/** Loads a site the actor may see for `action`; other regions' sites are "not found", not "forbidden". */
async function loadSite(deps: Deps, actor: Actor, siteId: string, action: 'site.read' | 'site.update') {
  const [row] = await deps.db.orm.select().from(sites).where(eq(sites.id, siteId));
  if (!row || row.regionId !== actor.regionId) throw notFound('Site');
  authorize(actor, action, { regionId: row.regionId, siteId: row.id });
  return row;
}

export const getSite = (deps: Deps, actor: Actor, siteId: string) => loadSite(deps, actor, siteId, 'site.read');

export async function createSite(deps: Deps, ctx: Ctx, input: SiteInput) {
  authorize(ctx.actor, 'site.create', { regionId: input.regionId });
  const id = deps.ids.newId();
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .insert(sites)
      .values({ id, ...input, isActive: true, createdAt: now, updatedAt: now })
      .returning();
    await writeAudit(tx, auditCtx(deps, ctx), { action: 'site.created', resourceType: 'site', resourceId: id, siteId: id, regionId: input.regionId });
    return row!;
  });
}

export async function updateSite(deps: Deps, ctx: Ctx, siteId: string, patch: SiteUpdate) {
  await loadSite(deps, ctx.actor, siteId, 'site.update');
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx.update(sites).set({ ...patch, updatedAt: now }).where(eq(sites.id, siteId)).returning();
    await writeAudit(tx, auditCtx(deps, ctx), {
      action: 'site.updated',
      resourceType: 'site',
      resourceId: siteId,
      siteId,
      details: { fields: Object.keys(patch) },
    });
    return row!;
  });
}

export async function listUnits(deps: Deps, actor: Actor) {
  return deps.db.orm.select().from(units).where(eq(units.regionId, actor.regionId)).orderBy(asc(units.name));
}

export async function createUnit(deps: Deps, ctx: Ctx, input: UnitInput) {
  authorize(ctx.actor, 'unit.create', { regionId: input.regionId });
  const id = deps.ids.newId();
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx.insert(units).values({ id, ...input, createdAt: now }).returning();
    await writeAudit(tx, auditCtx(deps, ctx), { action: 'unit.created', resourceType: 'unit', resourceId: id, regionId: input.regionId });
    return row!;
  });
}
