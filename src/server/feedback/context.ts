import { eq } from 'drizzle-orm';
import type { FeedbackContext } from '../../domain/feedback.js';
import type { Executor } from '../db/connect.js';
import { sites } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { findGroupSession, type GroupSessionRow, type SeriesRow, type SiteRow } from '../groups/repo.js';
import { findSession, type SessionRow } from '../sessions/repo.js';

/** Where feedback is given, loaded: the site and the outreach or group session, if any. */
export type ResolvedContext = { site: SiteRow; outreachSession: SessionRow | null; groupSession: { session: GroupSessionRow; series: SeriesRow } | null };
export type ContextIds = { siteId: string; outreachSessionId: string | null; groupSessionId: string | null };

/** A context of the region: another region's site is "not found"; a session must be at the site. */
export async function resolveContext(ex: Executor, regionId: string, context: ContextIds): Promise<ResolvedContext> {
  const [site] = await ex.select().from(sites).where(eq(sites.id, context.siteId));
  if (!site || site.regionId !== regionId) throw notFound('Site');
  let outreachSession: SessionRow | null = null;
  if (context.outreachSessionId) {
    const found = await findSession(ex, context.outreachSessionId);
    if (!found || found.site.id !== site.id) throw new AppError('bad_request', 'The outreach session is not at this site.', { field: 'outreachSessionId' });
    outreachSession = found.session;
  }
  let groupSession: ResolvedContext['groupSession'] = null;
  if (context.groupSessionId) {
    const found = await findGroupSession(ex, context.groupSessionId);
    if (!found || found.site.id !== site.id) throw new AppError('bad_request', 'The group session is not at this site.', { field: 'groupSessionId' });
    groupSession = { session: found.session, series: found.series };
  }
  return { site, outreachSession, groupSession };
}

export const contextIdsOf = (context: FeedbackContext | ContextIds): ContextIds => ({
  siteId: context.siteId,
  outreachSessionId: context.outreachSessionId,
  groupSessionId: context.groupSessionId,
});

export function presentContext(resolved: ResolvedContext) {
  return {
    siteId: resolved.site.id,
    siteName: resolved.site.name,
    outreachSessionId: resolved.outreachSession?.id ?? null,
    groupSessionId: resolved.groupSession?.session.id ?? null,
    day: resolved.outreachSession?.day ?? resolved.groupSession?.session.day ?? null,
    groupName: resolved.groupSession?.series.name ?? null,
  };
}
