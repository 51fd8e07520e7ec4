import { and, desc, eq, gt } from 'drizzle-orm';
import type { KioskUnlock, OpenedForm } from '../../domain/feedback.js';
import { feedbackKiosks } from '../db/schema-groups.js';
import type { Deps } from '../deps.js';
import { AppError, conflict, notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { clearAttempts, countAttempt, type ThrottleRule } from '../auth/throttle.js';
import { deleteSession } from '../auth/sessions.js';
import { authorize, type Actor } from '../policy/policy.js';
import { loadSite } from '../policy/site-access.js';
import { contextIdsOf, presentContext, resolveContext } from './context.js';
import { loadForm } from './forms.js';
import type { Ctx } from '../http/context.js';
import { countFlood, kioskFloodRules } from './flood.js';
import { countOpening, hashToken, openForm, pausedError } from './openings.js';

type KioskRow = typeof feedbackKiosks.$inferSelect;
/** One visitor at a time, 45–70 visitors a day: far more than people answer. Reaching it alarms staff. */
export const KIOSK_DAILY_OPENINGS = 300;
/** A 4-digit PIN has 10 000 values; 5 tries per 15 minutes makes guessing take weeks. */
export const kioskPinRule: ThrottleRule = { limit: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

const isOpen = (kiosk: KioskRow, now: Date) => kiosk.closedAt === null && kiosk.expiresAt > now;

async function kioskView(deps: Deps, kiosk: KioskRow) {
  const resolved = await resolveContext(deps.db.orm, kiosk.regionId, contextIdsOf(kiosk));
  return {
    id: kiosk.id,
    formId: kiosk.formId,
    context: presentContext(resolved),
    unlockedAt: kiosk.unlockedAt.toISOString(),
    expiresAt: kiosk.expiresAt.toISOString(),
    closedAt: kiosk.closedAt?.toISOString() ?? null,
    isOpen: isOpen(kiosk, deps.clock.now()),
    quotaAlarmOn: kiosk.quotaAlarmOn,
    pausedAt: kiosk.pausedAt?.toISOString() ?? null,
  };
}

/**
 * A staff member puts a tablet in kiosk mode for one form and context. The staff member's session in
 * this browser ends in the same transaction: the tablet then holds only the kiosk token, so a visitor
 * cannot reach staff pages, and leaving kiosk mode needs the PIN (kept only as an argon2id hash).
 */
export async function unlockKiosk(deps: Deps, ctx: Ctx & { sessionTokenHash: string | null }, input: KioskUnlock) {
  const form = await loadForm(deps, ctx.actor, input.formId);
  if (!form.isActive) throw conflict('This form has been retired; choose another.');
  const resolved = await resolveContext(deps.db.orm, ctx.actor.regionId, contextIdsOf(input.context));
  authorize(ctx.actor, 'feedback.collect', { regionId: resolved.site.regionId, siteId: resolved.site.id });
  const pinHash = await deps.passwords.hash(input.pin);
  const token = deps.ids.newToken();
  const now = deps.clock.now();
  const kiosk = await deps.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .insert(feedbackKiosks)
      .values({
        id: deps.ids.newId(), regionId: resolved.site.regionId, siteId: resolved.site.id, formId: form.id,
        outreachSessionId: resolved.outreachSession?.id ?? null, groupSessionId: resolved.groupSession?.session.id ?? null,
        tokenHash: hashToken(token), pinHash, unlockedBy: ctx.actor.userId, unlockedAt: now, expiresAt: new Date(now.getTime() + input.hours * 3_600_000), openedOn: null, openings: 0,
      })
      .returning();
    if (ctx.sessionTokenHash) await deleteSession(tx, ctx.sessionTokenHash);
    await writeAudit(tx, { ...ctx, at: now }, { action: 'feedback.kiosk_unlocked', resourceType: 'feedback_kiosk', resourceId: row!.id, siteId: resolved.site.id, regionId: resolved.site.regionId, details: { formId: form.id, hours: input.hours, endedStaffSession: ctx.sessionTokenHash !== null } });
    return row!;
  });
  return { kioskToken: token, kiosk: await kioskView(deps, kiosk) };
}

async function findKiosk(deps: Deps, token: string): Promise<KioskRow> {
  const [kiosk] = await deps.db.orm.select().from(feedbackKiosks).where(eq(feedbackKiosks.tokenHash, hashToken(token)));
  if (!kiosk) throw notFound('Kiosk');
  return kiosk;
}

/** After each reset the kiosk opens a fresh answer sheet: one submission per reset. */
export async function openKiosk(deps: Deps, token: string, address: string): Promise<OpenedForm> {
  const kiosk = await findKiosk(deps, token);
  if (!isOpen(kiosk, deps.clock.now())) {
    const reason = kiosk.closedAt === null ? 'expired' : 'closed';
    throw new AppError('gone', 'Kiosk mode has ended on this device. A staff member can start it again.', { reason });
  }
  if (kiosk.pausedAt !== null) throw pausedError('kiosk');
  await countFlood(deps, { kind: 'kiosk', id: kiosk.id }, address, kioskFloodRules);
  await countOpening(deps, { kind: 'kiosk', id: kiosk.id }, KIOSK_DAILY_OPENINGS);
  return openForm(deps, { kind: 'kiosk', id: kiosk.id }, kiosk.formId, contextIdsOf(kiosk));
}

/** Leaving kiosk mode on the tablet: only with the PIN. Tries are counted before the PIN is checked. */
export async function leaveKiosk(deps: Deps, requestId: string | null, token: string, pin: string): Promise<void> {
  const kiosk = await findKiosk(deps, token);
  const now = deps.clock.now();
  if (kiosk.closedAt !== null) return;
  const key = `kiosk-pin:${kiosk.id}`;
  await countAttempt(deps.db.orm, key, kioskPinRule, now).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'too_many_requests') throw new AppError('too_many_requests', 'Too many wrong PINs. Wait a while and try again.', undefined, error.retryAfterSeconds);
    throw error;
  });
  if (!(await deps.passwords.verify(kiosk.pinHash, pin))) throw new AppError('invalid_credentials', 'The PIN is not right.');
  await deps.db.orm.transaction(async (tx) => {
    await tx.update(feedbackKiosks).set({ closedAt: now }).where(eq(feedbackKiosks.id, kiosk.id));
    await clearAttempts(tx, key);
    await writeAudit(tx, { actor: null, at: now, requestId }, { action: 'feedback.kiosk_left', resourceType: 'feedback_kiosk', resourceId: kiosk.id, siteId: kiosk.siteId, regionId: kiosk.regionId });
  });
}

type KioskChange = { action: 'feedback.kiosk_closed' | 'feedback.kiosk_paused' | 'feedback.kiosk_resumed'; set: Partial<Pick<KioskRow, 'closedAt' | 'pausedAt'>> };

/** Closing, pausing and resuming from a staff member's own device: one update and its audit row in one transaction. */
async function changeKiosk(deps: Deps, ctx: Ctx, kioskId: string, change: (kiosk: KioskRow, now: Date) => KioskChange) {
  const [kiosk] = await deps.db.orm.select().from(feedbackKiosks).where(eq(feedbackKiosks.id, kioskId));
  if (!kiosk || kiosk.regionId !== ctx.actor.regionId) throw notFound('Kiosk');
  authorize(ctx.actor, 'feedback.collect', { regionId: kiosk.regionId, siteId: kiosk.siteId });
  const now = deps.clock.now();
  const { action, set } = change(kiosk, now);
  const changed = await deps.db.orm.transaction(async (tx) => {
    const [row] = await tx.update(feedbackKiosks).set(set).where(eq(feedbackKiosks.id, kiosk.id)).returning();
    await writeAudit(tx, { ...ctx, at: now }, { action, resourceType: 'feedback_kiosk', resourceId: kiosk.id, siteId: kiosk.siteId, regionId: kiosk.regionId });
    return row!;
  });
  return kioskView(deps, changed);
}

/** Staff can end a kiosk from their own device too (a forgotten PIN, a tablet left on). */
export const closeKiosk = (deps: Deps, ctx: Ctx, kioskId: string) =>
  changeKiosk(deps, ctx, kioskId, (kiosk, now) => ({ action: 'feedback.kiosk_closed', set: { closedAt: kiosk.closedAt ?? now } }));

/**
 * Staff stop a flooded kiosk for a while from their own device, as they pause a link: the tablet stays
 * in kiosk mode and shows "not collecting now" until they resume it.
 */
export const pauseKiosk = (deps: Deps, ctx: Ctx, kioskId: string) =>
  changeKiosk(deps, ctx, kioskId, (kiosk, now) => ({ action: 'feedback.kiosk_paused', set: { pausedAt: kiosk.pausedAt ?? now } }));

export const resumeKiosk = (deps: Deps, ctx: Ctx, kioskId: string) =>
  changeKiosk(deps, ctx, kioskId, () => ({ action: 'feedback.kiosk_resumed', set: { pausedAt: null } }));

/** The site's kiosks that are still open. */
export async function listOpenKiosks(deps: Deps, actor: Actor, siteId: string) {
  const site = await loadSite(deps, actor, siteId, 'feedback.collect');
  const now = deps.clock.now();
  const rows = await deps.db.orm.select().from(feedbackKiosks).where(and(eq(feedbackKiosks.siteId, site.id), gt(feedbackKiosks.expiresAt, now))).orderBy(desc(feedbackKiosks.unlockedAt));
  return Promise.all(rows.filter((k) => k.closedAt === null).map((k) => kioskView(deps, k)));
}
