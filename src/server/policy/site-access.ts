import { eq } from 'drizzle-orm';
import type { Executor } from '../db/connect.js';
import { sites } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { authorize, type Action, type Actor } from './policy.js';

export type Site = typeof sites.$inferSelect;

/**
 * Loads a site for an action. Another region's site is "not found" rather than "forbidden", so ids
 * cannot be probed across regions; a site of one's own region without the right role is 403.
 */
export async function loadSiteFor(ex: Executor, actor: Actor, siteId: string, action: Action): Promise<Site> {
  const [row] = await ex.select().from(sites).where(eq(sites.id, siteId));
  if (!row || row.regionId !== actor.regionId) throw notFound('Site');
  authorize(actor, action, { regionId: row.regionId, siteId: row.id });
  return row;
}

/** `loadSiteFor` outside a transaction. */
export const loadSite = (deps: Deps, actor: Actor, siteId: string, action: Action): Promise<Site> => loadSiteFor(deps.db.orm, actor, siteId, action);
