import { and, eq, gte, isNull } from 'drizzle-orm';
import type { QuotaAlarm } from '../../domain/feedback.js';
import { addDays } from '../../domain/calendar.js';
import { feedbackForms, feedbackKiosks, feedbackLinks } from '../db/schema-groups.js';
import type { Deps } from '../deps.js';
import { can, type Actor } from '../policy/policy.js';
import { today } from '../sessions/calendar.js';
import { contextIdsOf, presentContext, resolveContext, type ContextIds } from './context.js';

/** An alarm stays on the staff pages for a week, or until the link or kiosk is closed or ends. */
export const ALARM_DAYS = 7;

type Candidate = { kind: 'link' | 'kiosk'; id: string; regionId: string; siteId: string; formId: string; ownerId: string; formOwnerId: string | null; reachedOn: string; pausedAt: Date | null; context: ContextIds };

/**
 * Who sees an alarm: the staff member who made the link or started the kiosk, whoever made the form,
 * and the site's coordinators — each only while they may still collect feedback at the site, so that
 * they can pause or close what the alarm is about.
 */
function isShownTo(actor: Actor, c: Candidate): boolean {
  const site = { regionId: c.regionId, siteId: c.siteId };
  if (!can(actor, 'feedback.collect', site)) return false;
  return c.ownerId === actor.userId || c.formOwnerId === actor.userId || can(actor, 'feedback.all_alarms', site);
}

async function candidates(deps: Deps, actor: Actor): Promise<Candidate[]> {
  const day = today(deps);
  const since = addDays(day, -(ALARM_DAYS - 1));
  const links = await deps.db.orm
    .select({ link: feedbackLinks, formOwnerId: feedbackForms.createdBy })
    .from(feedbackLinks)
    .innerJoin(feedbackForms, eq(feedbackForms.id, feedbackLinks.formId))
    .where(and(eq(feedbackLinks.regionId, actor.regionId), gte(feedbackLinks.quotaAlarmOn, since), isNull(feedbackLinks.closedAt), gte(feedbackLinks.validUntil, day)));
  const kiosks = await deps.db.orm
    .select({ kiosk: feedbackKiosks, formOwnerId: feedbackForms.createdBy })
    .from(feedbackKiosks)
    .innerJoin(feedbackForms, eq(feedbackForms.id, feedbackKiosks.formId))
    .where(and(eq(feedbackKiosks.regionId, actor.regionId), gte(feedbackKiosks.quotaAlarmOn, since), isNull(feedbackKiosks.closedAt), gte(feedbackKiosks.expiresAt, deps.clock.now())));
  return [
    ...links.map(({ link, formOwnerId }) => ({ kind: 'link' as const, ...link, ownerId: link.createdBy, formOwnerId, reachedOn: link.quotaAlarmOn!, context: contextIdsOf(link) })),
    ...kiosks.map(({ kiosk, formOwnerId }) => ({ kind: 'kiosk' as const, ...kiosk, ownerId: kiosk.unlockedBy, formOwnerId, reachedOn: kiosk.quotaAlarmOn!, context: contextIdsOf(kiosk) })),
  ];
}

/** Links and kiosks that reached their daily quota of openings in the last week, newest first. */
export async function listQuotaAlarms(deps: Deps, actor: Actor): Promise<QuotaAlarm[]> {
  const shown = (await candidates(deps, actor)).filter((c) => isShownTo(actor, c));
  shown.sort((a, b) => b.reachedOn.localeCompare(a.reachedOn) || a.id.localeCompare(b.id));
  return Promise.all(
    shown.map(async (c) => ({
      kind: c.kind,
      id: c.id,
      formId: c.formId,
      context: presentContext(await resolveContext(deps.db.orm, c.regionId, c.context)),
      reachedOn: c.reachedOn,
      pausedAt: c.pausedAt?.toISOString() ?? null,
    })),
  );
}
