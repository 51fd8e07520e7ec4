import { and, desc, eq, inArray } from 'drizzle-orm';
import type { ObservationNotice } from '../../domain/structural/observations.js';
import { writeAudit } from '../audit/write-audit.js';
import { structuralNotifications, structuralObservations } from '../db/schema-structural.js';
import type { Deps } from '../deps.js';
import { forbidden } from '../errors.js';
import type { Ctx } from '../http/context.js';
import { canSomewhere } from '../policy/policy.js';

/**
 * The caller's own notices: each status change of an observation they filed or co-signed, newest first.
 * A notice is the caller's alone (it was addressed to them), so no further rule is asked; the observation
 * itself is still read through its own route and rules.
 */
export async function listNotices(deps: Deps, ctx: Ctx): Promise<ObservationNotice[]> {
  if (!canSomewhere(ctx.actor, 'observation.read')) throw forbidden();
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const rows = await tx
      .select({ n: structuralNotifications, category: structuralObservations.category, municipalityCode: structuralObservations.municipalityCode, regionId: structuralObservations.regionId })
      .from(structuralNotifications)
      .innerJoin(structuralObservations, eq(structuralObservations.id, structuralNotifications.observationId))
      .where(and(eq(structuralNotifications.userId, ctx.actor.userId), eq(structuralObservations.regionId, ctx.actor.regionId)))
      .orderBy(desc(structuralNotifications.at), desc(structuralNotifications.id))
      .limit(50);
    await writeAudit(tx, { ...ctx, at: now }, { action: 'observation.notices_listed', resourceType: 'structural_observation', details: { ids: [...new Set(rows.map((r) => r.n.observationId))] } });
    return rows.map((r) => ({
      id: r.n.id,
      observationId: r.n.observationId,
      status: r.n.status,
      at: r.n.at.toISOString(),
      seen: r.n.seenAt !== null,
      category: r.category,
      municipalityCode: r.municipalityCode,
    }));
  });
}

/** Marks the caller's own notices seen; others' ids are ignored (nothing to say about them). */
export async function markNoticesSeen(deps: Deps, ctx: Ctx, ids: string[]): Promise<{ seen: number }> {
  if (!canSomewhere(ctx.actor, 'observation.read')) throw forbidden();
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const updated = await tx
      .update(structuralNotifications)
      .set({ seenAt: now })
      .where(and(eq(structuralNotifications.userId, ctx.actor.userId), inArray(structuralNotifications.id, ids)))
      .returning({ id: structuralNotifications.id });
    await writeAudit(tx, { ...ctx, at: now }, { action: 'observation.notices_seen', resourceType: 'structural_observation', details: { notices: updated.map((u) => u.id) } });
    return { seen: updated.length };
  });
}
