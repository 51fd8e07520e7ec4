import { and, eq } from 'drizzle-orm';
import type { EncounterView } from '../../domain/outreach-views.js';
import type { Tx } from '../db/connect.js';
import { encounters, referrals } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { recomputeFirstVisits } from '../visitor-codes/repo.js';
import { applyPatch } from './apply-patch.js';
import { withEncounterLocked } from './code-locks.js';
import { presentEncounter } from './present.js';
import { findEncounter, loadBundle, type EncounterRow } from './repo.js';
import { assertMayDelete, assertMayUpdate, encounterFacts, loadEncounterToChange, ruleTimeAt } from './encounter-access.js';
import type { EncounterPatch } from './schemas.js';
import type { Ctx } from '../http/context.js';

/**
 * Deletes an encounter (its codes, professionals and referrals go with it, on delete cascade), fixes the
 * visitor's first visit and writes the audit row. The caller holds the code's lock and the row's
 * (withEncounterLocked). The report's rollups follow by trigger. False when it
 * was gone already.
 */
export async function removeEncounterRow(tx: Tx, ctx: Ctx, row: EncounterRow, now: Date, details: Record<string, unknown> = {}): Promise<boolean> {
  const referralIds = (await tx.select({ id: referrals.id }).from(referrals).where(eq(referrals.encounterId, row.id))).map((r) => r.id);
  const gone = await tx.delete(encounters).where(and(eq(encounters.id, row.id), eq(encounters.createdBy, row.createdBy))).returning({ id: encounters.id });
  if (gone.length === 0) return false;
  if (row.visitorCode !== null) await recomputeFirstVisits(tx, row.visitorCode);
  await writeAudit(tx, { ...ctx, at: now }, {
    action: 'encounter.deleted',
    resourceType: 'encounter',
    resourceId: row.id,
    siteId: row.siteId,
    regionId: row.regionId,
    details: { referralIds, ...details },
  });
  return true;
}

/** Any professional listed on the encounter may correct it, at any time (the rule `encounter.update`); the changed field names are audited. */
export async function updateEncounter(deps: Deps, ctx: Ctx, encounterId: string, patch: EncounterPatch): Promise<EncounterView> {
  await loadEncounterToChange(deps, ctx.actor, encounterId, (facts) => assertMayUpdate(ctx.actor, facts));
  const now = deps.clock.now();
  // The code's lock first, then the row (withEncounterLocked), so two editors neither build on the
  // same stale state nor deadlock in the first-visit recompute.
  await withEncounterLocked(deps, encounterId, [patch.visitorCode], async (tx, locked) => {
    if (!locked) throw notFound('Encounter');
    const bundle = await loadBundle(tx, locked);
    // Again under the lock: the professionals may have changed since the first look.
    assertMayUpdate(ctx.actor, encounterFacts(bundle.row, bundle.professionals.map((p) => p.userId)));
    await applyPatch(tx, ctx, bundle, patch, now);
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'encounter.updated',
      resourceType: 'encounter',
      resourceId: encounterId,
      siteId: bundle.row.siteId,
      regionId: bundle.row.regionId,
      details: { fields: Object.keys(patch) },
    });
  });
  const row = await findEncounter(deps.db.orm, encounterId);
  return presentEncounter(await loadBundle(deps.db.orm, row!), ctx.actor, ruleTimeAt(deps.clock.now()));
}

/**
 * Deleting is for a mistaken entry caught the same day, by the one who made it (the rule
 * `encounter.delete`). Later the encounter is part of the day's figures and of others' follow-up, so
 * it is corrected by editing instead.
 */
export async function deleteEncounter(deps: Deps, ctx: Ctx, encounterId: string): Promise<void> {
  const now = deps.clock.now();
  await loadEncounterToChange(deps, ctx.actor, encounterId, (facts) => assertMayDelete(ctx.actor, facts, ruleTimeAt(now)));
  await withEncounterLocked(deps, encounterId, [], async (tx, locked) => {
    if (locked) await removeEncounterRow(tx, ctx, locked, now);
  });
}
