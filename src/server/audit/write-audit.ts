import { auditLog } from '../db/schema.js';
import type { Executor } from '../db/connect.js';
import type { Actor } from '../policy/policy.js';

/** Who did it, when and under which request — shared by every audit row a command writes. */
export type AuditContext = { actor: Actor | null; at: Date; requestId: string | null };

export type AuditEntry = {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  siteId?: string | null;
  regionId?: string | null;
  /** Never personal data about clients; ids and field names only. */
  details?: Record<string, unknown>;
};

/**
 * Appends one audit row: the actor by id only, never by name (the audit page and the client's access
 * log look the name up when they are read). Call it with the same transaction as the change it records.
 */
export async function writeAudit(ex: Executor, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await ex.insert(auditLog).values({
    at: ctx.at,
    actorId: ctx.actor?.userId ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    siteId: entry.siteId ?? null,
    regionId: entry.regionId ?? ctx.actor?.regionId ?? null,
    requestId: ctx.requestId,
    details: entry.details ?? {},
  });
}
