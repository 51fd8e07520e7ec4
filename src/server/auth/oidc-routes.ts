import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OIDC_ERROR_PARAM, type OidcSignInError } from '../../domain/oidc-sign-in.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { completeOidcSignIn, startOidcSignIn } from './oidc.js';
import { requestContext } from './routes.js';
import { hashToken, SESSION_COOKIE } from './sessions.js';

/** Holds the id of a sign-in at the provider in progress (see oidc_flows in migration 0026). */
export const OIDC_FLOW_COOKIE = 'silta_oidc_flow';
const FLOW_COOKIE_PATH = '/api/auth/oidc';

/** The sign-in page's word for an error of the flow; null for anything unexpected (a bug: answered as usual). */
function reasonOf(error: unknown): OidcSignInError | null {
  if (!(error instanceof AppError)) return null;
  if (error.code === 'invalid_credentials') return (error.details as { reason?: string } | undefined)?.reason === 'refused' ? 'refused' : 'failed';
  const reasons: Partial<Record<AppError['code'], OidcSignInError>> = {
    forbidden: 'not_linked',
    bad_request: 'start_again',
    db_unavailable: 'unavailable',
    too_many_requests: 'throttled',
  };
  return reasons[error.code] ?? null;
}

/** A browser navigation ends on a page, not on JSON: a known failure goes back to the sign-in page to be told. */
async function orBackToSignIn(reply: FastifyReply, flow: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await flow();
  } catch (error) {
    const reason = reasonOf(error);
    if (reason === null) throw error;
    return reply.redirect(`/login?${OIDC_ERROR_PARAM}=${reason}`, 302);
  }
}

/** Whether the sign-in page offers the organisation's sign-in: public, as the page is shown before anyone signs in. */
export function registerSignInMethodsRoute(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/auth/methods', {
    config: { access: { access: 'public' } },
    schema: { tags: ['auth'], response: { 200: z.object({ oidc: z.boolean() }) } },
  }, () => Promise.resolve({ oidc: deps.config.oidc !== null }));
}

/**
 * Staff sign-in through the organisation's OpenID Connect provider: both routes are browser navigations
 * (a link, then the provider's redirect back), so they answer with redirects, not JSON: to the app when
 * all goes well, to the sign-in page with `?oidc_error=` when not.
 */
export function registerOidcRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/api/auth/oidc/start', { config: { access: { access: 'public' } }, schema: { tags: ['auth'] } }, async (request, reply) =>
    orBackToSignIn(reply, async () => {
      const { flowId, url } = await startOidcSignIn(deps, requestContext(request));
      // Lax, not Strict: the provider's redirect back is a cross-site navigation, and it must carry the cookie.
      void reply.setCookie(OIDC_FLOW_COOKIE, flowId, { httpOnly: true, sameSite: 'lax', secure: deps.config.isSecureCookies, path: FLOW_COOKIE_PATH, maxAge: 600 });
      return reply.redirect(url, 302);
    }));

  app.get('/api/auth/oidc/callback', { config: { access: { access: 'public' } }, schema: { tags: ['auth'] } }, async (request, reply) => {
    const previous = request.cookies[SESSION_COOKIE];
    const queryAt = request.url.indexOf('?');
    void reply.clearCookie(OIDC_FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
    return orBackToSignIn(reply, async () => {
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
  });
}
