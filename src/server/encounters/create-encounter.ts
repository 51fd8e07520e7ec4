import type { EncounterInput } from '../../domain/outreach.js';
import type { EncounterView } from '../../domain/outreach-views.js';
import type { Tx } from '../db/connect.js';
import { encounters } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { conflict } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { insertReferrals } from '../referrals/repo.js';
import { recomputeFirstVisits, resolveVisitorCodeForEncounter } from '../visitor-codes/repo.js';
import { lockVisitorCodes } from './code-locks.js';
import { presentEncounter } from './present.js';
import { findEncounter, insertCodes, insertProfessionals, loadBundle, type EncounterBundle, type EncounterRow } from './repo.js';
import { loadSiteFor } from '../policy/site-access.js';
import type { Ctx } from '../http/context.js';
import { assertAmongProfessionals, withFirstAnswers } from './answers.js';
import { assertNotInFuture, assertSessionFits } from './time-rules.js';
import { assertCodes, otherProfessionals, ownProfession, parseCodeRefs, type CodeRef, type NamedProfessional } from './validate.js';
import { ruleTimeAt } from './encounter-access.js';

export type Recorded = { encounter: EncounterView; isNew: boolean };

// Thrown inside the transaction when a parallel request stored the same id first; rolls it back.
class LostRace extends Error {}

/**
 * The id comes from the device, so an entry sent again (a retry after a lost answer) gets back what
 * was stored, unchanged. The same id from someone else, or for another site, is a conflict.
 */
/** A resend is the same entry again only from its author at its site; anything else is a clash of ids. */
export function assertResendOf(existing: Pick<EncounterRow, 'createdBy' | 'siteId'>, ctx: Ctx, siteId: string): void {
  if (existing.createdBy !== ctx.actor.userId || existing.siteId !== siteId) {
    throw conflict('An encounter with this id already exists. Create the entry again to get a new id.');
  }
}

async function previouslyRecorded(deps: Deps, ctx: Ctx, input: EncounterInput, existing: EncounterRow): Promise<Recorded> {
  assertResendOf(existing, ctx, input.siteId);
  return { encounter: presentEncounter(await loadBundle(deps.db.orm, existing), ctx.actor, ruleTimeAt(deps.clock.now())), isNew: false };
}

type Prepared = { site: { id: string; regionId: string }; professionals: NamedProfessional[]; refs: CodeRef[]; now: Date };

/** Everything that can be checked before the transaction: who was there and which codes. */
async function prepare(deps: Deps, ctx: Ctx, input: EncounterInput, site: Prepared['site']): Promise<Prepared> {
  const me = ownProfession(ctx.actor);
  const others = await otherProfessionals(deps.db.orm, site, [...new Set(input.professionalIds)].filter((id) => id !== me.userId));
  const professionals = withFirstAnswers([{ ...me, displayName: ctx.actor.displayName }, ...others], input.firstWithProfessional);
  assertAmongProfessionals(input.referrals.map((r) => r.referredBy), professionals, 'referrals');
  const refs = parseCodeRefs(input.needs, input.support);
  await assertCodes(deps.db.orm, refs, professionals);
  const now = deps.clock.now();
  const occurredAt = new Date(input.occurredAt);
  assertNotInFuture(occurredAt, now);
  await assertSessionFits(deps.db.orm, input.sessionId, site.id, occurredAt);
  return { site, professionals, refs, now };
}

const byCode = (a: CodeRef, b: CodeRef) => a.kind.localeCompare(b.kind) || a.register.localeCompare(b.register) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const byName = (a: NamedProfessional, b: NamedProfessional) => a.displayName.localeCompare(b.displayName) || (a.userId < b.userId ? -1 : 1);

/** Stores the encounter and returns it as stored, so the answer needs no second read. */
async function store(tx: Tx, ctx: Ctx, input: EncounterInput, { site, professionals, refs, now }: Prepared): Promise<EncounterBundle> {
  // The code's lock before anything else, as every transaction on a code's encounters takes it (code-locks.ts).
  await lockVisitorCodes(tx, [input.visitorCode]);
  const typed = input.visitorCode?.trim() ? input.visitorCode : null;
  const visitorCode = typed === null ? null : await resolveVisitorCodeForEncounter(tx, site.regionId, typed);
  const [row] = await tx
    .insert(encounters)
    .values({
      id: input.id,
      regionId: site.regionId,
      siteId: site.id,
      sessionId: input.sessionId,
      occurredAt: new Date(input.occurredAt),
      visitorCode,
      // with a code it is derived below; anonymous visitors are asked
      isFirstVisit: visitorCode === null ? input.isFirstVisit : null,
      isAnonymousToProfessional: input.isAnonymousToProfessional,
      ageBand: input.ageBand,
      gender: input.gender,
      isUrgent: input.isUrgent,
      durationMinutes: input.durationMinutes,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new LostRace();
  await insertProfessionals(tx, input.id, professionals);
  await insertCodes(tx, input.id, refs);
  const storedReferrals = await insertReferrals(tx, { encounterId: input.id, regionId: site.regionId, siteId: site.id, createdBy: ctx.actor.userId, now }, input.referrals);
  // First or repeat of a coded visitor is derived across their encounters, so this row may change.
  if (visitorCode !== null) await recomputeFirstVisits(tx, visitorCode);
  const stored = visitorCode === null ? row : ((await findEncounter(tx, input.id)) ?? row);
  await writeAudit(tx, { ...ctx, at: now }, {
    action: 'encounter.created',
    resourceType: 'encounter',
    resourceId: input.id,
    siteId: site.id,
    regionId: site.regionId,
    details: { professionals: professionals.length, referralIds: input.referrals.map((r) => r.id) },
  });
  return { row: stored, professionals: [...professionals].sort(byName), codes: [...refs].sort(byCode), referrals: storedReferrals };
}

/** Records one encounter with its professionals, codes and referrals in one transaction, audited. */
export async function recordEncounter(deps: Deps, ctx: Ctx, input: EncounterInput): Promise<Recorded> {
  const site = await loadSiteFor(deps.db.orm, ctx.actor, input.siteId, 'encounter.create');
  const existing = await findEncounter(deps.db.orm, input.id);
  if (existing) return previouslyRecorded(deps, ctx, input, existing);
  const prepared = await prepare(deps, ctx, input, site);
  try {
    const bundle = await deps.db.orm.transaction((tx) => store(tx, ctx, input, prepared));
    return { encounter: presentEncounter(bundle, ctx.actor, ruleTimeAt(deps.clock.now())), isNew: true };
  } catch (error) {
    if (!(error instanceof LostRace)) throw error;
    const winner = await findEncounter(deps.db.orm, input.id);
    if (winner) return previouslyRecorded(deps, ctx, input, winner);
    throw error;
  }
}
