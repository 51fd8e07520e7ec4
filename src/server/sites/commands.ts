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
import { cleanTranslations } from '../../domain/translations.js';
import { chosenSlug, roomTranslationsFor } from './site-address.js';

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
    const { slug: asked, nameTranslations, roomTranslations, ...fields } = input;
    const slug = await chosenSlug(tx, id, input.name, asked);
    const translated = { nameTranslations: cleanTranslations(nameTranslations ?? {}), roomTranslations: roomTranslationsFor(input.rooms, roomTranslations ?? {}) };
    const [row] = await tx
      .insert(sites)
      .values({ id, ...fields, ...translated, slug, isActive: true, createdAt: now, updatedAt: now })
      .returning();
    await writeAudit(tx, auditCtx(deps, ctx), { action: 'site.created', resourceType: 'site', resourceId: id, siteId: id, regionId: input.regionId });
    return row!;
  });
}

export async function updateSite(deps: Deps, ctx: Ctx, siteId: string, patch: SiteUpdate) {
  const current = await loadSite(deps, ctx.actor, siteId, 'site.update');
  const now = deps.clock.now();
  const { slug: asked, nameTranslations, roomTranslations, ...fields } = patch;
  return deps.db.orm.transaction(async (tx) => {
    const changes = {
      ...fields,
      ...(asked === undefined || asked === current.slug ? {} : { slug: await chosenSlug(tx, siteId, patch.name ?? current.name, asked) }),
      ...(nameTranslations === undefined ? {} : { nameTranslations: cleanTranslations(nameTranslations) }),
      // Renamed or removed rooms lose their translations; a new list keeps those of the rooms that stay.
      ...(roomTranslations === undefined && patch.rooms === undefined
        ? {}
        : { roomTranslations: roomTranslationsFor(patch.rooms ?? current.rooms, roomTranslations ?? current.roomTranslations) }),
    };
    const [row] = await tx.update(sites).set({ ...changes, updatedAt: now }).where(eq(sites.id, siteId)).returning();
    await writeAudit(tx, auditCtx(deps, ctx), {
      action: 'site.updated',
      resourceType: 'site',
      resourceId: siteId,
      siteId,
      // The old address is recorded: a poster printed with it may still be on a wall somewhere.
      details: { fields: Object.keys(patch), ...(changes.slug === undefined ? {} : { slugBefore: current.slug, slug: row!.slug }) },
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
