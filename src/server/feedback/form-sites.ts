import { eq } from 'drizzle-orm';
import type { Executor } from '../db/connect.js';
import { feedbackFormVersions, feedbackKiosks, feedbackLinks, feedbackResponses } from '../db/schema-groups.js';

/**
 * The sites where a visitor form was in use: a kiosk or a link for it there, or a response to any of
 * its versions typed in there. A response rate divides by the meetings at these sites only (the results
 * page and the report alike): the meetings of sites that never offered the form would only make its
 * rate look lower. Sorted, so callers can compare sets.
 */
export async function formSiteIds(ex: Executor, formId: string): Promise<string[]> {
  const used = await ex
    .select({ siteId: feedbackKiosks.siteId }).from(feedbackKiosks).where(eq(feedbackKiosks.formId, formId))
    .union(ex.select({ siteId: feedbackLinks.siteId }).from(feedbackLinks).where(eq(feedbackLinks.formId, formId)))
    .union(
      ex.select({ siteId: feedbackResponses.siteId }).from(feedbackResponses)
        .innerJoin(feedbackFormVersions, eq(feedbackFormVersions.id, feedbackResponses.formVersionId))
        .where(eq(feedbackFormVersions.formId, formId)),
    );
  return [...new Set(used.map((r) => r.siteId))].sort();
}
