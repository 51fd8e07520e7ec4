import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { OwnSession } from '../../domain/own/schemas.js';
import { writeAudit } from '../audit/write-audit.js';
import { principalSessions } from '../db/schema-signin.js';
import type { Deps } from '../deps.js';
import { unauthenticated } from '../errors.js';
import { principalContextOf } from '../http/context.js';
import { principalIdOf } from '../invitations/principal-sessions.js';

function openSession(request: FastifyRequest) {
  if (!request.principalSession) throw unauthenticated();
  return request.principalSession;
}

/** Who is signed in on the own pages, with the CSRF token the page sends back on changes. */
export function ownSession(request: FastifyRequest): OwnSession {
  const { principal, csrfToken } = openSession(request);
  return { kind: principal.kind, displayName: principal.displayName, clientId: principal.kind === 'client' ? principal.clientId : null, csrfToken };
}

/** Signs the client or external member out: this session ends (others, on other devices, stay). */
export async function endOwnSession(deps: Deps, request: FastifyRequest): Promise<void> {
  const session = openSession(request);
  const ctx = principalContextOf(request);
  const { principal } = session;
  await deps.db.orm.transaction(async (tx) => {
    await tx.delete(principalSessions).where(eq(principalSessions.tokenHash, session.tokenHash));
    await writeAudit(tx, { actor: null, at: ctx.now, requestId: ctx.requestId }, {
      action: 'auth.principal_sign_out',
      resourceType: principal.kind === 'client' ? 'client' : 'external_member',
      resourceId: principalIdOf(principal),
      regionId: principal.regionId,
      details: { principalKind: principal.kind, principalId: principalIdOf(principal) },
    });
  });
}
