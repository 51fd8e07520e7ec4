import type { Me, SiteView } from '../../domain/api-types';
import type { Role, RoleAssignment } from '../../domain/org';
import { siteIdsWith } from '../visitors/sites';

// Mirrors the server's policy (group.manage, group_attendance.*); the server still decides on every request.
const managingRoles: readonly Role[] = ['coordinator', 'professional', 'daycentre_staff'];
// The roster of visitor codes is person-level: only the people who run the groups keep it.
const rosterRoles: readonly Role[] = ['professional', 'daycentre_staff'];

const holdsAt = (roles: RoleAssignment[], wanted: readonly Role[], siteId: string): boolean =>
  roles.some((r) => wanted.includes(r.role) && (r.siteId === null || r.siteId === siteId));

/** May the user create and edit series and sessions at the site? */
export const canManageAt = (roles: RoleAssignment[], siteId: string): boolean => holdsAt(roles, managingRoles, siteId);

/** May the user record (and read) a session's attendance at the site? */
export const canRecordAt = (roles: RoleAssignment[], siteId: string): boolean => holdsAt(roles, rosterRoles, siteId);

/** The active sites where the user runs or oversees groups, in the site list's order. */
export function groupSites(me: Me, sites: SiteView[] | undefined): SiteView[] {
  const ids = new Set(siteIdsWith(me, managingRoles, sites));
  return (sites ?? []).filter((s) => s.isActive && ids.has(s.id));
}
