import { and, asc, inArray, sql } from 'drizzle-orm';
import { addCounts, emptyCounts, retentionCutoffs, type RecordCounts, type RetentionCutoffs, type RetentionRecordType } from '../../domain/retention/rules.js';
import { writeAudit, type AuditContext } from '../audit/write-audit.js';
import type { Executor } from '../db/connect.js';
import { invitations, principalCredentials, principalSessions } from '../db/schema-signin.js';
import type { Deps } from '../deps.js';
import {
  auditRowsPastRetention, countClientRecords, deleteClientRecord, deleteExternalMember, dueClients, dueExternalMembers, expiredSessions,
  lockIfStillDue, lockMemberIfStillDue, notOfPrincipals, spentCredentials, spentInvitations,
} from './queries.js';

/** Clients (and members) listed per page, and sign-in rows deleted per transaction. */
const PAGE = 200;
const BATCH = 500;

export type RetentionReport = {
  dryRun: boolean;
  at: string;
  /** What went (or, in a dry run, would go), per record type. */
  counts: RecordCounts;
  clientIds: string[];
  externalMemberIds: string[];
  /** Audit rows past the log's own retention time: counted, never deleted by Silta (rules.ts audit_log). */
  auditRowsPastRetention: number;
};

export type RetentionOptions = { dryRun: boolean; shouldStop?: () => boolean };

/** Some records could not be purged (each left whole); the others were. Ids only, never names. */
export class RetentionFailure extends Error {
  constructor(readonly failures: Map<string, unknown>) {
    super(`retention could not purge ${failures.size} record(s), left whole for the next run: ${[...failures.keys()].join(', ')}`, { cause: [...failures.values()][0] });
  }
}

/**
 * Runs one record's purge; a failure is remembered and the run goes on, so that one record that cannot
 * go (a lock held too long, a constraint) does not keep every later one past its time.
 */
async function attempt<T>(failed: Map<string, unknown>, id: string, purge: () => Promise<T>): Promise<T | null> {
  try {
    return await purge();
  } catch (error) {
    failed.set(id, error);
    return null;
  }
}

const nonZero = (counts: Partial<RecordCounts>) => Object.fromEntries(Object.entries(counts).filter(([, v]) => (v ?? 0) > 0));

/**
 * Purges what is due under the retention rules (src/domain/retention/rules.ts) at the deps clock's now,
 * or with `dryRun` only reports it. Each client's record goes in its own transaction, locked and checked
 * again inside it, with its audit row: a crash leaves every client whole or gone, and a second run (or a
 * second process at once) finds only what is still due. Order: clients, then external members (a
 * consent of a purged client no longer keeps them), then spent sign-in rows.
 */
export async function runRetention(deps: Deps, options: RetentionOptions): Promise<RetentionReport> {
  const now = deps.clock.now();
  const cutoffs = retentionCutoffs(now, deps.config.retention);
  const stop = options.shouldStop ?? (() => false);
  const ex = deps.db.orm;
  const audit: AuditContext = { actor: null, at: now, requestId: null };
  let counts = emptyCounts();
  const clientIds: string[] = [];
  const externalMemberIds: string[] = [];
  const failed = new Map<string, unknown>();

  for (let after: string | null = null; !stop(); ) {
    const page = await dueClients(ex, cutoffs, PAGE, after);
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    if (options.dryRun) {
      counts = addCounts(counts, await countClientRecords(ex, page.map((c) => c.id)));
      clientIds.push(...page.map((c) => c.id));
      continue;
    }
    for (const client of page) {
      if (stop()) break;
      const went = await attempt(failed, client.id, () => ex.transaction(async (tx) => {
        if (!(await lockIfStillDue(tx, client.id, cutoffs))) return null;
        const deleted = await deleteClientRecord(tx, client.id);
        await writeAudit(tx, audit, {
          action: 'retention.client_purged', resourceType: 'client', resourceId: client.id, siteId: client.siteId, regionId: client.regionId,
          details: { rule: 'client_record', keptYears: deps.config.retention.clientYears, closedBefore: cutoffs.clientClosedBefore.toISOString(), deleted: nonZero(deleted) },
        });
        return deleted;
      }));
      if (went) {
        counts = addCounts(counts, went);
        clientIds.push(client.id);
      }
    }
  }

  for (let after: string | null = null; !stop(); ) {
    const page = await dueExternalMembers(ex, cutoffs, now, PAGE, after, options.dryRun ? clientIds : []);
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    for (const member of page) {
      if (options.dryRun) {
        counts = addCounts(counts, { external_members: 1, ...(await countMemberSignIn(ex, member.id)) });
        externalMemberIds.push(member.id);
        continue;
      }
      const went = await attempt(failed, member.id, () => ex.transaction(async (tx) => {
        if (!(await lockMemberIfStillDue(tx, member.id, cutoffs, now))) return null;
        const deleted = await deleteExternalMember(tx, member.id);
        await writeAudit(tx, audit, {
          action: 'retention.external_member_purged', resourceType: 'external_member', resourceId: member.id, regionId: member.regionId,
          details: { rule: 'external_member', keptYears: deps.config.retention.externalMemberYears, createdBefore: cutoffs.externalMemberCreatedBefore.toISOString(), deleted: nonZero(deleted) },
        });
        return deleted;
      }));
      if (went) {
        counts = addCounts(counts, went);
        externalMemberIds.push(member.id);
      }
    }
  }

  if (!stop()) counts = addCounts(counts, await purgeSignIn(deps, cutoffs, audit, options.dryRun ? { client: clientIds, external: externalMemberIds } : null, stop));
  if (failed.size > 0) throw new RetentionFailure(failed);
  return { dryRun: options.dryRun, at: now.toISOString(), counts, clientIds, externalMemberIds, auditRowsPastRetention: await auditRowsPastRetention(ex, cutoffs) };
}

async function countMemberSignIn(ex: Executor, memberId: string): Promise<Partial<RecordCounts>> {
  const n = sql<number>`count(*)::int`;
  const of = <T extends typeof invitations | typeof principalCredentials | typeof principalSessions>(t: T) => and(sql`${t.principalKind} = 'external'`, sql`${t.principalId} = ${memberId}`);
  const one = async (rows: Promise<{ n: number }[]>) => Number((await rows)[0]?.n ?? 0);
  return {
    invitations: await one(ex.select({ n }).from(invitations).where(of(invitations))),
    principal_credentials: await one(ex.select({ n }).from(principalCredentials).where(of(principalCredentials))),
    principal_sessions: await one(ex.select({ n }).from(principalSessions).where(of(principalSessions))),
  };
}

type SignInTable = { type: Extract<RetentionRecordType, 'principal_sessions' | 'principal_credentials' | 'invitations'>; action: string; resourceType: string };
const signInTables: SignInTable[] = [
  { type: 'principal_sessions', action: 'retention.principal_sessions_purged', resourceType: 'principal_session' },
  { type: 'principal_credentials', action: 'retention.credentials_purged', resourceType: 'principal_credential' },
  { type: 'invitations', action: 'retention.invitations_purged', resourceType: 'invitation' },
];

/**
 * Expired sessions, spent credentials, then spent invitations (whose credentials went just before), in
 * batches of BATCH rows, each batch one transaction with one audit row per region naming the ids (for a
 * session, whose key is a token's hash, the principal's). In a dry run, counts only, leaving out the rows
 * of principals purged whole above.
 */
async function purgeSignIn(deps: Deps, cutoffs: RetentionCutoffs, audit: AuditContext, dryRunExcluding: { client: string[]; external: string[] } | null, stop: () => boolean): Promise<Partial<RecordCounts>> {
  const ex = deps.db.orm;
  const counts: Partial<RecordCounts> = {};
  for (const table of signInTables) {
    const n = sql<number>`count(*)::int`;
    if (dryRunExcluding) {
      const rows =
        table.type === 'principal_sessions'
          ? await ex.select({ n }).from(principalSessions).where(and(expiredSessions(cutoffs), notOfPrincipals(principalSessions, dryRunExcluding)))
          : table.type === 'principal_credentials'
            ? await ex.select({ n }).from(principalCredentials).where(and(spentCredentials(cutoffs), notOfPrincipals(principalCredentials, dryRunExcluding)))
            : await ex.select({ n }).from(invitations).where(and(spentInvitations(ex, cutoffs), notOfPrincipals(invitations, dryRunExcluding)));
      counts[table.type] = Number(rows[0]?.n ?? 0);
      continue;
    }
    let total = 0;
    while (!stop()) {
      const batch = await ex.transaction(async (tx) => {
        const gone = await deleteSignInBatch(tx, table.type, cutoffs);
        const perRegion = new Map<string, { ids: string[]; principals: string[] }>();
        for (const row of gone) {
          const entry = perRegion.get(row.regionId) ?? { ids: [], principals: [] };
          if (row.id) entry.ids.push(row.id);
          entry.principals.push(`${row.principalKind}:${row.principalId}`);
          perRegion.set(row.regionId, entry);
        }
        for (const [regionId, entry] of perRegion) {
          const details = table.type === 'principal_sessions'
            ? { rule: 'principal_session_expired', count: entry.principals.length, principals: [...new Set(entry.principals)].sort() }
            : { rule: 'signin_spent', keptDays: deps.config.retention.signinDays, count: entry.ids.length, ids: entry.ids.sort() };
          await writeAudit(tx, audit, { action: table.action, resourceType: table.resourceType, regionId, details });
        }
        return gone.length;
      });
      total += batch;
      if (batch < BATCH) break;
    }
    counts[table.type] = total;
  }
  return counts;
}

type GoneRow = { id: string | null; regionId: string; principalKind: string; principalId: string };

async function deleteSignInBatch(tx: Executor, type: SignInTable['type'], cutoffs: RetentionCutoffs): Promise<GoneRow[]> {
  if (type === 'principal_sessions') {
    const keys = tx.select({ k: principalSessions.tokenHash }).from(principalSessions).where(expiredSessions(cutoffs)).orderBy(asc(principalSessions.tokenHash)).limit(BATCH);
    const rows = await tx.delete(principalSessions).where(inArray(principalSessions.tokenHash, keys))
      .returning({ regionId: principalSessions.regionId, principalKind: principalSessions.principalKind, principalId: principalSessions.principalId });
    return rows.map((r) => ({ ...r, id: null }));
  }
  if (type === 'principal_credentials') {
    const keys = tx.select({ k: principalCredentials.id }).from(principalCredentials).where(spentCredentials(cutoffs)).orderBy(asc(principalCredentials.id)).limit(BATCH);
    return tx.delete(principalCredentials).where(inArray(principalCredentials.id, keys))
      .returning({ id: principalCredentials.id, regionId: principalCredentials.regionId, principalKind: principalCredentials.principalKind, principalId: principalCredentials.principalId });
  }
  const keys = tx.select({ k: invitations.id }).from(invitations).where(spentInvitations(tx, cutoffs)).orderBy(asc(invitations.id)).limit(BATCH);
  return tx.delete(invitations).where(inArray(invitations.id, keys))
    .returning({ id: invitations.id, regionId: invitations.regionId, principalKind: invitations.principalKind, principalId: invitations.principalId });
}
