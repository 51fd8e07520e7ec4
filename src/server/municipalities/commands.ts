import { and, asc, eq } from 'drizzle-orm';
import type { MunicipalityInput, MunicipalityUpdate } from '../../domain/municipalities.js';
import { municipalities } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { authorize, canSomewhere, type Actor } from '../policy/policy.js';

type Ctx = { actor: Actor; requestId: string | null };

/** The municipalities of the caller's region, active ones and deactivated alike (the web tells them apart). */
export async function listMunicipalities(deps: Deps, actor: Actor) {
  // The list is the region's, not a site's: a role at any site of the region is enough (a check with the
  // region alone as facts would refuse site roles, whose grant needs a site).
  if (!canSomewhere(actor, 'municipality.list')) throw forbidden();
  return deps.db.orm.select().from(municipalities).where(eq(municipalities.regionId, actor.regionId)).orderBy(asc(municipalities.nameFi), asc(municipalities.code));
}

/** Adds a municipality to the caller's region. A code is the country's: it belongs to one region only. */
export async function createMunicipality(deps: Deps, ctx: Ctx, input: MunicipalityInput) {
  authorize(ctx.actor, 'municipality.manage', { regionId: ctx.actor.regionId });
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .insert(municipalities)
      .values({ code: input.code, regionId: ctx.actor.regionId, nameFi: input.names.fi, nameSv: input.names.sv, nameEn: input.names.en, isActive: true, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    // The same answer whether the code is this region's or another's: codes are public, holdings are not told.
    if (!row) throw conflict('A municipality with that code already exists.');
    await writeAudit(tx, { ...ctx, at: now }, { action: 'municipality.created', resourceType: 'municipality', resourceId: input.code });
    return row;
  });
}

/** Renames or (de)activates a municipality of the caller's region; another region's is "not found". */
export async function updateMunicipality(deps: Deps, ctx: Ctx, code: string, patch: MunicipalityUpdate) {
  authorize(ctx.actor, 'municipality.manage', { regionId: ctx.actor.regionId });
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .update(municipalities)
      .set({
        updatedAt: now,
        ...(patch.names ? { nameFi: patch.names.fi, nameSv: patch.names.sv, nameEn: patch.names.en } : {}),
        ...(patch.isActive === undefined ? {} : { isActive: patch.isActive }),
      })
      .where(and(eq(municipalities.code, code), eq(municipalities.regionId, ctx.actor.regionId)))
      .returning();
    if (!row) throw notFound('Municipality');
    // Each action spelled out, so that the audit labels' completeness test finds both.
    const entry = { resourceType: 'municipality', resourceId: code, details: { fields: Object.keys(patch) } };
    if (patch.isActive === false) await writeAudit(tx, { ...ctx, at: now }, { action: 'municipality.deactivated', ...entry });
    else await writeAudit(tx, { ...ctx, at: now }, { action: 'municipality.updated', ...entry });
    return row;
  });
}
