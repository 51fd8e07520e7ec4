import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { ReferralUpdate } from '../../domain/outreach.js';
import type { FollowUpView, ReferralView } from '../../domain/outreach-views.js';
import { encounters, referrals, services, visitorCodes } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { authorize, can, conditionFor, type Actor } from '../policy/policy.js';
import { compileCondition } from '../policy/sql.js';
import { referralColumns } from '../policy/fact-columns.js';
import { helsinkiDayOf } from '../db/helsinki-time.js';
import { loadSiteFor } from '../policy/site-access.js';
import type { Ctx } from '../http/context.js';
import { presentReferral } from './present.js';
import { findReferral, isClosedStatus, memoOf } from './repo.js';

/** Another region's referral is "not found"; one of another site of the region is 403. */
export async function loadReferralFor(deps: Deps, actor: Actor, referralId: string, action: 'referral.read' | 'referral.update') {
  const row = await findReferral(deps.db.orm, referralId);
  if (!row || row.regionId !== actor.regionId) throw notFound('Referral');
  authorize(actor, action, { regionId: row.regionId, siteId: row.siteId });
  return row;
}

/**
 * Closing a referral (an outcome is known) stamps closed_at, which starts the memo's 30 days;
 * reopening clears it. The audit row names the changed fields, never the memo's text.
 */
export async function updateReferral(deps: Deps, ctx: Ctx, referralId: string, patch: ReferralUpdate): Promise<ReferralView> {
  const before = await loadReferralFor(deps, ctx.actor, referralId, 'referral.update');
  const now = deps.clock.now();
  const status = patch.status ?? before.status;
  const closedAt = !isClosedStatus(status) ? null : isClosedStatus(before.status) ? before.closedAt : now;
  return deps.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .update(referrals)
      .set({
        status,
        closedAt,
        ...(patch.followUpOn === undefined ? {} : { followUpOn: patch.followUpOn }),
        ...(patch.memo === undefined ? {} : { memo: memoOf(patch.memo) }),
        updatedAt: now,
      })
      .where(eq(referrals.id, referralId))
      .returning();
    await writeAudit(tx, { ...ctx, at: now }, {
      action: 'referral.updated',
      resourceType: 'referral',
      resourceId: referralId,
      siteId: before.siteId,
      regionId: before.regionId,
      details: { fields: Object.keys(patch) },
    });
    return presentReferral(row!, can(ctx.actor, 'referral.read_memo', { regionId: before.regionId, siteId: before.siteId }));
  });
}

/**
 * Open referrals of visitors who carry a code, for the next session at the site: "did you get there?".
 * Anonymous visitors cannot be asked, and a retired code will not be shown again, so both are left out.
 */
export async function listFollowUps(deps: Deps, ctx: Ctx, siteId: string): Promise<FollowUpView[]> {
  const site = await loadSiteFor(deps.db.orm, ctx.actor, siteId, 'referral.read');
  const rows = await deps.db.orm
    .select({ referral: referrals, visitorCode: encounters.visitorCode, encounterDay: helsinkiDayOf(encounters.occurredAt), nameFi: services.nameFi, nameSv: services.nameSv, nameEn: services.nameEn })
    .from(referrals)
    .innerJoin(encounters, eq(encounters.id, referrals.encounterId))
    // the inner join leaves out anonymous encounters
    .innerJoin(visitorCodes, eq(visitorCodes.code, encounters.visitorCode))
    .innerJoin(services, eq(services.id, referrals.serviceId))
    .where(and(eq(referrals.siteId, site.id), isNull(referrals.closedAt), isNull(visitorCodes.retiredAt), compileCondition(conditionFor(ctx.actor, 'referral.read'), referralColumns)))
    .orderBy(sql`${referrals.followUpOn} asc nulls last`, asc(referrals.createdAt), asc(referrals.id));
  const canSeeMemo = can(ctx.actor, 'referral.read_memo', { regionId: site.regionId, siteId: site.id });
  await writeAudit(deps.db.orm, { ...ctx, at: deps.clock.now() }, { action: 'referral.follow_ups_listed', resourceType: 'referral', siteId: site.id, regionId: site.regionId, details: { count: rows.length } });
  return rows.map((r) => ({
    referral: presentReferral(r.referral, canSeeMemo),
    visitorCode: r.visitorCode!,
    serviceName: { fi: r.nameFi, sv: r.nameSv, en: r.nameEn },
    encounterDay: r.encounterDay,
  }));
}
