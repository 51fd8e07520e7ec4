import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connect.js';
import { users } from '../db/schema.js';
import { encounterCodes, encounterProfessionals, encounters, referrals } from '../db/schema-outreach.js';
import type { ReferralRow } from '../referrals/present.js';
import type { CodeRef, EncounterProfessional } from './validate.js';

export type EncounterRow = typeof encounters.$inferSelect;

/** An encounter with everything its view is made of. */
export type EncounterBundle = {
  row: EncounterRow;
  professionals: (EncounterProfessional & { displayName: string })[];
  codes: CodeRef[];
  referrals: ReferralRow[];
};

export async function findEncounter(ex: Executor, encounterId: string): Promise<EncounterRow | null> {
  const [row] = await ex.select().from(encounters).where(eq(encounters.id, encounterId));
  return row ?? null;
}

function groupBy<T extends { encounterId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.encounterId, [...(groups.get(row.encounterId) ?? []), row]);
  return groups;
}

/** Loads the parts of many encounters in three queries (not three per encounter). */
export async function loadBundles(ex: Executor, rows: EncounterRow[]): Promise<EncounterBundle[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const people = await ex
    .select({
      encounterId: encounterProfessionals.encounterId,
      userId: encounterProfessionals.userId,
      profession: encounterProfessionals.profession,
      isFirstWithProfessional: encounterProfessionals.isFirstWithProfessional,
      displayName: users.displayName,
    })
    .from(encounterProfessionals)
    .innerJoin(users, eq(users.id, encounterProfessionals.userId))
    .where(inArray(encounterProfessionals.encounterId, ids))
    .orderBy(asc(users.displayName), asc(users.id));
  const codeRows = await ex
    .select()
    .from(encounterCodes)
    .where(inArray(encounterCodes.encounterId, ids))
    .orderBy(asc(encounterCodes.kind), asc(encounterCodes.register), asc(encounterCodes.code));
  const referralRows = await ex.select().from(referrals).where(inArray(referrals.encounterId, ids)).orderBy(asc(referrals.createdAt), asc(referrals.id));
  const [byPeople, byCodes, byReferrals] = [groupBy(people), groupBy(codeRows), groupBy(referralRows)];
  return rows.map((row) => ({
    row,
    professionals: (byPeople.get(row.id) ?? []).map((p) => ({ userId: p.userId, profession: p.profession, isFirstWithProfessional: p.isFirstWithProfessional, displayName: p.displayName })),
    codes: (byCodes.get(row.id) ?? []).map((c) => ({ kind: c.kind, register: c.register, code: c.code })),
    referrals: byReferrals.get(row.id) ?? [],
  }));
}

export async function loadBundle(ex: Executor, row: EncounterRow): Promise<EncounterBundle> {
  const [bundle] = await loadBundles(ex, [row]);
  return bundle!;
}

export async function insertProfessionals(ex: Executor, encounterId: string, professionals: EncounterProfessional[]): Promise<void> {
  if (professionals.length === 0) return;
  await ex.insert(encounterProfessionals).values(professionals.map((p) => ({ encounterId, userId: p.userId, profession: p.profession, isFirstWithProfessional: p.isFirstWithProfessional ?? null })));
}

export async function insertCodes(ex: Executor, encounterId: string, refs: CodeRef[]): Promise<void> {
  if (refs.length === 0) return;
  await ex.insert(encounterCodes).values(refs.map((c) => ({ encounterId, kind: c.kind, register: c.register, code: c.code })));
}
