import { eq } from 'drizzle-orm';
import type { PilotInput, PilotPhaseInput, PilotUpdate } from '../../domain/pilots.js';
import type { Executor } from '../db/connect.js';
import { pilotPhaseEntries, pilots } from '../db/schema-pilots.js';
import type { Deps } from '../deps.js';
import { helsinkiDay } from '../../domain/calendar.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { authorize, can, type Actor } from '../policy/policy.js';
import { findPilot, memberIds, regionMembers, replaceMembers, type PilotRow } from './repo.js';
import type { Ctx } from '../http/context.js';

type MemberList = 'sites' | 'services' | 'professionals';
const memberLists: MemberList[] = ['sites', 'services', 'professionals'];
const inputField: Record<MemberList, 'siteIds' | 'serviceIds' | 'professionalIds'> = { sites: 'siteIds', services: 'serviceIds', professionals: 'professionalIds' };
const badRequest = (message: string, field: string) => new AppError('bad_request', message, { field });

/** May the actor read the pilot: pilot.read at one of its sites at least. */
export const canReadPilot = (actor: Actor, regionId: string, siteIds: string[]): boolean =>
  siteIds.some((siteId) => can(actor, 'pilot.read', { regionId, siteId }));

/**
 * Loads a pilot for reading or managing. Another region's pilot is "not found"; a pilot of the region
 * at none of the reader's sites is 403; managing needs the region-wide pilot.manage.
 */
export async function loadPilot(deps: Deps, actor: Actor, pilotId: string, purpose: 'read' | 'manage'): Promise<{ pilot: PilotRow; siteIds: string[] }> {
  const pilot = await findPilot(deps.db.orm, pilotId);
  if (!pilot || pilot.regionId !== actor.regionId) throw notFound('Pilot');
  const siteIds = await memberIds(deps.db.orm, pilotId, 'sites');
  if (purpose === 'manage') authorize(actor, 'pilot.manage', { regionId: pilot.regionId });
  else if (!canReadPilot(actor, pilot.regionId, siteIds)) throw forbidden();
  return { pilot, siteIds };
}

/**
 * The sites, services and professionals must be the region's. New members must be in use; ones already
 * on the pilot may stay after they were taken out of use, so that an old pilot stays editable.
 */
async function checkMembers(ex: Executor, regionId: string, list: MemberList, ids: string[], current: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const known = await regionMembers(ex, regionId, list, unique);
  const field = inputField[list];
  for (const id of unique) {
    const isActive = known.get(id);
    if (isActive === undefined) throw badRequest(`One of the ${list} is not in this region.`, field);
    if (!isActive && !current.includes(id)) throw badRequest(`One of the ${list} is no longer in use.`, field);
  }
  return unique;
}

export async function createPilot(deps: Deps, ctx: Ctx, input: PilotInput): Promise<PilotRow> {
  const regionId = ctx.actor.regionId;
  authorize(ctx.actor, 'pilot.manage', { regionId });
  const now = deps.clock.now();
  const id = deps.ids.newId();
  return deps.db.orm.transaction(async (tx) => {
    const members = {
      sites: await checkMembers(tx, regionId, 'sites', input.siteIds, []),
      services: await checkMembers(tx, regionId, 'services', input.serviceIds, []),
      professionals: await checkMembers(tx, regionId, 'professionals', input.professionalIds, []),
    };
    const [row] = await tx
      .insert(pilots)
      .values({ id, regionId, name: input.name, description: input.description, goals: input.goals, startsOn: input.startsOn, endsOn: input.endsOn, conclusions: '', createdBy: ctx.actor.userId, createdAt: now, updatedAt: now })
      .returning();
    for (const list of memberLists) await replaceMembers(tx, id, list, members[list]);
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'pilot.created', resourceType: 'pilot', resourceId: id, regionId,
      details: { siteIds: members.sites, services: members.services.length, professionals: members.professionals.length, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return row!;
  });
}

/** Details, members, period and the evaluator's conclusions; only the fields named change. */
export async function updatePilot(deps: Deps, ctx: Ctx, pilotId: string, patch: PilotUpdate): Promise<void> {
  const { pilot } = await loadPilot(deps, ctx.actor, pilotId, 'manage');
  const startsOn = patch.startsOn ?? pilot.startsOn;
  const endsOn = patch.endsOn ?? pilot.endsOn;
  if (startsOn > endsOn) throw badRequest('The pilot ends on or after its start.', 'endsOn');
  const now = deps.clock.now();
  await deps.db.orm.transaction(async (tx) => {
    for (const list of memberLists) {
      const ids = patch[inputField[list]];
      if (ids === undefined) continue;
      await replaceMembers(tx, pilotId, list, await checkMembers(tx, pilot.regionId, list, ids, await memberIds(tx, pilotId, list)));
    }
    const { siteIds: _s, serviceIds: _v, professionalIds: _p, ...columns } = patch;
    await tx.update(pilots).set({ ...columns, updatedAt: now }).where(eq(pilots.id, pilotId));
    await writeAudit(tx, { ...ctx, at: now }, { action: 'pilot.updated', resourceType: 'pilot', resourceId: pilotId, regionId: pilot.regionId, details: { fields: Object.keys(patch).sort() } });
  });
}

/**
 * The day a phase was evaluated: today unless given, never in the future. The start phase is the plan
 * and is often written before the pilot begins; a midpoint or the end evaluates what has happened, so it
 * cannot be dated before the pilot starts.
 */
function phaseDay(input: PilotPhaseInput, pilot: PilotRow, today: string): string {
  const day = input.heldOn ?? today;
  if (day > today) throw badRequest('A phase cannot be dated in the future.', 'heldOn');
  if (input.kind !== 'start' && day < pilot.startsOn) throw badRequest(`A midpoint or end evaluation cannot be dated before the pilot starts (${pilot.startsOn}).`, 'heldOn');
  return day;
}

/**
 * Saves a phase entry as a new revision. The start comes first; midpoints and the end follow it, and
 * no new midpoint is begun once the end is written (the entries can still be corrected).
 */
export async function savePhase(deps: Deps, ctx: Ctx, pilotId: string, input: PilotPhaseInput): Promise<{ kind: string; number: number; revision: number }> {
  const { pilot } = await loadPilot(deps, ctx.actor, pilotId, 'manage');
  const now = deps.clock.now();
  const heldOn = phaseDay(input, pilot, helsinkiDay(now));
  return deps.db.orm.transaction(async (tx) => {
    // The pilot row's lock makes two evaluators saving at once take turns instead of colliding on a revision.
    await tx.select({ id: pilots.id }).from(pilots).where(eq(pilots.id, pilotId)).for('update');
    const entries = await tx.select({ kind: pilotPhaseEntries.kind, number: pilotPhaseEntries.number, revision: pilotPhaseEntries.revision }).from(pilotPhaseEntries).where(eq(pilotPhaseEntries.pilotId, pilotId));
    const lastRevision = (kind: string, number: number) => Math.max(0, ...entries.filter((e) => e.kind === kind && e.number === number).map((e) => e.revision));
    const hasStart = entries.some((e) => e.kind === 'start');
    if (input.kind !== 'start' && !hasStart) throw conflict('Write the start phase first.');
    let number = 1;
    if (input.kind === 'midpoint') {
      if (input.number !== undefined) {
        if (lastRevision('midpoint', input.number) === 0) throw badRequest(`There is no midpoint evaluation ${input.number} to correct.`, 'number');
        number = input.number;
      } else {
        if (entries.some((e) => e.kind === 'end')) throw conflict('The end phase has been written: correct an existing midpoint instead.');
        number = Math.max(0, ...entries.filter((e) => e.kind === 'midpoint').map((e) => e.number)) + 1;
      }
    }
    const revision = lastRevision(input.kind, number) + 1;
    await tx.insert(pilotPhaseEntries).values({ id: deps.ids.newId(), pilotId, kind: input.kind, number, revision, fields: input.fields, authorId: ctx.actor.userId, savedAt: now, heldOn });
    await tx.update(pilots).set({ updatedAt: now }).where(eq(pilots.id, pilotId));
    await writeAudit(tx, { ...ctx, at: now }, { action: 'pilot.phase_saved', resourceType: 'pilot', resourceId: pilotId, regionId: pilot.regionId, details: { kind: input.kind, number, revision } });
    return { kind: input.kind, number, revision };
  });
}
