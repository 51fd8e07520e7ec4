import { eq } from 'drizzle-orm';
import type { Register } from '../../domain/code-lists.js';
import { registerOf } from '../../domain/org.js';
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

/** A professional of the site (or region-wide) may see the follow-up memo of its referrals. */
export function isSiteProfessional(actor: Actor, siteId: string): boolean {
  return actor.roles.some((a) => a.role === 'professional' && (a.siteId === null || a.siteId === siteId));
}

/** Health and social-welfare data are separate registers: a reader sees only their own (none without a profession). */
export function readerRegister(actor: Actor): Register | null {
  return actor.profession === null ? null : registerOf(actor.profession);
}
