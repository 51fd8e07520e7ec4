import { and, desc, eq, gte, lt, like, type SQL } from 'drizzle-orm';
import type { AuditEntryView } from '../../domain/api-types.js';
import { auditLog, sites, users } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { authorize, type Actor } from '../policy/policy.js';
import { describeTargets } from './targets.js';
import { writeAudit } from './write-audit.js';
import { addDays, helsinkiDayStart } from '../db/helsinki-time.js';

export type AuditFilter = {
  action?: string | undefined;
  actorId?: string | undefined;
  siteId?: string | undefined;
  /** "Who looked at this?": every row about one target (an encounter, a visitor code, a roster …). */
  resourceType?: string | undefined;
  resourceId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
};

function conditions(regionId: string, filter: AuditFilter): SQL[] {
  const where: (SQL | undefined)[] = [
    eq(auditLog.regionId, regionId),
    // "auth." matches every sign-in action; a full name matches exactly one
    filter.action ? (filter.action.endsWith('.') ? like(auditLog.action, `${filter.action}%`) : eq(auditLog.action, filter.action)) : undefined,
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.siteId ? eq(auditLog.siteId, filter.siteId) : undefined,
    filter.resourceType ? eq(auditLog.resourceType, filter.resourceType) : undefined,
    filter.resourceId ? eq(auditLog.resourceId, filter.resourceId) : undefined,
    // Days are Helsinki days, as the people reading the log live them; `to` includes its whole day.
    filter.from ? gte(auditLog.at, helsinkiDayStart(filter.from)) : undefined,
    filter.to ? lt(auditLog.at, helsinkiDayStart(addDays(filter.to, 1))) : undefined,
    filter.cursor ? lt(auditLog.id, Number(filter.cursor)) : undefined,
  ];
  return where.filter((c): c is SQL => c !== undefined);
}

/** Newest first, keyset-paged by id (the order rows were appended). Viewing the log is itself logged. */
export async function readAudit(deps: Deps, ctx: { actor: Actor; requestId: string | null }, filter: AuditFilter) {
  authorize(ctx.actor, 'audit.read', { regionId: ctx.actor.regionId });
  const rows = await deps.db.orm
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      // Rows carry the actor's id only; the name is today's, looked up as the page is read.
      actorName: users.displayName,
      action: auditLog.action,
      resourceType: auditLog.resourceType,
      resourceId: auditLog.resourceId,
      siteId: auditLog.siteId,
      siteName: sites.name,
      requestId: auditLog.requestId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(sites, eq(sites.id, auditLog.siteId))
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions(ctx.actor.regionId, filter)))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit + 1);
  await writeAudit(deps.db.orm, { ...ctx, at: deps.clock.now() }, { action: 'audit.viewed', resourceType: 'audit_log', details: { filter } });
  const page = rows.slice(0, filter.limit);
  const targets = await describeTargets(deps.db.orm, page);
  // Listed field by field: the details stay on the server (they may hold what the page need not show).
  const entries: AuditEntryView[] = page.map((row, i) => ({
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    siteId: row.siteId,
    siteName: row.siteName,
    requestId: row.requestId,
    target: targets[i]!,
  }));
  return { entries, nextCursor: rows.length > filter.limit ? String(page[page.length - 1]!.id) : null };
}
