import type { EncounterView } from '../../domain/outreach-views.js';
import type { Deps } from '../deps.js';
import { writeAudit } from '../audit/write-audit.js';
import { notFound } from '../errors.js';
import { applyPatch } from './apply-patch.js';
import { withEncounterLocked } from './code-locks.js';
import { removeEncounterRow } from './edit-encounter.js';
import { presentEncounter } from './present.js';
import { findEncounter, loadBundle } from './repo.js';
import { loadEncounterFor } from './read-encounters.js';
import type { EncounterCorrection } from './schemas.js';
import type { Ctx } from '../http/context.js';
import { ruleTimeAt } from './encounter-access.js';

/**
 * A coordinator corrects an encounter of a site they coordinate, at any time, with a reason. The reason
 * and the changed field names are audited; the report follows through the rollup triggers.
 */
export async function correctEncounter(deps: Deps, ctx: Ctx, encounterId: string, correction: EncounterCorrection): Promise<EncounterView> {
  await loadEncounterFor(deps, ctx.actor, encounterId, 'encounter.correct');
  const now = deps.clock.now();
  await withEncounterLocked(deps, encounterId, [correction.changes.visitorCode], async (tx, locked) => {
    if (!locked) throw notFound('Encounter');
    const bundle = await loadBundle(tx, locked);
    await applyPatch(tx, ctx, bundle, correction.changes, now);
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'encounter.corrected',
      resourceType: 'encounter',
      resourceId: encounterId,
      siteId: bundle.row.siteId,
      regionId: bundle.row.regionId,
      details: { fields: Object.keys(correction.changes), reason: correction.reason },
    });
  });
  const row = await findEncounter(deps.db.orm, encounterId);
  return presentEncounter(await loadBundle(deps.db.orm, row!), ctx.actor, ruleTimeAt(deps.clock.now()));
}

/** A coordinator removes a mistaken or duplicate encounter after the day it was recorded, with a reason. */
export async function removeEncounter(deps: Deps, ctx: Ctx, encounterId: string, reason: string): Promise<void> {
  await loadEncounterFor(deps, ctx.actor, encounterId, 'encounter.correct');
  const now = deps.clock.now();
  await withEncounterLocked(deps, encounterId, [], async (tx, locked) => {
    if (locked) await removeEncounterRow(tx, ctx, locked, now, { reason, byCoordinator: true });
  });
}
