// The claim-to-role mapping of OpenID Connect sign-in (SILTA_OIDC_ROLE_CLAIM, SILTA_OIDC_ROLE_MAP):
// parsing and checking the setting, and reading an ID token's groups. Pure: config.ts uses it at start,
// oidc-roles.ts at each sign-in. The choice it implements is documented in docs/OPERATIONS.md.
import { roles, type Role } from '../../domain/org.js';

/** One role a group gives: at a site (its id or its name in the user's region), or region-wide (null). */
export type OidcRoleGrant = { role: Role; site: string | null };

export type OidcRoleMapping = {
  /** The ID token claim holding the user's group (or app role) names, e.g. `groups` or `roles`. */
  claim: string;
  /** Group name → the roles it gives. A group not named here gives nothing. */
  groups: Record<string, OidcRoleGrant[]>;
};

export class RoleMapError extends Error {}

const MAX_GROUPS = 500;
const MAX_GRANTS_PER_GROUP = 50;

function grantOf(group: string, raw: unknown): OidcRoleGrant {
  const where = `group "${group}"`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RoleMapError(`${where} must give an object like {"role": "coordinator", "site": "…"} or a list of them.`);
  const entry = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(entry).filter((key) => !['role', 'site', 'regionWide'].includes(key));
  if (unknownKeys.length > 0) throw new RoleMapError(`${where} has unknown key(s) ${unknownKeys.map((k) => `"${k}"`).join(', ')}: use "role" with "site" or "regionWide".`);
  if (typeof entry.role !== 'string' || !(roles as readonly string[]).includes(entry.role)) {
    throw new RoleMapError(`${where}: "role" must be one of ${roles.join(', ')}, got ${JSON.stringify(entry.role ?? null)}.`);
  }
  const role = entry.role as Role;
  const hasSite = entry.site !== undefined;
  const isRegionWide = entry.regionWide === true;
  if (entry.regionWide !== undefined && typeof entry.regionWide !== 'boolean') throw new RoleMapError(`${where}: "regionWide" must be true or false.`);
  // Explicit either way: a forgotten site must not quietly become a right over the whole region.
  if (hasSite === isRegionWide) throw new RoleMapError(`${where}: the ${role} role needs either "site" (a site's id or name) or "regionWide": true, not both or neither.`);
  if (hasSite && (typeof entry.site !== 'string' || entry.site.trim() === '')) throw new RoleMapError(`${where}: "site" must be a site's id or name.`);
  return { role, site: hasSite ? (entry.site as string).trim() : null };
}

/** Parses SILTA_OIDC_ROLE_MAP; throws RoleMapError with a message that says what to fix. */
export function parseRoleMap(claim: string, json: string): OidcRoleMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new RoleMapError(`is not JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RoleMapError('must be a JSON object from group names to roles.');
  const entries = Object.entries(raw as Record<string, unknown>);
  // An empty map would take every linked user's roles at their next sign-in: surely not meant.
  if (entries.length === 0) throw new RoleMapError('names no group; leave SILTA_OIDC_ROLE_CLAIM and SILTA_OIDC_ROLE_MAP unset to keep roles as administrators set them.');
  if (entries.length > MAX_GROUPS) throw new RoleMapError(`names ${entries.length} groups; at most ${MAX_GROUPS}.`);
  const groups: Record<string, OidcRoleGrant[]> = {};
  for (const [group, value] of entries) {
    if (group.trim() === '') throw new RoleMapError('has an empty group name.');
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0) throw new RoleMapError(`group "${group}" gives no role: remove it, or give it one.`);
    if (list.length > MAX_GRANTS_PER_GROUP) throw new RoleMapError(`group "${group}" gives ${list.length} roles; at most ${MAX_GRANTS_PER_GROUP}.`);
    groups[group] = list.map((item) => grantOf(group, item));
  }
  return { claim, groups };
}

/**
 * The group names in an ID token's claim: a list of strings, or one string. A claim name with dots that
 * is not itself a claim is followed as a path (Keycloak's `realm_access.roles`).
 */
export function groupsOf(claims: Record<string, unknown>, claim: string): string[] | null {
  let value: unknown = claims[claim];
  if (value === undefined && claim.includes('.')) {
    value = claim.split('.').reduce<unknown>((at, key) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined), claims);
  }
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return null;
}

/** The grants a user's groups give under the mapping; unknown groups give none. */
export function grantsFor(mapping: OidcRoleMapping, groups: readonly string[]): OidcRoleGrant[] {
  return [...new Set(groups)].flatMap((group) => (Object.hasOwn(mapping.groups, group) ? mapping.groups[group]! : []));
}
