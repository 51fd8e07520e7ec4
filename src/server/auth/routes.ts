import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionInfoSchema, type Me, type SessionInfo } from '../../domain/api-types.js';
import { abilitiesOf } from '../../domain/policy/index.js';
import { locales, passwordSchema } from '../../domain/org.js';
import type { Deps } from '../deps.js';
import { actorOf } from '../http/context.js';
import { hashToken, SESSION_COOKIE } from './sessions.js';
import { changeOwnPassword, readMe, setOwnLocale, signIn, signOut, type RequestContext } from './commands.js';
import { noContent } from '../http/openapi.js';

export const requestContext = (request: FastifyRequest): RequestContext => ({ requestId: String(request.id), address: request.ip });

/** The session answer: who the user is, what they may do (abilities, as Outline attaches policies), the CSRF token. */
function sessionInfo(user: Me, csrfToken: string): SessionInfo {
  const actor = { userId: user.id, regionId: user.regionId, displayName: user.displayName, profession: user.profession, roles: user.roles };
  return { user, abilities: abilitiesOf(actor), csrfToken };
}

function sessionOf(request: FastifyRequest) {
  if (!request.session) throw new Error('access control let an anonymous request through');
  return request.session;
}

export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.isSecureCookies,
      path: '/',
      maxAge: deps.config.sessionAbsoluteHours * 3600,
    });

  r.post('/api/auth/login', {
    config: { access: { access: 'public' } },
    schema: {
      tags: ['auth'],
      body: z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(200) }),
      response: { 200: sessionInfoSchema },
    },
  }, async (request, reply) => {
    const previous = request.cookies[SESSION_COOKIE];
    const result = await signIn(deps, requestContext(request), { ...request.body, previousTokenHash: previous ? hashToken(previous) : null });
    setSessionCookie(reply, result.token);
    return sessionInfo(result.user, result.csrfToken);
  });

  r.post('/api/auth/logout', { config: { access: { access: 'signed_in' } }, schema: { tags: ['auth'], response: { 204: noContent } } }, async (request, reply) => {
    const session = sessionOf(request);
    await signOut(deps, requestContext(request), session.actor, session.tokenHash);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  r.get('/api/auth/me', { config: { access: { access: 'signed_in' } }, schema: { tags: ['auth'], response: { 200: sessionInfoSchema } } }, async (request) => {
    const session = sessionOf(request);
    return sessionInfo(await readMe(deps, session.actor), session.csrfToken);
  });

  r.patch('/api/auth/me', {
    config: { access: { access: 'signed_in' } },
    schema: { tags: ['auth'], body: z.object({ locale: z.enum(locales) }), response: { 200: sessionInfoSchema } },
  }, async (request) => {
    const session = sessionOf(request);
    await setOwnLocale(deps, requestContext(request), session.actor, request.body.locale);
    return sessionInfo(await readMe(deps, session.actor), session.csrfToken);
  });

  r.post('/api/auth/password', {
    config: { access: { access: 'signed_in' } },
    schema: {
      tags: ['auth'],
      body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema }),
      response: { 200: sessionInfoSchema },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    // The session token rotates: the answer carries the new cookie and the new CSRF token.
    const rotated = await changeOwnPassword(deps, requestContext(request), actor, request.body);
    setSessionCookie(reply, rotated.token);
    return sessionInfo(await readMe(deps, actor), rotated.csrfToken);
  });
}
