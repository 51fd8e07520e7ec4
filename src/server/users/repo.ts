import { and, asc, eq, inArray } from 'drizzle-orm';
import type { RoleAssignment } from '../../domain/org.js';
import type { Executor } from '../db/connect.js';
import { roleAssignments, sites, users } from '../db/schema.js';
import type { Ids } from '../deps.js';
import { AppError } from '../errors.js';

export type UserRow = typeof users.$inferSelect;
export type UserWithRoles = UserRow & { roles: RoleAssignment[] };

async function rolesByUser(ex: Executor, userIds: string[]): Promise<Map<string, RoleAssignment[]>> {
  const map = new Map<string, RoleAssignment[]>();
  if (userIds.length === 0) return map;
  const rows = await ex
    .select({ userId: roleAssignments.userId, role: roleAssignments.role, siteId: roleAssignments.siteId })
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.role));
  for (const row of rows) map.set(row.userId, [...(map.get(row.userId) ?? []), { role: row.role, siteId: row.siteId }]);
  return map;
}

export async function findUsers(ex: Executor, regionId: string): Promise<UserWithRoles[]> {
  const rows = await ex.select().from(users).where(eq(users.regionId, regionId)).orderBy(asc(users.displayName));
  const roles = await rolesByUser(ex, rows.map((r) => r.id));
  return rows.map((row) => ({ ...row, roles: roles.get(row.id) ?? [] }));
}

export async function findUser(ex: Executor, userId: string): Promise<UserWithRoles | null> {
  const [row] = await ex.select().from(users).where(eq(users.id, userId));
  if (!row) return null;
  return { ...row, roles: (await rolesByUser(ex, [row.id])).get(row.id) ?? [] };
}

/** Every site named in the assignments must be a site of the region. */
export async function assertSitesInRegion(ex: Executor, regionId: string, assignments: RoleAssignment[]): Promise<void> {
  const siteIds = [...new Set(assignments.map((a) => a.siteId).filter((id): id is string => id !== null))];
  if (siteIds.length === 0) return;
  const found = await ex.select({ id: sites.id }).from(sites).where(and(eq(sites.regionId, regionId), inArray(sites.id, siteIds)));
  if (found.length !== siteIds.length) throw new AppError('bad_request', 'A role names a site that is not in this region.', { field: 'roles' });
}

export async function replaceRoles(ex: Executor, ids: Ids, userId: string, assignments: RoleAssignment[]): Promise<void> {
  await ex.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  const unique = new Map(assignments.map((a) => [`${a.role}:${a.siteId ?? '*'}`, a]));
  if (unique.size === 0) return;
  await ex.insert(roleAssignments).values([...unique.values()].map((a) => ({ id: ids.newId(), userId, role: a.role, siteId: a.siteId })));
}
