import { and, asc, inArray, isNotNull, lt } from 'drizzle-orm';
import { daysBefore } from '../../domain/retention/rules.js';
import { writeAudit } from '../audit/write-audit.js';
import { helpRequests } from '../db/schema-help.js';
import type { Deps } from '../deps.js';

const BATCH = 500;

/**
 * Deletes ask-for-help requests closed longer ago than SILTA_RETENTION_HELP_REQUEST_DAYS (default 90),
 * with their messages and notes (the foreign keys cascade). A request that became a client contact
 * lives on in the client record under that record's own retention. Runs with the daily retention job
 * (jobs.ts): batches of BATCH, each one transaction with one audit row per region naming the ids.
 */
export async function purgeClosedHelpRequests(deps: Deps, shouldStop: () => boolean = () => false): Promise<number> {
  const now = deps.clock.now();
  const keptDays = deps.config.helpRequestRetentionDays;
  const closedBefore = daysBefore(now, keptDays);
  let total = 0;
  while (!shouldStop()) {
    const gone = await deps.db.orm.transaction(async (tx) => {
      const due = tx.select({ id: helpRequests.id }).from(helpRequests)
        .where(and(isNotNull(helpRequests.closedAt), lt(helpRequests.closedAt, closedBefore))).orderBy(asc(helpRequests.id)).limit(BATCH);
      const rows = await tx.delete(helpRequests).where(inArray(helpRequests.id, due)).returning({ id: helpRequests.id, regionId: helpRequests.regionId });
      const perRegion = new Map<string, string[]>();
      for (const row of rows) perRegion.set(row.regionId, [...(perRegion.get(row.regionId) ?? []), row.id]);
      for (const [regionId, ids] of perRegion) {
        await writeAudit(tx, { actor: null, at: now, requestId: null }, {
          action: 'retention.help_requests_purged', resourceType: 'help_request', regionId,
          details: { rule: 'help_request_closed', keptDays, closedBefore: closedBefore.toISOString(), count: ids.length, ids: ids.sort() },
        });
      }
      return rows.length;
    });
    total += gone;
    if (gone < BATCH) break;
  }
  return total;
}
