import type { SiteView } from '../../domain/api-types';
import type { Abilities } from '../../domain/policy';
import { may, siteIdsFor } from '../auth/abilities';

/** May the user create and edit series and sessions at the site (the server's `group.manage`)? */
export const canManageAt = (abilities: Abilities, siteId: string): boolean => may(abilities, 'group.manage', siteId);

/**
 * May the user record (and read) a session's attendance at the site (`group_attendance.record`)? The
 * roster of visitor codes is person-level: only the people who run the groups keep it.
 */
export const canRecordAt = (abilities: Abilities, siteId: string): boolean => may(abilities, 'group_attendance.record', siteId);

/** The active sites where the user runs or oversees groups, in the site list's order. */
export function groupSites(abilities: Abilities, sites: SiteView[] | undefined): SiteView[] {
  const ids = new Set(siteIdsFor(abilities, 'group.manage', sites));
  return (sites ?? []).filter((s) => s.isActive && ids.has(s.id));
}
