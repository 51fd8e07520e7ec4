import type { Profession, RoleAssignment } from '../org.js';

/**
 * A member of staff: a user row and its role assignments, whatever the sign-in method (password or
 * the organisation's OpenID Connect). `kind` may be left out: staff is the default principal.
 */
export type Actor = {
  kind?: 'staff';
  userId: string;
  regionId: string;
  displayName: string;
  profession: Profession | null;
  roles: RoleAssignment[];
  /** The organisational unit the user belongs to, if any (a tray service is edited by its owning unit). */
  unitId?: string | null;
};

/** A client of the social-welfare register acting for themself (invitation code, then passkey or PIN). */
export type ClientPrincipal = { kind: 'client'; clientId: string; regionId: string; displayName: string };

/** Someone outside the organisation (third-sector worker, relative) who sees what a client's grant gives. */
export type ExternalPrincipal = { kind: 'external'; memberId: string; regionId: string; displayName: string };

export type Principal = Actor | ClientPrincipal | ExternalPrincipal;

export function isStaff(principal: Principal): principal is Actor {
  return principal.kind === undefined || principal.kind === 'staff';
}
