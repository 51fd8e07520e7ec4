import { randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { VisitorCodeView } from '../../domain/outreach-views.js';
import { generateVisitorCode } from '../../domain/visitor-code.js';
import { visitorCodes } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { canSomewhere, type Action, type Actor } from '../policy/policy.js';
import { helsinkiDay } from '../db/helsinki-time.js';
import { loadSiteFor } from '../policy/site-access.js';
import type { Ctx } from '../http/context.js';
import { findVisitorCode, openReferralsOfCode, parseVisitorCode, visitStats } from './repo.js';

// 24^6 ≈ 191 million codes: a collision is rare, five in a row means something else is wrong.
const MAX_ATTEMPTS = 5;

/** Issues a new code at a site. The code is random (crypto) and holds no personal data. */
export async function issueVisitorCode(deps: Deps, ctx: Ctx, siteId: string, random: (max: number) => number = randomInt): Promise<string> {
  const site = await loadSiteFor(deps.db.orm, ctx.actor, siteId, 'visitor_code.issue');
  const now = deps.clock.now();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const code = generateVisitorCode(random);
    const issued = await deps.db.orm.transaction(async (tx) => {
      const [row] = await tx
        .insert(visitorCodes)
        .values({ code, regionId: site.regionId, issuedAt: now, issuedAtSite: site.id, retiredAt: null })
        .onConflictDoNothing()
        .returning();
      if (!row) return false;
      await writeAudit(tx, { ...ctx, at: now }, { action: 'visitor_code.issued', resourceType: 'visitor_code', resourceId: code, siteId: site.id, regionId: site.regionId });
      return true;
    });
    if (issued) return code;
  }
  throw new AppError('internal', 'Could not find a free visitor code.');
}

/**
 * A code belongs to the region, not to the site that issued it: a visitor may show it anywhere. So
 * the check is "may the actor do this at one of their own sites of the region".
 */
async function loadCodeFor(deps: Deps, actor: Actor, input: string, action: Action) {
  const code = parseVisitorCode(input);
  const row = await findVisitorCode(deps.db.orm, code);
  if (!row || row.regionId !== actor.regionId) throw notFound('Visitor code');
  // A code has no site: the rule is asked whether the actor may do this anywhere (region checked above).
  if (!canSomewhere(actor, action)) throw forbidden();
  return row;
}

/** What a professional needs to know of a code: visits, the last one, and referrals to ask about. A person-level read. */
export async function readVisitorCode(deps: Deps, ctx: Ctx, input: string): Promise<VisitorCodeView> {
  const row = await loadCodeFor(deps, ctx.actor, input, 'visitor_code.read');
  const stats = await visitStats(deps.db.orm, row.code);
  const open = await openReferralsOfCode(deps.db.orm, row.code);
  await writeAudit(deps.db.orm, { ...ctx, at: deps.clock.now() }, { action: 'visitor_code.read', resourceType: 'visitor_code', resourceId: row.code, regionId: row.regionId });
  return {
    code: row.code,
    isRetired: row.retiredAt !== null,
    issuedAt: row.issuedAt.toISOString(),
    visits: stats.visits,
    lastVisitOn: stats.lastVisitAt ? helsinkiDay(stats.lastVisitAt) : null,
    openReferrals: open.map((r) => ({ id: r.id, serviceName: { fi: r.nameFi, sv: r.nameSv, en: r.nameEn }, status: r.status, followUpOn: r.followUpOn })),
  };
}

/** Retires a code (a lost card, or a visitor who wants to stop being recognised). Retiring twice changes nothing. */
export async function retireVisitorCode(deps: Deps, ctx: Ctx, input: string): Promise<{ code: string; retiredAt: string }> {
  const row = await loadCodeFor(deps, ctx.actor, input, 'visitor_code.retire');
  if (row.retiredAt !== null) return { code: row.code, retiredAt: row.retiredAt.toISOString() };
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const [updated] = await tx
      .update(visitorCodes)
      .set({ retiredAt: now })
      .where(and(eq(visitorCodes.code, row.code), isNull(visitorCodes.retiredAt)))
      .returning();
    // Someone else retired it a moment ago: the outcome is the same, with their time.
    if (!updated) return { code: row.code, retiredAt: ((await findVisitorCode(tx, row.code))?.retiredAt ?? now).toISOString() };
    await writeAudit(tx, { ...ctx, at: now }, { action: 'visitor_code.retired', resourceType: 'visitor_code', resourceId: row.code, regionId: row.regionId });
    return { code: row.code, retiredAt: now.toISOString() };
  });
}
