import type { FastifyRequest } from 'fastify';
import type { OwnSession } from '../../domain/own/schemas.js';
import type { Deps } from '../deps.js';
import { unauthenticated } from '../errors.js';
import { signOutPrincipal } from '../invitations/principal-sessions.js';

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
  await signOutPrincipal(deps, String(request.id), openSession(request));
}
