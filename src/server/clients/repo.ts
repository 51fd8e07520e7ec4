import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ConsentPurpose } from '../../domain/clients/schemas.js';
import type { ResourceFacts } from '../../domain/policy/index.js';
import type { Executor } from '../db/connect.js';
import { clientCareTeam, clientConsents, clientProcessDeadlines, clientProcesses, clientProcessEvents, clients, clientVisitorCodes } from '../db/schema-clients.js';
import { roleAssignments, users } from '../db/schema.js';
import { encounters } from '../db/schema-outreach.js';
import type { FactColumns } from '../policy/sql.js';

export type ClientRow = typeof clients.$inferSelect;
export type ProcessRow = typeof clientProcesses.$inferSelect;
export type ConsentRow = typeof clientConsents.$inferSelect;

/** Consents in force on `today`: recorded, not revoked, and `today` within their days. */
export const consentInForce = (today: string): SQL =>
  and(isNull(clientConsents.revokedAt), lte(clientConsents.validFrom, today), or(isNull(clientConsents.validTo), gte(clientConsents.validTo, today)))!;

/**
 * How the clients table answers the rules' facts in SQL (src/server/policy/sql.ts): lists compile the
 * same condition `can` evaluates for one client. `granted` depends on the day, so the columns are made
 * for one.
 */
export function clientFactColumns(today: string): FactColumns {
  return {
    region: (c) => sql`${clients.regionId} = ${c.regionId}`,
    site_in: (c) => (c.siteIds.length === 0 ? sql`false` : inArray(clients.siteId, [...c.siteIds])),
    own_worker: (c) => sql`${clients.ownWorkerId} = ${c.userId}`,
    care_team: (c) => sql`exists (select 1 from ${clientCareTeam} t where t.client_id = ${clients.id} and t.user_id = ${c.userId})`,
    is_client: (c) => sql`${clients.id} = ${c.clientId}`,
    granted: (c) => sql`exists (select 1 from ${clientConsents} g where g.client_id = ${clients.id} and g.grantee_kind = 'external' and g.grantee_id = ${c.memberId}
      and g.purpose in ('share_process', 'share_plan') and g.revoked_at is null and g.valid_from <= ${today} and (g.valid_to is null or g.valid_to >= ${today}))`,
  };
}

export async function findClient(ex: Executor, clientId: string): Promise<ClientRow | undefined> {
  const [row] = await ex.select().from(clients).where(eq(clients.id, clientId));
  return row;
}

export async function careTeamOf(ex: Executor, clientId: string): Promise<{ userId: string; isHandler: boolean; displayName: string }[]> {
  return ex
    .select({ userId: clientCareTeam.userId, isHandler: clientCareTeam.isHandler, displayName: users.displayName })
    .from(clientCareTeam)
    .innerJoin(users, eq(users.id, clientCareTeam.userId))
    .where(eq(clientCareTeam.clientId, clientId))
    .orderBy(asc(users.displayName));
}

export async function consentsOf(ex: Executor, clientId: string): Promise<ConsentRow[]> {
  return ex.select().from(clientConsents).where(eq(clientConsents.clientId, clientId)).orderBy(asc(clientConsents.recordedAt));
}

/** The consent purposes that let an external member see a client at all (the `granted` fact of the client record). */
export const sharingPurposes: readonly ConsentPurpose[] = ['share_process', 'share_plan'];

/**
 * The facts the rules decide on for one client, as of `today` (the same as `clientFactColumns`). For one
 * part of the client's data (the process, the plan) `purposes` narrows the grants to the consents that
 * share that part.
 */
export async function clientFacts(ex: Executor, client: ClientRow, today: string, purposes: readonly ConsentPurpose[] = sharingPurposes): Promise<ResourceFacts> {
  const team = await ex.select({ userId: clientCareTeam.userId }).from(clientCareTeam).where(eq(clientCareTeam.clientId, client.id));
  const grants = await ex
    .select({ granteeId: clientConsents.granteeId })
    .from(clientConsents)
    .where(and(eq(clientConsents.clientId, client.id), eq(clientConsents.granteeKind, 'external'), inArray(clientConsents.purpose, [...purposes]), consentInForce(today)));
  return {
    regionId: client.regionId,
    siteId: client.siteId,
    clientId: client.id,
    ownWorkerIds: client.ownWorkerId ? [client.ownWorkerId] : [],
    careTeamIds: team.map((t) => t.userId),
    grantedMemberIds: grants.map((g) => g.granteeId!).filter(Boolean),
  };
}

/** The client's open process, or else the latest ended one. */
export async function currentProcess(ex: Executor, clientId: string): Promise<ProcessRow | undefined> {
  const [row] = await ex
    .select()
    .from(clientProcesses)
    .where(eq(clientProcesses.clientId, clientId))
    .orderBy(sql`(${clientProcesses.state} = 'ended')`, sql`${clientProcesses.contactAt} desc`)
    .limit(1);
  return row;
}

export async function processDeadlines(ex: Executor, processId: string) {
  return ex.select().from(clientProcessDeadlines).where(eq(clientProcessDeadlines.processId, processId)).orderBy(asc(clientProcessDeadlines.dueOn), asc(clientProcessDeadlines.clockKey));
}

export async function processEvents(ex: Executor, processId: string) {
  return ex
    .select({ type: clientProcessEvents.type, at: clientProcessEvents.at, fromState: clientProcessEvents.fromState, toState: clientProcessEvents.toState, byId: clientProcessEvents.byUser, byName: users.displayName })
    .from(clientProcessEvents)
    .leftJoin(users, eq(users.id, clientProcessEvents.byUser))
    .where(eq(clientProcessEvents.processId, processId))
    .orderBy(asc(clientProcessEvents.at), asc(clientProcessEvents.id));
}

export async function linkedCodes(ex: Executor, clientId: string) {
  return ex.select({ code: clientVisitorCodes.visitorCode, linkedFrom: clientVisitorCodes.linkedFrom }).from(clientVisitorCodes).where(eq(clientVisitorCodes.clientId, clientId)).orderBy(asc(clientVisitorCodes.linkedFrom));
}

/**
 * Encounters under the client's linked codes, each counted only from its code's link on: what came
 * before stays anonymous and is never joined to the client.
 */
export async function encountersSinceLinked(ex: Executor, clientId: string): Promise<number> {
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(clientVisitorCodes)
    .innerJoin(encounters, and(eq(encounters.visitorCode, clientVisitorCodes.visitorCode), gte(encounters.occurredAt, clientVisitorCodes.linkedFrom)))
    .where(eq(clientVisitorCodes.clientId, clientId));
  return row?.n ?? 0;
}

/**
 * Which of `ids` are active professionals of the region (own workers and care-team members must be;
 * the rules give relationships only to professionals).
 */
export async function activeProfessionals(ex: Executor, regionId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ex
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(inArray(users.id, ids), eq(users.regionId, regionId), eq(users.isActive, true), eq(roleAssignments.role, 'professional')));
  return new Set(rows.map((r) => r.id));
}

export async function displayNames(ex: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ex.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
