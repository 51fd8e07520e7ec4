import { and, isNotNull, lt } from 'drizzle-orm';
import { MEMO_PURGE_DAYS } from '../../domain/outreach.js';
import { referrals } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { writeAudit } from '../audit/write-audit.js';

/**
 * Clears the follow-up memos of referrals closed more than MEMO_PURGE_DAYS ago (by the deps clock) and
 * returns how many were cleared. The memo is the only free text Silta keeps about a person, and only
 * while the referral needs following up. One audit row per region that had memos cleared, so that
 * each region's auditor sees it; a run that clears nothing writes nothing.
 */
export async function purgeClosedMemos(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - MEMO_PURGE_DAYS * 86_400_000);
  return deps.db.orm.transaction(async (tx) => {
    const cleared = await tx
      .update(referrals)
      .set({ memo: null })
      .where(and(isNotNull(referrals.memo), lt(referrals.closedAt, cutoff)))
      .returning({ regionId: referrals.regionId });
    const perRegion = new Map<string, number>();
    for (const { regionId } of cleared) perRegion.set(regionId, (perRegion.get(regionId) ?? 0) + 1);
    for (const [regionId, count] of perRegion) {
      await writeAudit(tx, { actor: null, at: now, requestId: null }, { action: 'referral.memos_purged', resourceType: 'referral', regionId, details: { count, closedBefore: cutoff.toISOString() } });
    }
    return cleared.length;
  });
}
