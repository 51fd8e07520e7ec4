import type { Me, SiteView } from '../../domain/api-types';
import type { Role } from '../../domain/org';

const readerRoles: readonly Role[] = ['daycentre_staff', 'coordinator', 'professional'];

/**
 * The sites whose day log the user may read (the server's `daylog.read`): their own sites, or with
 * a region-wide role every site of the region, day centres first since only they keep a log.
 */
export function daylogSiteIds(me: Me, sites: readonly SiteView[] | undefined): string[] {
  const roles = me.roles.filter((r) => readerRoles.includes(r.role));
  if (roles.some((r) => r.siteId === null)) {
    const active = (sites ?? []).filter((s) => s.isActive);
    const dayCentres = active.filter((s) => s.kind === 'day_centre');
    return [...dayCentres, ...active.filter((s) => s.kind !== 'day_centre')].map((s) => s.id);
  }
  return [...new Set(roles.map((r) => r.siteId as string))];
}
