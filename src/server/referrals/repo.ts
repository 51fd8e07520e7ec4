import { and, eq, inArray } from 'drizzle-orm';
import { closedStatuses, initialReferralStatus, type ReferralInput, type ReferralStatus } from '../../domain/outreach.js';
import type { Executor } from '../db/connect.js';
import { referrals, services } from '../db/schema-outreach.js';
import { AppError } from '../errors.js';
import type { ReferralRow } from './present.js';

export const isClosedStatus = (status: ReferralStatus) => closedStatuses.includes(status);

/** An empty memo is no memo: nothing to purge later. */
export const memoOf = (memo: string | null | undefined) => (memo ? memo : null);

export async function findReferral(ex: Executor, referralId: string) {
  const [row] = await ex.select().from(referrals).where(eq(referrals.id, referralId));
  return row ?? null;
}

async function assertActiveServices(ex: Executor, regionId: string, serviceIds: string[]): Promise<void> {
  const wanted = [...new Set(serviceIds)];
  if (wanted.length === 0) return;
  const found = await ex
    .select({ id: services.id })
    .from(services)
    .where(and(inArray(services.id, wanted), eq(services.regionId, regionId), eq(services.isActive, true)));
  if (found.length !== wanted.length) {
    throw new AppError('bad_request', 'A referral names a service that is not an active service of this region.', { field: 'referrals' });
  }
}

export type ReferralOwner = { encounterId: string; regionId: string; siteId: string; createdBy: string; now: Date };

/**
 * Stores an encounter's referrals (in the encounter's transaction); a closed status closes the referral at once.
 * Returns the rows as stored, ordered as a read of the encounter orders them.
 */
export async function insertReferrals(ex: Executor, owner: ReferralOwner, inputs: ReferralInput[]): Promise<ReferralRow[]> {
  if (inputs.length === 0) return [];
  if (new Set(inputs.map((r) => r.id)).size !== inputs.length) throw new AppError('bad_request', 'Two referrals have the same id.', { field: 'referrals' });
  await assertActiveServices(ex, owner.regionId, inputs.map((r) => r.serviceId));
  const rows = await ex
    .insert(referrals)
    .values(
    inputs.map((r) => ({ ...r, status: initialReferralStatus(r.way, r.status) })).map((r) => ({
      id: r.id,
      encounterId: owner.encounterId,
      regionId: owner.regionId,
      siteId: owner.siteId,
      serviceId: r.serviceId,
      way: r.way,
      status: r.status,
      followUpOn: r.followUpOn,
      memo: memoOf(r.memo),
      closedAt: isClosedStatus(r.status) ? owner.now : null,
      slipCodeHash: null,
      slipExpiresAt: null,
      slipUsedAt: null,
      referredBy: r.referredBy ?? owner.createdBy,
      createdBy: owner.createdBy,
      createdAt: owner.now,
      updatedAt: owner.now,
    })),
    )
    .returning();
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
