import { eq } from 'drizzle-orm';
import { sites } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import type { Actor } from '../policy/policy.js';
import { monthRange, rangeFrom, today, type DayRangeQuery } from './calendar.js';
import { loadSession } from './commands.js';
import { loadSite } from '../policy/site-access.js';
import { findSessionsOfUser, findSiteSessions, staff, type StaffedSession } from './repo.js';

/** The public page is found by the site's id (the first, long links) or by its short address. */
export type SiteAddress = { id: string } | { slug: string };

/** How far ahead the public page looks by default, and at most. */
export const ANNOUNCEMENT_DAYS = 60;
export const ANNOUNCEMENT_MAX_DAYS = 120;

/** A site's sessions in a range (default: this month), cancelled ones included and marked. */
export async function listSiteSessions(deps: Deps, actor: Actor, siteId: string, query: DayRangeQuery): Promise<StaffedSession[]> {
  await loadSite(deps, actor, siteId, 'session.list');
  const { from, to } = monthRange(deps, query);
  return staff(deps.db.orm, await findSiteSessions(deps.db.orm, siteId, from, to));
}

/** The professional's own calendar: sessions the caller is listed in, at any site of the region. */
export async function listMySessions(deps: Deps, actor: Actor, query: DayRangeQuery): Promise<StaffedSession[]> {
  const { from, to } = monthRange(deps, query);
  return staff(deps.db.orm, await findSessionsOfUser(deps.db.orm, actor.userId, actor.regionId, from, to));
}

export async function getSession(deps: Deps, actor: Actor, sessionId: string): Promise<StaffedSession> {
  const { session } = await loadSession(deps, actor, sessionId, 'session.list');
  const [staffed] = await staff(deps.db.orm, [session]);
  return staffed!;
}

/**
 * What the public page and poster show: announced, not cancelled sessions from `from` (default today,
 * Helsinki) for 60 days. The page is about what is coming, so days before today are never shown.
 */
export async function listAnnouncements(deps: Deps, address: SiteAddress, query: DayRangeQuery) {
  const [site] = await deps.db.orm.select().from(sites).where('slug' in address ? eq(sites.slug, address.slug) : eq(sites.id, address.id));
  if (!site || !site.isActive) throw notFound('Site');
  const siteId = site.id;
  const now = today(deps);
  const asked = rangeFrom(query.from ?? now, query.to, ANNOUNCEMENT_DAYS, ANNOUNCEMENT_MAX_DAYS);
  const from = asked.from > now ? asked.from : now;
  const rows = asked.to < from ? [] : await findSiteSessions(deps.db.orm, siteId, from, asked.to, true);
  return { site, sessions: await staff(deps.db.orm, rows) };
}
