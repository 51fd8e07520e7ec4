import { and, eq } from 'drizzle-orm';
import type { ClientPrincipal, ExternalPrincipal } from '../../domain/policy/principals.js';
import type { Executor } from '../db/connect.js';
import { principalSessions, type PrincipalKind } from '../db/schema-signin.js';
import type { Deps } from '../deps.js';
import { hashToken } from '../auth/sessions.js';
import { writeAudit } from '../audit/write-audit.js';

/**
 * Sessions of clients and external members. They live in a table and a cookie of their own, apart from
 * staff sessions (auth/sessions.ts): a staff route's session lookup never finds one, so no staff route
 * can be reached with it by mistake, and staff sessions stay exactly as they were. Routes for these
 * principals read `findPrincipalSession`; the policy takes the principal as it is (policy/decide.ts).
 */
export const PRINCIPAL_SESSION_COOKIE = 'silta_principal_session';

export type OutsidePrincipal = ClientPrincipal | ExternalPrincipal;
export type OpenPrincipalSession = { tokenHash: string; csrfToken: string; principal: OutsidePrincipal };

export const principalIdOf = (p: OutsidePrincipal) => (p.kind === 'client' ? p.clientId : p.memberId);

export function principalFrom(kind: PrincipalKind, id: string, regionId: string, displayName: string): OutsidePrincipal {
  return kind === 'client' ? { kind, clientId: id, regionId, displayName } : { kind, memberId: id, regionId, displayName };
}

export async function createPrincipalSession(ex: Executor, deps: Deps, principal: OutsidePrincipal): Promise<{ token: string; csrfToken: string }> {
  const token = deps.ids.newToken();
  const csrfToken = deps.ids.newToken();
  const now = deps.clock.now();
  await ex.insert(principalSessions).values({
    tokenHash: hashToken(token),
    principalKind: principal.kind,
    principalId: principalIdOf(principal),
    regionId: principal.regionId,
    displayName: principal.displayName,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + deps.config.sessionAbsoluteHours * 3_600_000),
  });
  return { token, csrfToken };
}

/** A live principal session for a cookie value, with the same idle and absolute limits as staff sessions. */
export async function findPrincipalSession(deps: Deps, token: string): Promise<OpenPrincipalSession | null> {
  const tokenHash = hashToken(token);
  const [row] = await deps.db.orm.select().from(principalSessions).where(eq(principalSessions.tokenHash, tokenHash));
  if (!row) return null;
  const now = deps.clock.now().getTime();
  if (now >= row.expiresAt.getTime() || now >= row.lastSeenAt.getTime() + deps.config.sessionIdleMinutes * 60_000) {
    await deps.db.orm.delete(principalSessions).where(eq(principalSessions.tokenHash, tokenHash));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > 60_000) {
    await deps.db.orm.update(principalSessions).set({ lastSeenAt: new Date(now) }).where(eq(principalSessions.tokenHash, tokenHash));
  }
  return { tokenHash, csrfToken: row.csrfToken, principal: principalFrom(row.principalKind, row.principalId, row.regionId, row.displayName) };
}

export async function deletePrincipalSessions(ex: Executor, kind: PrincipalKind, principalId: string): Promise<void> {
  await ex.delete(principalSessions).where(and(eq(principalSessions.principalKind, kind), eq(principalSessions.principalId, principalId)));
}

/** Ends one principal session (signing out) and says so in the audit trail. */
export async function signOutPrincipal(deps: Deps, requestId: string | null, open: OpenPrincipalSession): Promise<void> {
  const now = deps.clock.now();
  const { principal } = open;
  await deps.db.orm.transaction(async (tx) => {
    await tx.delete(principalSessions).where(eq(principalSessions.tokenHash, open.tokenHash));
    await writeAudit(tx, { actor: null, at: now, requestId }, {
      action: 'auth.principal_sign_out',
      resourceType: principal.kind === 'client' ? 'client' : 'external_member',
      resourceId: principalIdOf(principal),
      regionId: principal.regionId,
    });
  });
}
