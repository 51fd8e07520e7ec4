import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { completeOidcSignIn, startOidcSignIn } from './oidc.js';
import { requestContext } from './routes.js';
import { hashToken, SESSION_COOKIE } from './sessions.js';

/** Holds the id of a sign-in at the provider in progress (see oidc_flows in migration 0026). */
export const OIDC_FLOW_COOKIE = 'silta_oidc_flow';
const FLOW_COOKIE_PATH = '/api/auth/oidc';

/**
 * Staff sign-in through the organisation's OpenID Connect provider: both routes are browser navigations
 * (a link, then the provider's redirect back), so they answer with redirects, not JSON, when all goes well.
 */
export function registerOidcRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/api/auth/oidc/start', { config: { access: { access: 'public' } }, schema: { tags: ['auth'] } }, async (request, reply) => {
    const { flowId, url } = await startOidcSignIn(deps, requestContext(request));
    // Lax, not Strict: the provider's redirect back is a cross-site navigation, and it must carry the cookie.
    void reply.setCookie(OIDC_FLOW_COOKIE, flowId, { httpOnly: true, sameSite: 'lax', secure: deps.config.isSecureCookies, path: FLOW_COOKIE_PATH, maxAge: 600 });
    return reply.redirect(url, 302);
  });

  app.get('/api/auth/oidc/callback', { config: { access: { access: 'public' } }, schema: { tags: ['auth'] } }, async (request, reply) => {
    const previous = request.cookies[SESSION_COOKIE];
    const queryAt = request.url.indexOf('?');
    void reply.clearCookie(OIDC_FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
    const result = await completeOidcSignIn(deps, requestContext(request), {
      flowId: request.cookies[OIDC_FLOW_COOKIE],
      query: queryAt === -1 ? '' : request.url.slice(queryAt),
      previousTokenHash: previous ? hashToken(previous) : null,
    });
    void reply.setCookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.isSecureCookies,
      path: '/',
      maxAge: deps.config.sessionAbsoluteHours * 3600,
    });
    // The web app reads the session (and its CSRF token) with GET /api/auth/me, as after a reload.
    return reply.redirect('/', 302);
  });
}
