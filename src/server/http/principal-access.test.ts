import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createPrincipalSession, PRINCIPAL_SESSION_COOKIE, type OutsidePrincipal } from '../invitations/principal-sessions.js';
import { createHarness, makeRegion, makeUser, signIn, type Harness } from '../testing/harness.js';
import { registerAccessControl } from './access.js';
import { principalContextOf } from './context.js';
import { registerErrorHandler } from './error-handler.js';

// A small app with the real access control and two principal routes: what 'principal' access lets in.
async function appWith(h: Harness): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(fastifyCookie);
  registerErrorHandler(app);
  registerAccessControl(app, h.deps);
  app.get('/api/test/me', { config: { access: { access: 'principal' } } }, (request) => principalContextOf(request).principal);
  app.post('/api/test/client-only', { config: { access: { access: 'principal', kinds: ['client'] } } }, () => ({ ok: true }));
  await app.ready();
  return app;
}

describe("'principal' routes", () => {
  it('let in a client or external member by their own session, never a staff session, and check the CSRF token on changes', async () => {
    const h = await createHarness();
    const app = await appWith(h);
    const region = await makeRegion(h);
    const client: OutsidePrincipal = { kind: 'client', clientId: '0190f0e0-0000-7000-8000-000000000001', regionId: region.id, displayName: 'Asiakas' };
    const member: OutsidePrincipal = { kind: 'external', memberId: '0190f0e0-0000-7000-8000-000000000002', regionId: region.id, displayName: 'Tukihenkilö' };
    const clientSession = await createPrincipalSession(h.db.orm, h.deps, client);
    const memberSession = await createPrincipalSession(h.db.orm, h.deps, member);
    const as = (s: { token: string }) => ({ [PRINCIPAL_SESSION_COOKIE]: s.token });

    const me = await app.inject({ method: 'GET', url: '/api/test/me', cookies: as(clientSession) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(client);

    expect((await app.inject({ method: 'GET', url: '/api/test/me' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/test/me', cookies: { [PRINCIPAL_SESSION_COOKIE]: 'not-a-session' } })).statusCode).toBe(401);
    // A staff session is another cookie and another table: it does not open a principal route.
    const user = await makeUser(h, region.id, [{ role: 'professional', siteId: null }]);
    const staff = await signIn(h, user);
    expect((await app.inject({ method: 'GET', url: '/api/test/me', cookies: { silta_session: staff.cookie } })).statusCode).toBe(401);

    const post = (s: { token: string; csrfToken: string }, csrf?: string) =>
      app.inject({ method: 'POST', url: '/api/test/client-only', cookies: as(s), headers: csrf === undefined ? {} : { 'x-csrf-token': csrf } });
    expect((await post(clientSession)).json()).toMatchObject({ error: { code: 'csrf' } });
    expect((await post(clientSession, memberSession.csrfToken)).json()).toMatchObject({ error: { code: 'csrf' } });
    expect((await post(clientSession, clientSession.csrfToken)).statusCode).toBe(200);
    // `kinds` narrows a route to one kind of principal.
    expect((await post(memberSession, memberSession.csrfToken)).statusCode).toBe(403);
    await app.close();
  });
});
