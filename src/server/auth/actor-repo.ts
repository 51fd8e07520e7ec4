import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/connect.js';
import { roleAssignments, users } from '../db/schema.js';
import type { Actor } from '../policy/policy.js';

/** Loads an active user as an Actor (the policy's view of a person); null if missing or deactivated. */
export async function loadActor(ex: Executor, userId: string): Promise<Actor | null> {
  const [user] = await ex
    .select({ id: users.id, regionId: users.regionId, displayName: users.displayName, profession: users.profession, unitId: users.unitId })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isActive, true)));
  if (!user) return null;
  const roles = await ex.select({ role: roleAssignments.role, siteId: roleAssignments.siteId }).from(roleAssignments).where(eq(roleAssignments.userId, userId));
  return { userId: user.id, regionId: user.regionId, displayName: user.displayName, profession: user.profession, roles, unitId: user.unitId };
}
