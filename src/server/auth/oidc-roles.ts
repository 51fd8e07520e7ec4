import { eq } from 'drizzle-orm';
import type { RoleAssignment } from '../../domain/org.js';
import { roleAssignments, sites } from '../db/schema.js';
import type { Tx } from '../db/connect.js';
import type { Deps } from '../deps.js';
import { writeAudit } from '../audit/write-audit.js';
import { replaceRoles } from '../users/repo.js';
import { deleteUserSessions } from './sessions.js';
import { grantsFor, groupsOf, type OidcRoleGrant, type OidcRoleMapping } from './oidc-role-map.js';

type SiteRow = { id: string; name: string };

/** A grant's site in the user's region: by id, else by a name no other site of the region has. */
function resolveSite(grant: OidcRoleGrant, regionSites: readonly SiteRow[]): string | null | undefined {
  if (grant.site === null) return null;
  const byId = regionSites.find((site) => site.id === grant.site);
  if (byId) return byId.id;
  const wanted = grant.site.toLocaleLowerCase('fi');
  const byName = regionSites.filter((site) => site.name.trim().toLocaleLowerCase('fi') === wanted);
  // Another region's site, a renamed one, or two of the same name: which was meant is unknown, so none.
  return byName.length === 1 ? byName[0]!.id : undefined;
}

const keyOf = (a: RoleAssignment) => `${a.role}:${a.siteId ?? '*'}`;
const sorted = (list: RoleAssignment[]) => [...list].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));

/**
 * Sets a linked user's roles from the provider's groups at an OpenID Connect sign-in, in the sign-in's
 * transaction and before its session opens. A change is audited with the role lists before and after
 * (site ids, never names) and ends the user's other sessions, as an administrator's change does. Groups
 * the mapping does not name give nothing; a user left without roles signs in to a "no rights yet" page.
 */
export async function applyRoleMapping(
  tx: Tx,
  deps: Deps,
  mapping: OidcRoleMapping,
  user: { id: string; regionId: string },
  claims: Record<string, unknown>,
  audit: { at: Date; requestId: string | null },
): Promise<void> {
  // A missing claim is read as no groups: a provider that stops sending it takes rights away, never gives.
  const groups = groupsOf(claims, mapping.claim) ?? [];
  const grants = grantsFor(mapping, groups);
  const regionSites = grants.some((g) => g.site !== null)
    ? await tx.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.regionId, user.regionId))
    : [];
  const wanted = new Map<string, RoleAssignment>();
  let unresolved = 0;
  for (const grant of grants) {
    const siteId = resolveSite(grant, regionSites);
    if (siteId === undefined) unresolved += 1;
    else wanted.set(keyOf({ role: grant.role, siteId }), { role: grant.role, siteId });
  }
  const before = sorted(await tx.select({ role: roleAssignments.role, siteId: roleAssignments.siteId }).from(roleAssignments).where(eq(roleAssignments.userId, user.id)));
  const after = sorted([...wanted.values()]);
  if (before.map(keyOf).join(',') === after.map(keyOf).join(',')) return;
  await replaceRoles(tx, deps.ids, user.id, after);
  await deleteUserSessions(tx, user.id);
  await writeAudit(tx, { ...audit, actor: null }, {
    action: 'user.roles_from_provider',
    resourceType: 'user',
    resourceId: user.id,
    regionId: user.regionId,
    details: { before, after, ...(unresolved > 0 ? { unresolvedSites: unresolved } : {}) },
  });
}
