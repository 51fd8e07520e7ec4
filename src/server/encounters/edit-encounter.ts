import { and, eq } from 'drizzle-orm';
import type { Register } from '../../domain/code-lists.js';
import { registerOf } from '../../domain/org.js';
import type { EncounterView } from '../../domain/outreach-views.js';
import type { Tx } from '../db/connect.js';
import { encounterCodes, encounterProfessionals, encounters, referrals } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { AppError, conflict, forbidden } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { recomputeFirstVisits, resolveVisitorCodeForEncounter } from '../visitor-codes/repo.js';
import { helsinkiDay } from '../db/helsinki-time.js';
import { presentEncounter } from './present.js';
import { findEncounter, insertCodes, insertProfessionals, loadBundle, type EncounterBundle } from './repo.js';
import { loadEncounterFor } from './read-encounters.js';
import type { EncounterPatch } from './schemas.js';
import { readerRegister, type Ctx } from './site-access.js';
import { assertCodes, assertSessionAtSite, otherProfessionals, parseCodeRefs, type CodeRef, type EncounterProfessional } from './validate.js';

type Changes = { professionals: EncounterProfessional[] | null; codes: CodeRef[] | null };

/** People already on the encounter keep the profession they had; newcomers are checked like at creation. */
async function nextProfessionals(tx: Tx, ctx: Ctx, bundle: EncounterBundle, ids: string[] | undefined): Promise<EncounterProfessional[] | null> {
  if (ids === undefined) return null;
  const listed = new Map(bundle.professionals.map((p) => [p.userId, { userId: p.userId, profession: p.profession }]));
  const others = [...new Set(ids)].filter((id) => id !== ctx.actor.userId);
  const added = await otherProfessionals(tx, { id: bundle.row.siteId, regionId: bundle.row.regionId }, others.filter((id) => !listed.has(id)));
  const kept = others.flatMap((id) => listed.get(id) ?? []);
  return [listed.get(ctx.actor.userId)!, ...kept, ...added];
}

/**
 * An editor replaces only the codes of their own register: they cannot see the other register's codes,
 * so they must not overwrite them blindly.
 */
function nextCodes(ctx: Ctx, bundle: EncounterBundle, patch: EncounterPatch): { all: CodeRef[]; added: CodeRef[] } | null {
  if (patch.needs === undefined && patch.support === undefined) return null;
  const own = readerRegister(ctx.actor);
  const added = parseCodeRefs(patch.needs ?? [], patch.support ?? []);
  const foreign = added.find((c) => c.register !== own);
  if (foreign) throw new AppError('bad_request', `You can change only the codes of your own register, not ${foreign.register}:${foreign.code}.`, { field: foreign.kind === 'need' ? 'needs' : 'support' });
  const replaced = (c: CodeRef) => c.register === own && ((c.kind === 'need' && patch.needs !== undefined) || (c.kind === 'support' && patch.support !== undefined));
  return { all: [...bundle.codes.filter((c) => !replaced(c)), ...added], added };
}

function assertRegistersRepresented(codes: CodeRef[], professionals: EncounterProfessional[]): void {
  const present = new Set<Register>(professionals.map((p) => registerOf(p.profession)));
  const orphan = codes.find((c) => !present.has(c.register));
  if (orphan) throw new AppError('bad_request', `The encounter has ${orphan.register} codes, so a professional of that register must stay on it.`, { field: 'professionalIds' });
}

async function prepareChanges(tx: Tx, ctx: Ctx, bundle: EncounterBundle, patch: EncounterPatch): Promise<Changes> {
  const professionals = await nextProfessionals(tx, ctx, bundle, patch.professionalIds);
  const codes = nextCodes(ctx, bundle, patch);
  const team = professionals ?? bundle.professionals;
  if (codes) await assertCodes(tx, codes.added, team);
  assertRegistersRepresented(codes?.all ?? bundle.codes, team);
  if (patch.sessionId !== undefined) await assertSessionAtSite(tx, patch.sessionId, bundle.row.siteId);
  return { professionals, codes: codes?.all ?? null };
}

async function writeChanges(tx: Tx, bundle: EncounterBundle, patch: EncounterPatch, changes: Changes, now: Date): Promise<void> {
  const { row } = bundle;
  const typed = patch.visitorCode === undefined ? undefined : patch.visitorCode?.trim() ? patch.visitorCode : null;
  const code = typed === undefined ? row.visitorCode : typed === null ? null : await resolveVisitorCodeForEncounter(tx, row.regionId, typed);
  // Anonymous visitors are asked; with a code the answer is derived (below) and a sent value ignored.
  const asked = patch.isFirstVisit !== undefined ? patch.isFirstVisit : row.visitorCode === null ? row.isFirstVisit : null;
  await tx
    .update(encounters)
    .set({
      ...(patch.sessionId === undefined ? {} : { sessionId: patch.sessionId }),
      ...(patch.occurredAt === undefined ? {} : { occurredAt: new Date(patch.occurredAt) }),
      ...(patch.ageBand === undefined ? {} : { ageBand: patch.ageBand }),
      ...(patch.gender === undefined ? {} : { gender: patch.gender }),
      ...(patch.isUrgent === undefined ? {} : { isUrgent: patch.isUrgent }),
      ...(patch.durationMinutes === undefined ? {} : { durationMinutes: patch.durationMinutes }),
      visitorCode: code,
      isFirstVisit: code === null ? asked : null,
      updatedAt: now,
    })
    .where(eq(encounters.id, row.id));
  if (changes.professionals) {
    await tx.delete(encounterProfessionals).where(eq(encounterProfessionals.encounterId, row.id));
    await insertProfessionals(tx, row.id, changes.professionals);
  }
  if (changes.codes) {
    await tx.delete(encounterCodes).where(eq(encounterCodes.encounterId, row.id));
    await insertCodes(tx, row.id, changes.codes);
  }
  for (const affected of new Set([row.visitorCode, code])) if (affected !== null) await recomputeFirstVisits(tx, affected);
}

/** Any professional listed on the encounter may correct it, at any time; the changed field names are audited. */
export async function updateEncounter(deps: Deps, ctx: Ctx, encounterId: string, patch: EncounterPatch): Promise<EncounterView> {
  await loadEncounterFor(deps, ctx.actor, encounterId, 'encounter.update');
  const now = deps.clock.now();
  await deps.db.orm.transaction(async (tx) => {
    // Read again inside the transaction, so two editors do not build on the same stale state.
    const [locked] = await tx.select().from(encounters).where(eq(encounters.id, encounterId)).for('update');
    const bundle = await loadBundle(tx, locked!);
    if (!bundle.professionals.some((p) => p.userId === ctx.actor.userId)) throw new AppError('forbidden', 'Only the professionals of an encounter can edit it.');
    await writeChanges(tx, bundle, patch, await prepareChanges(tx, ctx, bundle, patch), now);
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
  return presentEncounter(await loadBundle(deps.db.orm, row!), ctx.actor);
}

/**
 * Deleting is for a mistaken entry caught the same day, by the one who made it. Later the encounter is
 * part of the day's figures and of others' follow-up, so it is corrected by editing instead.
 */
export async function deleteEncounter(deps: Deps, ctx: Ctx, encounterId: string): Promise<void> {
  const row = await loadEncounterFor(deps, ctx.actor, encounterId, 'encounter.update');
  if (row.createdBy !== ctx.actor.userId) throw forbidden();
  const now = deps.clock.now();
  if (helsinkiDay(row.createdAt) !== helsinkiDay(now)) {
    throw conflict('An encounter can be deleted only on the day it was recorded. Make corrections by editing it.');
  }
  await deps.db.orm.transaction(async (tx) => {
    const referralIds = (await tx.select({ id: referrals.id }).from(referrals).where(eq(referrals.encounterId, row.id))).map((r) => r.id);
    // the referrals go with it (on delete cascade)
    const gone = await tx.delete(encounters).where(and(eq(encounters.id, row.id), eq(encounters.createdBy, ctx.actor.userId))).returning({ id: encounters.id });
    if (gone.length === 0) return;
    if (row.visitorCode !== null) await recomputeFirstVisits(tx, row.visitorCode);
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'encounter.deleted',
      resourceType: 'encounter',
      resourceId: row.id,
      siteId: row.siteId,
      regionId: row.regionId,
      details: { referralIds },
    });
  });
}
