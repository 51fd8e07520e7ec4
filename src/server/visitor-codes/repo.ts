import { and, asc, count, eq, isNull, max, sql } from 'drizzle-orm';
import { isValidVisitorCode, normaliseVisitorCode } from '../../domain/visitor-code.js';
import type { Executor } from '../db/connect.js';
import { encounters, referrals, services, visitorCodes } from '../db/schema-outreach.js';
import { AppError } from '../errors.js';

/** Normalises a typed code; a wrong check character is a typo (400), before any database look-up. */
export function parseVisitorCode(input: string): string {
  const code = normaliseVisitorCode(input);
  if (!isValidVisitorCode(code)) throw new AppError('bad_request', 'The visitor code has a typo: check it and type it again.', { field: 'visitorCode' });
  return code;
}

export async function findVisitorCode(ex: Executor, code: string) {
  const [row] = await ex.select().from(visitorCodes).where(eq(visitorCodes.code, code));
  return row ?? null;
}

/**
 * The code an encounter may carry: well-formed, issued in this region and not retired. The row is
 * locked for the rest of the transaction so that two encounters with the same code are stored one
 * after the other and cannot both become the first visit.
 */
export async function resolveVisitorCodeForEncounter(ex: Executor, regionId: string, input: string): Promise<string> {
  const code = parseVisitorCode(input);
  const [row] = await ex.select().from(visitorCodes).where(eq(visitorCodes.code, code)).for('update');
  if (!row || row.regionId !== regionId) throw new AppError('bad_request', 'This visitor code has not been issued in this region.', { field: 'visitorCode' });
  if (row.retiredAt !== null) throw new AppError('bad_request', 'This visitor code has been retired; issue a new one.', { field: 'visitorCode' });
  return code;
}

/**
 * The first visit is the earliest encounter carrying the code (ties broken by id). Recomputed after
 * every change that touches the code's encounters, so entries sent late from an offline device, edits
 * of the time and deletions all leave exactly one first visit.
 */
export async function recomputeFirstVisits(ex: Executor, code: string): Promise<void> {
  await ex.execute(sql`
    update encounters e
       set is_first_visit = (e.id = (select f.id from encounters f where f.visitor_code = ${code} order by f.occurred_at, f.id limit 1))
     where e.visitor_code = ${code}
       -- Only rows whose flag changes: fewer row locks, and no rollup work for the unchanged ones.
       and e.is_first_visit is distinct from (e.id = (select f.id from encounters f where f.visitor_code = ${code} order by f.occurred_at, f.id limit 1))`);
}

export async function visitStats(ex: Executor, code: string) {
  const [row] = await ex
    .select({ visits: count(), lastVisitAt: max(encounters.occurredAt) })
    .from(encounters)
    .where(eq(encounters.visitorCode, code));
  return { visits: row?.visits ?? 0, lastVisitAt: row?.lastVisitAt ?? null };
}

/** Referrals of the code's encounters that are still open: what to ask about at the next session. */
export async function openReferralsOfCode(ex: Executor, code: string) {
  return ex
    .select({
      id: referrals.id,
      status: referrals.status,
      followUpOn: referrals.followUpOn,
      nameFi: services.nameFi,
      nameSv: services.nameSv,
      nameEn: services.nameEn,
    })
    .from(referrals)
    .innerJoin(encounters, eq(encounters.id, referrals.encounterId))
    .innerJoin(services, eq(services.id, referrals.serviceId))
    .where(and(eq(encounters.visitorCode, code), isNull(referrals.closedAt)))
    .orderBy(asc(referrals.createdAt), asc(referrals.id));
}
