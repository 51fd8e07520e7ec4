import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lt, not, notExists, or, sql, type SQL } from 'drizzle-orm';
import { emptyCounts, type RecordCounts, type RetentionCutoffs } from '../../domain/retention/rules.js';
import type { Executor } from '../db/connect.js';
import { clientCareTeam, clientConsents, clientProcessDeadlines, clientProcesses, clientProcessEvents, clientVisitorCodes, clients } from '../db/schema-clients.js';
import { externalMembers, invitations, principalCredentials, principalSessions, type PrincipalKind } from '../db/schema-signin.js';
import { auditLog } from '../db/schema.js';

/**
 * The SQL form of isClientDue (src/domain/retention/rules.ts): no process open or ended on or after the
 * cut-off, and the record itself unchanged since before it. `client_processes_client` (0028) serves it.
 */
export function clientDue(ex: Executor, cutoffs: RetentionCutoffs) {
  const before = cutoffs.clientClosedBefore;
  return and(
    lt(clients.updatedAt, before),
    notExists(
      ex.select({ one: sql`1` }).from(clientProcesses)
        .where(and(eq(clientProcesses.clientId, clients.id), or(isNull(clientProcesses.endedAt), gte(clientProcesses.endedAt, before)))),
    ),
  );
}

export type DueClient = { id: string; regionId: string; siteId: string };

/** Due clients in id order after `afterId`, `limit` at a time (the purge's batches). */
export async function dueClients(ex: Executor, cutoffs: RetentionCutoffs, limit: number, afterId: string | null = null): Promise<DueClient[]> {
  return ex
    .select({ id: clients.id, regionId: clients.regionId, siteId: clients.siteId })
    .from(clients)
    .where(and(clientDue(ex, cutoffs), afterId ? gt(clients.id, afterId) : undefined))
    .orderBy(asc(clients.id))
    .limit(limit);
}

const n = sql<number>`count(*)::int`;
const countOf = async (rows: Promise<{ n: number }[]>): Promise<number> => Number((await rows)[0]?.n ?? 0);

/** A principal's sign-in rows: the client's or external member's invitations, credentials and sessions. */
type SignInTable = typeof invitations | typeof principalCredentials | typeof principalSessions;
const ofPrincipal = (table: SignInTable, kind: PrincipalKind, ids: string[]) => and(eq(table.principalKind, kind), inArray(table.principalId, ids));

/** How many rows of each type the clients' records hold (what purging them deletes). */
export async function countClientRecords(ex: Executor, clientIds: string[]): Promise<RecordCounts> {
  const counts = emptyCounts();
  if (clientIds.length === 0) return counts;
  const processIds = ex.select({ id: clientProcesses.id }).from(clientProcesses).where(inArray(clientProcesses.clientId, clientIds));
  counts.clients = clientIds.length;
  counts.client_care_team = await countOf(ex.select({ n }).from(clientCareTeam).where(inArray(clientCareTeam.clientId, clientIds)));
  counts.client_consents = await countOf(ex.select({ n }).from(clientConsents).where(inArray(clientConsents.clientId, clientIds)));
  counts.client_visitor_codes = await countOf(ex.select({ n }).from(clientVisitorCodes).where(inArray(clientVisitorCodes.clientId, clientIds)));
  counts.client_processes = await countOf(ex.select({ n }).from(clientProcesses).where(inArray(clientProcesses.clientId, clientIds)));
  counts.client_process_events = await countOf(ex.select({ n }).from(clientProcessEvents).where(inArray(clientProcessEvents.processId, processIds)));
  counts.client_process_deadlines = await countOf(ex.select({ n }).from(clientProcessDeadlines).where(inArray(clientProcessDeadlines.processId, processIds)));
  counts.invitations = await countOf(ex.select({ n }).from(invitations).where(ofPrincipal(invitations, 'client', clientIds)));
  counts.principal_credentials = await countOf(ex.select({ n }).from(principalCredentials).where(ofPrincipal(principalCredentials, 'client', clientIds)));
  counts.principal_sessions = await countOf(ex.select({ n }).from(principalSessions).where(ofPrincipal(principalSessions, 'client', clientIds)));
  return counts;
}

/**
 * Deletes one client's whole record, children first (no cascade is relied on, so the counts are what
 * went), and returns the counts. Call inside the transaction that locked and re-checked the client.
 */
export async function deleteClientRecord(ex: Executor, clientId: string): Promise<RecordCounts> {
  const counts = emptyCounts();
  const ids = [clientId];
  const processIds = ex.select({ id: clientProcesses.id }).from(clientProcesses).where(eq(clientProcesses.clientId, clientId));
  const gone = async (rows: Promise<unknown[]>) => (await rows).length;
  counts.principal_sessions = await gone(ex.delete(principalSessions).where(ofPrincipal(principalSessions, 'client', ids)).returning({ k: principalSessions.tokenHash }));
  counts.principal_credentials = await gone(ex.delete(principalCredentials).where(ofPrincipal(principalCredentials, 'client', ids)).returning({ k: principalCredentials.id }));
  counts.invitations = await gone(ex.delete(invitations).where(ofPrincipal(invitations, 'client', ids)).returning({ k: invitations.id }));
  counts.client_visitor_codes = await gone(ex.delete(clientVisitorCodes).where(eq(clientVisitorCodes.clientId, clientId)).returning({ k: clientVisitorCodes.visitorCode }));
  counts.client_consents = await gone(ex.delete(clientConsents).where(eq(clientConsents.clientId, clientId)).returning({ k: clientConsents.id }));
  counts.client_care_team = await gone(ex.delete(clientCareTeam).where(eq(clientCareTeam.clientId, clientId)).returning({ k: clientCareTeam.userId }));
  counts.client_process_events = await gone(ex.delete(clientProcessEvents).where(inArray(clientProcessEvents.processId, processIds)).returning({ k: clientProcessEvents.id }));
  counts.client_process_deadlines = await gone(ex.delete(clientProcessDeadlines).where(inArray(clientProcessDeadlines.processId, processIds)).returning({ k: clientProcessDeadlines.clockKey }));
  counts.client_processes = await gone(ex.delete(clientProcesses).where(eq(clientProcesses.clientId, clientId)).returning({ k: clientProcesses.id }));
  counts.clients = await gone(ex.delete(clients).where(eq(clients.id, clientId)).returning({ k: clients.id }));
  return counts;
}

/** Locks a client's row and says whether it is still due: a process opened since the listing keeps it. */
export async function lockIfStillDue(ex: Executor, clientId: string, cutoffs: RetentionCutoffs): Promise<boolean> {
  const [row] = await ex.select({ id: clients.id }).from(clients).where(and(eq(clients.id, clientId), clientDue(ex, cutoffs))).for('update');
  return row !== undefined;
}

// Sign-in artefacts of clients and external members (rules signin_spent and principal_session_expired).

export const expiredSessions = (cutoffs: RetentionCutoffs) => lt(principalSessions.expiresAt, cutoffs.sessionExpiredBefore);
export const spentCredentials = (cutoffs: RetentionCutoffs) => and(isNotNull(principalCredentials.revokedAt), lt(principalCredentials.revokedAt, cutoffs.signinStoppedBefore));
/**
 * An invitation that stopped working (redeemed, revoked or expired: the latest of these, as greatest()
 * skips nulls) before the cut-off, from which no credential remains but spent ones (deleted first).
 */
export const spentInvitations = (ex: Executor, cutoffs: RetentionCutoffs) =>
  and(
    sql`greatest(${invitations.expiresAt}, ${invitations.redeemedAt}, ${invitations.revokedAt}) < ${cutoffs.signinStoppedBefore}`,
    notExists(ex.select({ one: sql`1` }).from(principalCredentials).where(and(eq(principalCredentials.invitationId, invitations.id), not(spentCredentials(cutoffs)!)))),
  );

/** Leaves out the rows of principals whose whole record goes under another rule (the dry run's exact counts). */
export function notOfPrincipals(table: SignInTable, excluded: { client: string[]; external: string[] }): SQL | undefined {
  const parts = (['client', 'external'] as const).filter((k) => excluded[k].length > 0).map((k) => not(ofPrincipal(table, k, excluded[k])!));
  return parts.length === 0 ? undefined : and(...parts);
}

/**
 * An external member due for deletion: old enough, named by no consent (a client record that names them
 * keeps them), with no credential that still works and no invitation that may still be redeemed.
 */
export function externalMemberDue(ex: Executor, cutoffs: RetentionCutoffs, now: Date, goingClientIds: string[] = []) {
  return and(
    lt(externalMembers.createdAt, cutoffs.externalMemberCreatedBefore),
    notExists(
      ex.select({ one: sql`1` }).from(clientConsents)
        .where(and(eq(clientConsents.granteeId, externalMembers.id), goingClientIds.length > 0 ? not(inArray(clientConsents.clientId, goingClientIds)) : undefined)),
    ),
    notExists(
      ex.select({ one: sql`1` }).from(principalCredentials)
        .where(and(eq(principalCredentials.principalKind, 'external'), eq(principalCredentials.principalId, externalMembers.id), isNull(principalCredentials.revokedAt))),
    ),
    notExists(
      ex.select({ one: sql`1` }).from(invitations)
        .where(and(eq(invitations.principalKind, 'external'), eq(invitations.principalId, externalMembers.id), isNull(invitations.redeemedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now))),
    ),
  );
}

/** `goingClientIds`: clients purged before the members in the same run (the dry run's look-ahead). */
export async function dueExternalMembers(ex: Executor, cutoffs: RetentionCutoffs, now: Date, limit: number, afterId: string | null = null, goingClientIds: string[] = []) {
  return ex
    .select({ id: externalMembers.id, regionId: externalMembers.regionId })
    .from(externalMembers)
    .where(and(externalMemberDue(ex, cutoffs, now, goingClientIds), afterId ? gt(externalMembers.id, afterId) : undefined))
    .orderBy(asc(externalMembers.id))
    .limit(limit);
}

/** Deletes one external member with their sign-in rows; call inside the transaction that locked and re-checked them. */
export async function deleteExternalMember(ex: Executor, memberId: string): Promise<Partial<RecordCounts>> {
  const ids = [memberId];
  const gone = async (rows: Promise<unknown[]>) => (await rows).length;
  return {
    principal_sessions: await gone(ex.delete(principalSessions).where(ofPrincipal(principalSessions, 'external', ids)).returning({ k: principalSessions.tokenHash })),
    principal_credentials: await gone(ex.delete(principalCredentials).where(ofPrincipal(principalCredentials, 'external', ids)).returning({ k: principalCredentials.id })),
    invitations: await gone(ex.delete(invitations).where(ofPrincipal(invitations, 'external', ids)).returning({ k: invitations.id })),
    external_members: await gone(ex.delete(externalMembers).where(eq(externalMembers.id, memberId)).returning({ k: externalMembers.id })),
  };
}

export async function lockMemberIfStillDue(ex: Executor, memberId: string, cutoffs: RetentionCutoffs, now: Date): Promise<boolean> {
  const [row] = await ex.select({ id: externalMembers.id }).from(externalMembers).where(and(eq(externalMembers.id, memberId), externalMemberDue(ex, cutoffs, now))).for('update');
  return row !== undefined;
}

/** Audit rows past the log's own retention time (counted only: the log is append-only, see rules.ts). */
export const auditRowsPastRetention = (ex: Executor, cutoffs: RetentionCutoffs): Promise<number> =>
  countOf(ex.select({ n }).from(auditLog).where(lt(auditLog.at, cutoffs.auditBefore)));
