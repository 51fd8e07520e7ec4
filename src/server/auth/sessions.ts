import { createHash } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../db/connect.js';
import { roleAssignments, sessions, users } from '../db/schema.js';
import type { Deps } from '../deps.js';
import type { Actor } from '../policy/policy.js';

export const SESSION_COOKIE = 'silta_session';
// Writing last_seen on every request would turn every read into a write; a minute's precision is enough.
const TOUCH_INTERVAL_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export type OpenSession = { tokenHash: string; csrfToken: string; actor: Actor };

export async function createSession(ex: Executor, deps: Deps, userId: string): Promise<{ token: string; csrfToken: string }> {
  const token = deps.ids.newToken();
  const csrfToken = deps.ids.newToken();
  const now = deps.clock.now();
  await ex.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + deps.config.sessionAbsoluteHours * 3_600_000),
  });
  return { token, csrfToken };
}

/** Finds a live session for a cookie value: not past its absolute expiry nor idle too long. */
export async function findSession(deps: Deps, token: string): Promise<OpenSession | null> {
  const db = deps.db.orm;
  const tokenHash = hashToken(token);
  // Every signed-in request starts here, so the session, its user and the roles come in one round trip.
  const rows = await db
    .select({
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      regionId: users.regionId,
      displayName: users.displayName,
      profession: users.profession,
      unitId: users.unitId,
      isActive: users.isActive,
      role: roleAssignments.role,
      siteId: roleAssignments.siteId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(roleAssignments, eq(roleAssignments.userId, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  const row = rows[0];
  if (!row) return null;
  const now = deps.clock.now().getTime();
  const idleLimit = row.lastSeenAt.getTime() + deps.config.sessionIdleMinutes * 60_000;
  if (now >= row.expiresAt.getTime() || now >= idleLimit) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (!row.isActive) return null;
  const roles = rows.flatMap((r) => (r.role === null ? [] : [{ role: r.role, siteId: r.siteId }]));
  const actor: Actor = { userId: row.userId, regionId: row.regionId, displayName: row.displayName, profession: row.profession, roles, unitId: row.unitId };
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.tokenHash, tokenHash));
  }
  return { tokenHash, csrfToken: row.csrfToken, actor };
}

export async function deleteSession(ex: Executor, tokenHash: string): Promise<void> {
  await ex.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user, optionally keeping the one making the request. */
export async function deleteUserSessions(ex: Executor, userId: string, keepTokenHash?: string): Promise<void> {
  await ex
    .delete(sessions)
    .where(keepTokenHash ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)) : eq(sessions.userId, userId));
}
