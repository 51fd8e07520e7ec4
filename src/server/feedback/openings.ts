import { createHash, randomUUID } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { checkAnswers, type OpenedForm, type Submission } from '../../domain/feedback.js';
import { feedbackAnswers, feedbackKiosks, feedbackLinks, feedbackOpenings, feedbackResponses } from '../db/schema-groups.js';
import type { Executor } from '../db/connect.js';
import type { Deps } from '../deps.js';
import { AppError, conflict } from '../errors.js';
import { today } from '../sessions/calendar.js';
import { contextIdsOf, presentContext, resolveContext, type ContextIds } from './context.js';
import { currentVersion, findForm, findVersion, itemDefinition, loadVersion } from './forms-repo.js';
import { presentVersion } from './present.js';

/** Staff have paused the link or kiosk for a while; the visitor's page says that no feedback is collected now. */
export const pausedError = (what: 'feedback link' | 'kiosk' = 'feedback link') =>
  new AppError('conflict', `Staff have paused this ${what} for now. Thank you for your interest.`, { reason: 'paused' });

/** How long an opened form waits for its answers. */
export const OPENING_TTL_MS = 2 * 3_600_000;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type Source = { kind: 'kiosk'; id: string } | { kind: 'link'; id: string };

/**
 * Counts an opening against the source's daily quota (per Helsinki day, never per address). Reaching
 * the quota raises the staff alarm (`quota_alarm_on`) but refuses no one: a quota that locks the form
 * would let anyone shut real visitors out by opening it often enough. Floods from one address are
 * stopped before this by the per-address limits (flood.ts); staff pause or close a link that is
 * flooded from many.
 */
export async function countOpening(deps: Deps, source: Source, dailyQuota: number): Promise<void> {
  const day = today(deps);
  const table = source.kind === 'kiosk' ? feedbackKiosks : feedbackLinks;
  // One statement: parallel openings cannot all read the same count.
  const count = sql`case when ${table.openedOn} = ${day}::date then ${table.openings} + 1 else 1 end`;
  await deps.db.orm
    .update(table)
    .set({ openings: count, openedOn: day, quotaAlarmOn: sql`case when ${count} >= ${dailyQuota} then ${day}::date else ${table.quotaAlarmOn} end` })
    .where(eq(table.id, source.id));
}

/**
 * Opens the form's current version for one answer sheet: a one-time ticket that a single submission
 * spends. Expired tickets of any source are swept on the way.
 */
export async function openForm(deps: Deps, source: Source, formId: string, context: ContextIds): Promise<OpenedForm> {
  const form = await findForm(deps.db.orm, formId);
  if (!form?.isActive) throw new AppError('gone', 'This feedback form is no longer in use.');
  const loaded = await loadVersion(deps.db.orm, await currentVersion(deps.db.orm, form.id));
  const resolved = await resolveContext(deps.db.orm, form.regionId, context);
  const ticket = deps.ids.newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + OPENING_TTL_MS);
  await deps.db.orm.transaction(async (tx) => {
    await tx.delete(feedbackOpenings).where(lt(feedbackOpenings.expiresAt, now));
    await tx.insert(feedbackOpenings).values({
      tokenHash: hashToken(ticket),
      kioskId: source.kind === 'kiosk' ? source.id : null,
      linkId: source.kind === 'link' ? source.id : null,
      formVersionId: loaded.version.id,
      expiresAt,
    });
  });
  return { ticket, ticketExpiresAt: expiresAt.toISOString(), context: presentContext(resolved), form: presentVersion(loaded) };
}

/** The kiosk or link an opening came from, if it still takes answers; its context and region. */
async function sourceOf(ex: Executor, opening: typeof feedbackOpenings.$inferSelect, now: Date, day: string) {
  if (opening.kioskId) {
    const [kiosk] = await ex.select().from(feedbackKiosks).where(eq(feedbackKiosks.id, opening.kioskId));
    // As with links: a sheet opened before the pause is refused, so a flood's unspent tickets stay out.
    if (kiosk?.pausedAt) throw pausedError('kiosk');
    const isOpen = kiosk && kiosk.closedAt === null && kiosk.expiresAt > now;
    return isOpen ? { channel: 'kiosk' as const, regionId: kiosk.regionId, context: contextIdsOf(kiosk) } : null;
  }
  const [link] = await ex.select().from(feedbackLinks).where(eq(feedbackLinks.id, opening.linkId!));
  // Answers opened before a pause are refused too: a flood's unspent tickets must not reach the results.
  if (link?.pausedAt) throw pausedError();
  const isOpen = link && link.closedAt === null && link.validUntil >= day;
  return isOpen ? { channel: 'link' as const, regionId: link.regionId, context: contextIdsOf(link) } : null;
}

/**
 * Stores one anonymous answer sheet and spends its ticket, in one transaction: a second submission with
 * the same ticket finds nothing. The row keeps the day only — no time, address, agent, device or user —
 * and no audit row is written, because an audit row's time would give back what the sheet leaves out.
 */
export async function submitAnswers(deps: Deps, submission: Submission): Promise<void> {
  const now = deps.clock.now();
  const day = today(deps);
  await deps.db.orm.transaction(async (tx) => {
    const [opening] = await tx.delete(feedbackOpenings).where(and(eq(feedbackOpenings.tokenHash, hashToken(submission.ticket)), gt(feedbackOpenings.expiresAt, now))).returning();
    if (!opening) throw conflict('These answers have already been sent, or the form was open too long. Open the form again.');
    const source = await sourceOf(tx, opening, now, day);
    if (!source) throw new AppError('gone', 'This kiosk or link no longer takes answers.');
    // Shares the version row with other answers, but waits for an edit of the same version to finish.
    const version = await findVersion(tx, opening.formVersionId, 'share');
    const { items } = await loadVersion(tx, version!);
    const check = checkAnswers(items.map(itemDefinition), submission.answers);
    if (!check.ok) throw new AppError('bad_request', `The answers do not fit the form: ${check.problem}.`, { field: 'answers', itemId: check.itemId });
    const responseId = randomUUID();
    await tx.insert(feedbackResponses).values({ id: responseId, regionId: source.regionId, ...source.context, formVersionId: opening.formVersionId, channel: source.channel, locale: submission.locale, submittedOn: day });
    await tx.insert(feedbackAnswers).values(check.answers.map((a) => ({ responseId, ...a })));
  });
}
