import type { ReferralView } from '../../domain/outreach-views.js';
import type { referrals } from '../db/schema-outreach.js';

export type ReferralRow = typeof referrals.$inferSelect;

/** Lists every field; the slip hash never leaves the server, and the memo only for the site's professionals. */
export function presentReferral(row: ReferralRow, canSeeMemo: boolean): ReferralView {
  return {
    id: row.id,
    encounterId: row.encounterId,
    siteId: row.siteId,
    serviceId: row.serviceId,
    way: row.way,
    status: row.status,
    followUpOn: row.followUpOn,
    memo: canSeeMemo ? row.memo : null,
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
    hasSlip: row.slipCodeHash !== null,
    referredBy: row.referredBy,
    createdAt: row.createdAt.toISOString(),
  };
}
