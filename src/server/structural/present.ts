import { inArray } from 'drizzle-orm';
import { answerableStatuses, isAnswerOverdue, type ObservationView } from '../../domain/structural/observations.js';
import type { Executor } from '../db/connect.js';
import { users } from '../db/schema.js';
import { managerMunicipalities, type structuralObservations } from '../db/schema-structural.js';
import { can, type Actor } from '../policy/policy.js';

export type ObservationRow = typeof structuralObservations.$inferSelect;
export type Cosigner = { observationId: string; userId: string; signedAt: Date };
export type Names = Map<string, string>;

/** Display names of the given users (someone deleted or unknown shows as an empty name). */
export async function namesOf(ex: Executor, ids: Iterable<string | null>): Promise<Names> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await ex.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** Municipality code → the managers linked to it (who answer its observations). */
export type MunicipalityManagers = Map<string, string[]>;

export async function managersOf(ex: Executor, codes: Iterable<string>): Promise<MunicipalityManagers> {
  const wanted = [...new Set(codes)];
  const out: MunicipalityManagers = new Map(wanted.map((c) => [c, []]));
  if (wanted.length === 0) return out;
  const rows = await ex.select().from(managerMunicipalities).where(inArray(managerMunicipalities.municipalityCode, wanted));
  for (const r of rows) out.get(r.municipalityCode)!.push(r.userId);
  return out;
}

export const observationFacts = (row: ObservationRow, managers?: MunicipalityManagers) => ({
  regionId: row.regionId,
  siteId: row.siteId,
  createdBy: row.createdBy,
  ...(managers ? { municipalityManagerIds: managers.get(row.municipalityCode) ?? [] } : {}),
});

export function presentObservation(
  row: ObservationRow,
  cosigners: Cosigner[],
  names: Names,
  actor: Actor,
  today: string,
  managers: MunicipalityManagers,
  closed: ReadonlySet<string> = new Set(),
): ObservationView {
  const person = (id: string) => ({ id, displayName: names.get(id) ?? '' });
  const facts = observationFacts(row, managers);
  const mine = cosigners.filter((c) => c.observationId === row.id);
  const isDraft = row.status === 'draft';
  return {
    id: row.id,
    siteId: row.siteId,
    municipalityCode: row.municipalityCode,
    category: row.category,
    categoryOther: row.categoryOther,
    description: row.description,
    affectedGroup: row.affectedGroup,
    affectedEstimate: row.affectedEstimate,
    sinceMonth: row.sinceMonth,
    proposedAction: row.proposedAction,
    addresseeLevel: row.addresseeLevel,
    status: row.status,
    createdBy: person(row.createdBy),
    createdAt: row.createdAt.toISOString(),
    submittedDay: row.submittedDay,
    answerDueDay: row.answerDueDay,
    isOverdue: isAnswerOverdue(row, today),
    answer: row.answerText !== null && row.answeredBy !== null && row.answeredAt !== null ? { text: row.answerText, by: person(row.answeredBy), at: row.answeredAt.toISOString() } : null,
    cosigners: mine.map((c) => ({ ...person(c.userId), signedAt: c.signedAt.toISOString() })),
    can: {
      update: isDraft && can(actor, 'observation.update', facts, { today }),
      cosign: !isDraft && !closed.has(row.id) && row.createdBy !== actor.userId && !mine.some((c) => c.userId === actor.userId) && can(actor, 'observation.cosign', facts),
      answer: answerableStatuses.includes(row.status) && can(actor, 'observation.answer', facts),
    },
  };
}
