import { and, desc, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { AccessKind, AccessLog } from '../../domain/own/schemas.js';
import type { Profession, Role } from '../../domain/org.js';
import { can } from '../../domain/policy/index.js';
import { writeAudit } from '../audit/write-audit.js';
import { auditLog, roleAssignments, users } from '../db/schema.js';
import { externalMembers } from '../db/schema-signin.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import type { PrincipalContext } from '../http/context.js';
import { clientFacts, findClient } from '../clients/repo.js';

/** Each audited action about a client, in the words the client reads (the web words each kind). */
const kinds: Record<string, AccessKind> = {
  'client.read': 'viewed',
  'own.client_viewed': 'viewed',
  'client.listed': 'seen_in_list',
  'client.due_listed': 'seen_in_list',
  'own.clients_listed': 'seen_in_list',
  'client.looked_up': 'searched',
  'client.created': 'registered',
  'client.updated': 'changed_details',
  'client.care_team_changed': 'changed_team',
  'process.advanced': 'changed_process',
  'consent.granted': 'consent_recorded',
  'consent.revoked': 'consent_revoked',
  'client.visitor_code_linked': 'linked_visitor_code',
  'invitation.issued': 'issued_invitation',
};

export type AccessLogPage = { cursor?: string | undefined; limit?: number | undefined };
export const ACCESS_LOG_PAGE = 50;

/**
 * The client's access log (Client Data Act 703/2023 § 11): every audit row about this client — a row
 * whose resource is the client, or a list or look-up that showed them (`details.clientIds`) — made by a
 * member of staff or an external member, newest first, keyset-paged by the row's id. The client's own
 * reads are left out: the log answers "who else has seen my data" (the county still has them in the
 * audit log). Only when, who, their profession or roles and what kind of thing was done leave the
 * server: never a row's details, which may name other clients.
 */
export async function readAccessLog(deps: Deps, ctx: PrincipalContext, clientId: string, page: AccessLogPage): Promise<AccessLog> {
  const ex = deps.db.orm;
  const client = await findClient(ex, clientId);
  const time = { today: ctx.today };
  // Anyone but the client themself: 404, as for a missing id (an external member may read the client, not their log).
  if (!client || !can(ctx.principal, 'client.access_log.read', await clientFacts(ex, client, ctx.today), time)) throw notFound('Client');
  const limit = page.limit ?? ACCESS_LOG_PAGE;
  const aboutClient = or(
    and(eq(auditLog.resourceType, 'client'), eq(auditLog.resourceId, client.id)),
    sql`(${auditLog.details} -> 'clientIds') @> ${JSON.stringify([client.id])}::jsonb`,
  );
  const byStaffOrExternal = or(isNotNull(auditLog.actorId), sql`${auditLog.details} ->> 'principalKind' = 'external'`);
  const rows = await ex
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.regionId, client.regionId), aboutClient, byStaffOrExternal, page.cursor ? lt(auditLog.id, Number(page.cursor)) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  const people = await staffOf(deps, [...new Set(shown.map((r) => r.actorId).filter((id): id is string => id !== null))]);
  const members = await membersOf(deps, [...new Set(shown.filter((r) => r.actorId === null).map((r) => String(r.details.principalId)))]);
  const entries = shown.map((row) => {
    const staff = row.actorId ? people.get(row.actorId) : undefined;
    const who = row.actorId
      ? { kind: 'staff' as const, name: staff?.name ?? '', profession: staff?.profession ?? null, roles: staff?.roles ?? [] }
      : { kind: 'external' as const, name: members.get(String(row.details.principalId)) ?? '', profession: null, roles: [] };
    return { id: String(row.id), at: row.at.toISOString(), who, what: kinds[row.action] ?? 'other' };
  });
  await writeAudit(ex, { actor: null, at: ctx.now, requestId: ctx.requestId }, {
    action: 'own.access_log_viewed', resourceType: 'client', resourceId: client.id, siteId: client.siteId, regionId: client.regionId,
    details: { principalKind: 'client', principalId: client.id, entries: entries.length },
  });
  return { entries, nextCursor: rows.length > limit ? String(shown[shown.length - 1]!.id) : null };
}

/** Names, professions and current roles of the members of staff on a page of the log. */
async function staffOf(deps: Deps, ids: string[]): Promise<Map<string, { name: string; profession: Profession | null; roles: Role[] }>> {
  if (ids.length === 0) return new Map();
  const rows = await deps.db.orm.select({ id: users.id, name: users.displayName, profession: users.profession }).from(users).where(inArray(users.id, ids));
  const assigned = await deps.db.orm.selectDistinct({ userId: roleAssignments.userId, role: roleAssignments.role }).from(roleAssignments).where(inArray(roleAssignments.userId, ids));
  return new Map(rows.map((r) => [r.id, { name: r.name, profession: r.profession, roles: assigned.filter((a) => a.userId === r.id).map((a) => a.role).sort() }]));
}

async function membersOf(deps: Deps, ids: string[]): Promise<Map<string, string>> {
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (valid.length === 0) return new Map();
  const rows = await deps.db.orm.select({ id: externalMembers.id, name: externalMembers.displayName }).from(externalMembers).where(inArray(externalMembers.id, valid));
  return new Map(rows.map((r) => [r.id, r.name]));
}
