import { helsinkiDay } from '../../domain/calendar.js';
import type { Executor } from '../db/connect.js';
import type { Deps } from '../deps.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import { can, type Actor, type ResourceFacts } from '../policy/policy.js';
import type { RuleTime } from '../../domain/policy/index.js';
import { encounterProfessionals } from '../db/schema-outreach.js';
import { eq } from 'drizzle-orm';
import { findEncounter, type EncounterRow } from './repo.js';

/** The rules' `today`: the Helsinki day of the injected clock. */
export const ruleTimeAt = (now: Date): RuleTime => ({ today: helsinkiDay(now) });

/** What the rules know about one encounter: where it is, who recorded it on which day, who was there. */
export function encounterFacts(row: Pick<EncounterRow, 'regionId' | 'siteId' | 'createdBy' | 'createdAt'>, professionalIds: readonly string[]): ResourceFacts {
  return { regionId: row.regionId, siteId: row.siteId, createdBy: row.createdBy, createdDay: helsinkiDay(row.createdAt), professionalIds };
}

export async function professionalIdsOf(ex: Executor, encounterId: string): Promise<string[]> {
  const rows = await ex.select({ userId: encounterProfessionals.userId }).from(encounterProfessionals).where(eq(encounterProfessionals.encounterId, encounterId));
  return rows.map((r) => r.userId);
}

/**
 * Refuses an edit the rules do not allow, with the answer users have had: a professional of the site
 * who was not on the encounter is told why; anyone else gets the plain 403.
 */
export function assertMayUpdate(actor: Actor, facts: ResourceFacts): void {
  if (can(actor, 'encounter.update', facts)) return;
  // Would the role grant it, were the actor on the encounter? Then the relationship is what is missing.
  if (can(actor, 'encounter.update', { ...facts, professionalIds: [actor.userId] })) {
    throw new AppError('forbidden', 'Only the professionals of an encounter can edit it.');
  }
  throw forbidden();
}

/**
 * Refuses a delete the rules do not allow. The creator asking on a later day is not refused a right
 * they never had but told the day has passed (409, as before), with what to do instead; anyone else
 * gets the plain 403.
 */
export function assertMayDelete(actor: Actor, facts: ResourceFacts, time: RuleTime): void {
  if (can(actor, 'encounter.delete', facts, time)) return;
  if (facts.createdDay !== undefined && can(actor, 'encounter.delete', facts, { today: facts.createdDay })) {
    throw conflict('An encounter can be deleted only on the day it was recorded. Make corrections by editing it, or ask a coordinator to remove it.');
  }
  throw forbidden();
}

/**
 * Loads an encounter to change it. Another region's is "not found"; then the rules decide on the
 * encounter's own facts (its site, its professionals, its creator and day).
 */
export async function loadEncounterToChange(deps: Deps, actor: Actor, encounterId: string, check: (facts: ResourceFacts) => void): Promise<EncounterRow> {
  const row = await findEncounter(deps.db.orm, encounterId);
  if (!row || row.regionId !== actor.regionId) throw notFound('Encounter');
  check(encounterFacts(row, await professionalIdsOf(deps.db.orm, row.id)));
  return row;
}
