import { desc, eq } from 'drizzle-orm';
import type { LinkInput, LinkView, OpenedForm } from '../../domain/feedback.js';
import { addDays, daysBetween } from '../../domain/calendar.js';
import { feedbackLinks } from '../db/schema-groups.js';
import type { Deps } from '../deps.js';
import { AppError, conflict, notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { authorize, type Actor } from '../policy/policy.js';
import { loadSite } from '../policy/site-access.js';
import { today } from '../sessions/calendar.js';
import { contextIdsOf, presentContext, resolveContext } from './context.js';
import { loadForm } from './forms.js';
import type { Ctx } from '../http/context.js';
import { countFlood, linkFloodRules } from './flood.js';
import { countOpening, openForm, pausedError } from './openings.js';

type LinkRow = typeof feedbackLinks.$inferSelect;
export const LINK_DEFAULT_DAYS = 30;
export const LINK_MAX_DAYS = 366;
/** A poster in a busy day centre: many phones, but not hundreds of sheets in a day. Reaching it alarms staff. */
export const LINK_DAILY_OPENINGS = 300;

async function linkView(deps: Deps, link: LinkRow): Promise<LinkView> {
  const resolved = await resolveContext(deps.db.orm, link.regionId, contextIdsOf(link));
  return {
    id: link.id,
    formId: link.formId,
    context: presentContext(resolved),
    token: link.token,
    path: `/f/${link.token}`,
    validUntil: link.validUntil,
    closedAt: link.closedAt?.toISOString() ?? null,
    isOpen: link.closedAt === null && link.validUntil >= today(deps),
    pausedAt: link.pausedAt?.toISOString() ?? null,
    quotaAlarmOn: link.quotaAlarmOn,
    createdAt: link.createdAt.toISOString(),
  };
}

/** A QR code / short link for visitors' own phones, tied to a site and optionally a session. */
export async function createLink(deps: Deps, ctx: Ctx, input: LinkInput): Promise<LinkView> {
  const form = await loadForm(deps, ctx.actor, input.formId);
  if (!form.isActive) throw conflict('This form has been retired; choose another.');
  const resolved = await resolveContext(deps.db.orm, ctx.actor.regionId, contextIdsOf(input.context));
  authorize(ctx.actor, 'feedback.collect', { regionId: resolved.site.regionId, siteId: resolved.site.id });
  const now = today(deps);
  const validUntil = input.validUntil ?? addDays(now, LINK_DEFAULT_DAYS - 1);
  if (validUntil < now) throw new AppError('bad_request', 'The link would already be out of date.', { field: 'validUntil' });
  if (daysBetween(now, validUntil) >= LINK_MAX_DAYS) throw new AppError('bad_request', `A link may be valid for at most ${LINK_MAX_DAYS} days.`, { field: 'validUntil' });
  const at = deps.clock.now();
  const link = await deps.db.orm.transaction(async (tx) => {
    const [row] = await tx
      .insert(feedbackLinks)
      .values({
        id: deps.ids.newId(), regionId: resolved.site.regionId, siteId: resolved.site.id, formId: form.id,
        outreachSessionId: resolved.outreachSession?.id ?? null, groupSessionId: resolved.groupSession?.session.id ?? null,
        token: deps.ids.newToken(), createdBy: ctx.actor.userId, createdAt: at, validUntil, openedOn: null, openings: 0,
      })
      .returning();
    await writeAudit(tx, { ...ctx, at }, { action: 'feedback.link_created', resourceType: 'feedback_link', resourceId: row!.id, siteId: resolved.site.id, regionId: resolved.site.regionId, details: { formId: form.id, validUntil } });
    return row!;
  });
  return linkView(deps, link);
}

export async function listLinks(deps: Deps, actor: Actor, siteId: string): Promise<LinkView[]> {
  const site = await loadSite(deps, actor, siteId, 'feedback.collect');
  const rows = await deps.db.orm.select().from(feedbackLinks).where(eq(feedbackLinks.siteId, site.id)).orderBy(desc(feedbackLinks.createdAt)).limit(200);
  return Promise.all(rows.map((row) => linkView(deps, row)));
}

async function loadLinkFor(deps: Deps, actor: Actor, linkId: string): Promise<LinkRow> {
  const [link] = await deps.db.orm.select().from(feedbackLinks).where(eq(feedbackLinks.id, linkId));
  if (!link || link.regionId !== actor.regionId) throw notFound('Link');
  authorize(actor, 'feedback.collect', { regionId: link.regionId, siteId: link.siteId });
  return link;
}

type LinkChange = { action: 'feedback.link_closed' | 'feedback.link_paused' | 'feedback.link_resumed'; set: Partial<Pick<LinkRow, 'closedAt' | 'pausedAt'>> };

/** Closing, pausing and resuming: one update and its audit row in one transaction. */
async function changeLink(deps: Deps, ctx: Ctx, linkId: string, change: (link: LinkRow, now: Date) => LinkChange): Promise<LinkView> {
  const link = await loadLinkFor(deps, ctx.actor, linkId);
  const now = deps.clock.now();
  const { action, set } = change(link, now);
  const changed = await deps.db.orm.transaction(async (tx) => {
    const [row] = await tx.update(feedbackLinks).set(set).where(eq(feedbackLinks.id, link.id)).returning();
    await writeAudit(tx, { ...ctx, at: now }, { action, resourceType: 'feedback_link', resourceId: link.id, siteId: link.siteId, regionId: link.regionId });
    return row!;
  });
  return linkView(deps, changed);
}

export const closeLink = (deps: Deps, ctx: Ctx, linkId: string) =>
  changeLink(deps, ctx, linkId, (link, now) => ({ action: 'feedback.link_closed', set: { closedAt: link.closedAt ?? now } }));

/** Staff stop a flooded link for a while without printing a new poster; visitors see "not collecting now". */
export const pauseLink = (deps: Deps, ctx: Ctx, linkId: string) =>
  changeLink(deps, ctx, linkId, (link, now) => ({ action: 'feedback.link_paused', set: { pausedAt: link.pausedAt ?? now } }));

export const resumeLink = (deps: Deps, ctx: Ctx, linkId: string) =>
  changeLink(deps, ctx, linkId, () => ({ action: 'feedback.link_resumed', set: { pausedAt: null } }));

/**
 * A visitor opens the link on their phone: each opening allows one submission. Openings are limited
 * per address (flood.ts) before they count against the link's daily quota.
 */
export async function openLink(deps: Deps, token: string, address: string): Promise<OpenedForm> {
  const [link] = await deps.db.orm.select().from(feedbackLinks).where(eq(feedbackLinks.token, token));
  if (!link) throw notFound('Link');
  // The reason lets the visitor's page say whether the time ran out or staff closed the link.
  if (link.closedAt !== null) throw new AppError('gone', 'This feedback link has been closed.', { reason: 'closed' });
  if (link.validUntil < today(deps)) throw new AppError('gone', 'This feedback link is out of date.', { reason: 'expired' });
  if (link.pausedAt !== null) throw pausedError();
  await countFlood(deps, { kind: 'link', id: link.id }, address, linkFloodRules);
  await countOpening(deps, { kind: 'link', id: link.id }, LINK_DAILY_OPENINGS);
  return openForm(deps, { kind: 'link', id: link.id }, link.formId, contextIdsOf(link));
}
