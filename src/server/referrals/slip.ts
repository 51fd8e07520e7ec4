import { createHash, randomInt } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { SlipView } from '../../domain/outreach-views.js';
import { CODE_ALPHABET } from '../../domain/visitor-code.js';
import { referrals, services } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { AppError, conflict, notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { addressKey, countAttempt, type ThrottleRule } from '../auth/throttle.js';
import { helsinkiDay } from '../db/helsinki-time.js';
import type { Ctx } from '../http/context.js';
import { loadReferralFor } from './commands.js';
import { isClosedStatus } from './repo.js';

export const SLIP_CODE_LENGTH = 10;
export const SLIP_VALID_DAYS = 60;
/** Public and unauthenticated: a generous limit for a busy front desk, far too low to guess 24^10 codes. */
export const slipRule: ThrottleRule = { limit: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export type SlipIssued = { code: string; url: string; expiresAt: string };
type PublicCtx = { requestId: string | null; address: string };

// Only the hash is stored: a database copy cannot be turned into working slips.
const hashSlipCode = (code: string) => createHash('sha256').update(code).digest('hex');

/** A slip code as typed or scanned: case, spaces and dashes do not matter; anything else is unknown. */
function parseSlipCode(input: string): string {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== SLIP_CODE_LENGTH || [...code].some((ch) => !CODE_ALPHABET.includes(ch))) throw notFound('Slip');
  return code;
}

/**
 * A fresh one-time code for the visitor to show at the receiving service. Issuing again replaces the
 * old slip (a lost paper), which stops working at once.
 */
export async function issueSlip(deps: Deps, ctx: Ctx, referralId: string, random: (max: number) => number = randomInt): Promise<SlipIssued> {
  const referral = await loadReferralFor(deps, ctx.actor, referralId, 'referral.update');
  if (isClosedStatus(referral.status)) throw conflict('The referral is already closed; a slip is only for an open referral.');
  const code = Array.from({ length: SLIP_CODE_LENGTH }, () => CODE_ALPHABET[random(CODE_ALPHABET.length)]).join('');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SLIP_VALID_DAYS * 86_400_000);
  await deps.db.orm.transaction(async (tx) => {
    await tx.update(referrals).set({ slipCodeHash: hashSlipCode(code), slipExpiresAt: expiresAt, slipUsedAt: null, updatedAt: now }).where(eq(referrals.id, referral.id));
    await writeAudit(tx, { ...ctx, at: now }, { action: 'referral.slip_issued', resourceType: 'referral', resourceId: referral.id, siteId: referral.siteId, regionId: referral.regionId });
  });
  return { code, url: `/slip/${code}`, expiresAt: expiresAt.toISOString() };
}

/** Counted per address before the code is looked at, so guessing costs the same whether it hits or not. */
async function throttle(deps: Deps, address: string): Promise<void> {
  try {
    await countAttempt(deps.db.orm, await addressKey(deps.db, 'slip', address), slipRule, deps.clock.now());
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'too_many_requests') throw error;
    throw new AppError('too_many_requests', 'Too many slip look-ups from this address. Wait a while and try again.', undefined, error.retryAfterSeconds);
  }
}

async function findSlip(deps: Deps, code: string) {
  const [row] = await deps.db.orm
    .select({ referral: referrals, nameFi: services.nameFi, nameSv: services.nameSv, nameEn: services.nameEn })
    .from(referrals)
    .innerJoin(services, eq(services.id, referrals.serviceId))
    .where(eq(referrals.slipCodeHash, hashSlipCode(code)));
  if (!row) throw notFound('Slip');
  return row;
}

type SlipRow = Awaited<ReturnType<typeof findSlip>>;

/** Only the service and the day of the referral: the receiving service learns nothing about the person. */
function presentSlip({ referral, nameFi, nameSv, nameEn }: SlipRow, now: Date): SlipView {
  const status = referral.slipUsedAt !== null ? 'confirmed' : referral.slipExpiresAt !== null && referral.slipExpiresAt <= now ? 'expired' : 'open';
  return { serviceName: { fi: nameFi, sv: nameSv, en: nameEn }, referredOn: helsinkiDay(referral.createdAt), status };
}

export async function viewSlip(deps: Deps, ctx: PublicCtx, input: string): Promise<SlipView> {
  await throttle(deps, ctx.address);
  return presentSlip(await findSlip(deps, parseSlipCode(input)), deps.clock.now());
}

/**
 * The receiving service confirms that the person arrived: the referral is realised and closed. One
 * use only; the check and the change are one statement, so two scans at once cannot both succeed.
 */
export async function confirmSlip(deps: Deps, ctx: PublicCtx, input: string): Promise<SlipView> {
  await throttle(deps, ctx.address);
  const code = parseSlipCode(input);
  const now = deps.clock.now();
  const confirmed = await deps.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .update(referrals)
      .set({ status: 'realised', closedAt: now, slipUsedAt: now, updatedAt: now })
      .where(and(eq(referrals.slipCodeHash, hashSlipCode(code)), isNull(referrals.slipUsedAt), gt(referrals.slipExpiresAt, now)))
      .returning();
    if (!row) return null;
    await writeAudit(tx, { actor: null, at: now, requestId: ctx.requestId }, { action: 'referral.slip_confirmed', resourceType: 'referral', resourceId: row.id, siteId: row.siteId, regionId: row.regionId });
    return row;
  });
  const slip = await findSlip(deps, code);
  if (confirmed) return presentSlip(slip, now);
  if (slip.referral.slipUsedAt !== null) throw conflict('This slip has already been used.');
  throw new AppError('gone', 'This slip has expired.');
}
