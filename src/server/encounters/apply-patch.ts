import { eq } from 'drizzle-orm';
import type { Register } from '../../domain/code-lists.js';
import { registerOf } from '../../domain/org.js';
import type { Tx } from '../db/connect.js';
import { encounterCodes, encounterProfessionals, encounters } from '../db/schema-outreach.js';
import { AppError } from '../errors.js';
import { recomputeFirstVisits, resolveVisitorCodeForEncounter } from '../visitor-codes/repo.js';
import { assertAmongProfessionals, withFirstAnswers } from './answers.js';
import { insertCodes, insertProfessionals, type EncounterBundle } from './repo.js';
import type { EncounterPatch } from './schemas.js';
import { readableRegister } from '../policy/policy.js';
import type { Ctx } from '../http/context.js';
import { assertNotInFuture, assertSessionFits } from './time-rules.js';
import { assertCodes, otherProfessionals, parseCodeRefs, type CodeRef, type EncounterProfessional } from './validate.js';

// How an edit is checked and written, shared by the professional's edit and the coordinator's correction.

type Changes = { professionals: EncounterProfessional[] | null; codes: CodeRef[] | null };

/** People already on the encounter keep the profession they had; newcomers are checked like at creation. */
async function nextProfessionals(tx: Tx, ctx: Ctx, bundle: EncounterBundle, ids: string[] | undefined): Promise<EncounterProfessional[] | null> {
  if (ids === undefined) return null;
  const listed = new Map(bundle.professionals.map((p) => [p.userId, { userId: p.userId, profession: p.profession, isFirstWithProfessional: p.isFirstWithProfessional ?? null }]));
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
  const own = readableRegister(ctx.actor);
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

async function prepareChanges(tx: Tx, ctx: Ctx, bundle: EncounterBundle, patch: EncounterPatch, now: Date): Promise<Changes> {
  const named = await nextProfessionals(tx, ctx, bundle, patch.professionalIds);
  const professionals = patch.firstWithProfessional === undefined ? named : withFirstAnswers(named ?? bundle.professionals, patch.firstWithProfessional);
  const codes = nextCodes(ctx, bundle, patch);
  const team = professionals ?? bundle.professionals;
  if (codes) await assertCodes(tx, codes.added, team);
  assertRegistersRepresented(codes?.all ?? bundle.codes, team);
  assertReferrersStay(bundle, team);
  const occurredAt = patch.occurredAt === undefined ? bundle.row.occurredAt : new Date(patch.occurredAt);
  if (patch.occurredAt !== undefined) assertNotInFuture(occurredAt, now);
  if (patch.occurredAt !== undefined || patch.sessionId !== undefined) {
    await assertSessionFits(tx, patch.sessionId === undefined ? bundle.row.sessionId : patch.sessionId, bundle.row.siteId, occurredAt);
  }
  return { professionals, codes: codes?.all ?? null };
}

/** A referral belongs to the professional who made it, so they cannot be taken off the encounter. */
function assertReferrersStay(bundle: EncounterBundle, team: EncounterProfessional[]): void {
  assertAmongProfessionals(bundle.referrals.map((r) => r.referredBy), team, 'professionalIds');
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
      ...(patch.isAnonymousToProfessional === undefined ? {} : { isAnonymousToProfessional: patch.isAnonymousToProfessional }),
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

/** Checks a patch against the locked encounter and writes it; the caller owns the transaction and the audit row. */
export async function applyPatch(tx: Tx, ctx: Ctx, bundle: EncounterBundle, patch: EncounterPatch, now: Date): Promise<void> {
  await writeChanges(tx, bundle, patch, await prepareChanges(tx, ctx, bundle, patch, now), now);
}
