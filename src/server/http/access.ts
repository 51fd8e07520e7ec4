import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { AppError, unauthenticated, forbidden } from '../errors.js';
import { canSomewhere, type Action } from '../policy/policy.js';
import { findSession, SESSION_COOKIE, type OpenSession } from '../auth/sessions.js';
import { findPrincipalSession, PRINCIPAL_SESSION_COOKIE, type OpenPrincipalSession, type OutsidePrincipal } from '../invitations/principal-sessions.js';

/**
 * Every route states who may call it; a route without this fails at start-up. 'principal' routes are
 * for clients and external members (their own session cookie, never a staff session); `kinds` narrows
 * them to one kind. What each principal may see there is still the policy's to say, per resource.
 */
export type RouteAccess =
  | { access: 'public' }
  | { access: 'signed_in' }
  | { access: 'action'; action: Action }
  | { access: 'principal'; kinds?: OutsidePrincipal['kind'][] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    session: OpenSession | null;
    /** The client's or external member's session on 'principal' routes (null elsewhere). */
    principalSession: OpenPrincipalSession | null;
  }
}

export type RouteEntry = { method: string; url: string; access: RouteAccess; schema: Record<string, unknown> };
const catalogues = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every API route with its access rule and schema: the policy, audit and fuzz suites are generated from it. */
export function routeCatalogue(app: FastifyInstance): RouteEntry[] {
  return catalogues.get(app) ?? [];
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A browser always sends Origin on cross-site state changes; when present it must be our own host. */
function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('csrf', 'The request came from another site.');
  }
  if (host !== request.headers.host) throw new AppError('csrf', 'The request came from another site.');
}

/** State changes carry the session's CSRF token in x-csrf-token. */
function assertCsrf(request: FastifyRequest, expected: string): void {
  if (!STATE_CHANGING.has(request.method)) return;
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !sameToken(sent, expected)) {
    throw new AppError('csrf', 'The security token is missing or out of date. Reload the page and try again.');
  }
}

export function registerAccessControl(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('session', null);
  app.decorateRequest('principalSession', null);
  app.decorateRequest('clock', null);
  const catalogue: RouteEntry[] = [];
  catalogues.set(app, catalogue);
  app.addHook('onRoute', (route) => {
    const isDocs = route.url === '/api/docs' || route.url.startsWith('/api/docs/');
    if (!route.url.startsWith('/api/') || isDocs) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access policy (config.access).`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') catalogue.push({ method, url: route.url, access, schema: (route.schema ?? {}) as Record<string, unknown> });
    }
  });
  // onRequest runs before the body is parsed or validated: a caller without rights learns nothing about the schema.
  app.addHook('onRequest', async (request) => {
    request.clock = deps.clock;
    const access = request.routeOptions.config.access;
    if (!access) return;
    if (STATE_CHANGING.has(request.method)) assertSameOrigin(request);
    if (access.access === 'principal') {
      const principalToken = request.cookies[PRINCIPAL_SESSION_COOKIE];
      const open = principalToken ? await findPrincipalSession(deps, principalToken) : null;
      if (!open) throw unauthenticated();
      assertCsrf(request, open.csrfToken);
      if (access.kinds && !access.kinds.includes(open.principal.kind)) throw forbidden();
      request.principalSession = open;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await findSession(deps, token) : null;
    if (access.access === 'public') return;
    if (!request.session) throw unauthenticated();
    assertCsrf(request, request.session.csrfToken);
    if (access.access === 'action' && !canSomewhere(request.session.actor, access.action)) throw forbidden();
  });
}
