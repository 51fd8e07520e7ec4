import type { RoleAssignment } from '../../domain/org';

// Mirrors the server's `session.manage` rule (policy.ts); the server still decides on every request.
const managingRoles = new Set(['coordinator', 'professional', 'daycentre_staff']);

/** May the user plan and edit sessions at the site? */
export function canManageAt(roles: RoleAssignment[], siteId: string): boolean {
  return roles.some((r) => managingRoles.has(r.role) && (r.siteId === null || r.siteId === siteId));
}

/** May the user plan sessions anywhere (the plan link is worth showing)? */
export const canManageSomewhere = (roles: RoleAssignment[]): boolean => roles.some((r) => managingRoles.has(r.role));
