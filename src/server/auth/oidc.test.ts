import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OidcConfig } from '../config.js';
import { createHarness, makeRegion, makeUser, type Harness } from '../testing/harness.js';
import { startTestProvider, type TestProvider } from '../testing/oidc-test-provider.js';
import { testEngine } from '../testing/test-db.js';
import { runAdminCommand } from '../../cli/commands.js';
import { OIDC_FLOW_COOKIE } from './oidc-routes.js';
import { callOidcCallback, goToProvider as toProvider, linkAccount, oidcSettings } from '../testing/oidc-sign-in.js';

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider();
});
afterAll(async () => provider.close());

const settings = (overrides: Partial<OidcConfig> = {}) => oidcSettings(provider, overrides);
const link = (h: Harness, userId: string, subject: string) => linkAccount(h, provider, userId, subject);
const goToProvider = (h: Harness, account: string) => toProvider(h, provider, account);
const callback = callOidcCallback;
/** Where a refused flow sends the browser: the sign-in page, saying why. */
const backToSignIn = (reason: string) => ({ statusCode: 302, headers: expect.objectContaining({ location: `/login?oidc_error=${reason}` }) });

async function count(h: Harness, table: 'sessions' | 'oidc_flows'): Promise<number> {
  const [row] = await h.db.withRawSession((s) => s.query<{ n: number }>(`select count(*)::int as n from ${table}`));
  return row!.n;
}

describe(`staff sign-in through OpenID Connect on ${testEngine}`, () => {
  it('signs a linked user in with a session like a password sign-in, audited with the method', async () => {
    const h = await createHarness({ oidc: settings() });
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    await link(h, user.id, 'alice');
    const { flow, callback: url, back } = await goToProvider(h, 'alice');
    // The provider's answer is a code for this flow; no tokens travel through the browser.
    expect(back.searchParams.get('code')).toBeTruthy();
    expect(back.searchParams.has('id_token')).toBe(false);
    const done = await callback(h, url, flow);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/');
    const cookie = done.cookies.find((c) => c.name === 'silta_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { silta_session: cookie!.value } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: user.id, username: user.username, roles: [{ role: 'coordinator', siteId: null }] } });
    const audit = await h.db.withRawSession((s) => s.query<{ action: string; details: unknown }>("select action, details from audit_log where resource_id = $1 and action like 'auth.%'", [user.id]));
    expect(audit).toEqual([{ action: 'auth.sign_in', details: { method: 'oidc' } }]);
    expect(await count(h, 'oidc_flows')).toBe(0);
  });

  it('links by a verified email when so configured', async () => {
    const h = await createHarness({ oidc: settings({ linkClaim: 'email' }) });
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'professional', siteId: null }]);
    await link(h, user.id, 'bea@org.example');
    const { flow, callback: url } = await goToProvider(h, 'bea');
    const done = await callback(h, url, flow);
    expect(done.statusCode).toBe(302);
  });

  it('refuses an account linked to nobody, clearly, and creates no session or user', async () => {
    const h = await createHarness({ oidc: settings() });
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    await link(h, user.id, 'alice');
    const { flow, callback: url } = await goToProvider(h, 'mallory');
    const refused = await callback(h, url, flow);
    expect(refused).toMatchObject(backToSignIn('not_linked'));
    expect(refused.cookies.find((c) => c.name === 'silta_session')).toBeUndefined();
    expect(await count(h, 'sessions')).toBe(0);
    const [users] = await h.db.withRawSession((s) => s.query<{ n: number }>('select count(*)::int as n from users'));
    expect(users!.n).toBe(1);
  });

  it('refuses a wrong state, and the flow cannot then be finished with the right one', async () => {
    const h = await createHarness({ oidc: settings() });
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    await link(h, user.id, 'alice');
    const { flow, back } = await goToProvider(h, 'alice');
    const forged = new URL(back);
    forged.searchParams.set('state', 'forged-state');
    const refused = await callback(h, `${forged.pathname}${forged.search}`, flow);
    expect(refused).toMatchObject(backToSignIn('failed'));
    expect(await callback(h, `${back.pathname}${back.search}`, flow)).toMatchObject(backToSignIn('start_again'));
    expect(await count(h, 'sessions')).toBe(0);
  });

  it('refuses a callback without the browser cookie that started it (login CSRF)', async () => {
    const h = await createHarness({ oidc: settings() });
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    await link(h, user.id, 'alice');
    const { callback: url } = await goToProvider(h, 'alice');
    expect(await callback(h, url, undefined)).toMatchObject(backToSignIn('start_again'));
    expect(await callback(h, url, 'someone-elses-flow')).toMatchObject(backToSignIn('start_again'));
    expect(await count(h, 'sessions')).toBe(0);
  });

  it('refuses a replayed code: the same callback again, and the code under a fresh flow', async () => {
    const h = await createHarness({ oidc: settings() });
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    await link(h, user.id, 'alice');
    const first = await goToProvider(h, 'alice');
    expect((await callback(h, first.callback, first.flow)).statusCode).toBe(302);
    expect(await callback(h, first.callback, first.flow)).toMatchObject(backToSignIn('start_again'));
    // A new flow of the same browser, its own state, but the used code: the provider refuses the
    // exchange (the code is spent, and its PKCE challenge was the first flow's).
    const start = await h.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    const flow = start.cookies.find((c) => c.name === OIDC_FLOW_COOKIE)!.value;
    const state = new URL(start.headers.location as string).searchParams.get('state')!;
    const replay = new URL(first.back);
    replay.searchParams.set('state', state);
    expect(await callback(h, `${replay.pathname}${replay.search}`, flow)).toMatchObject(backToSignIn('failed'));
    expect(await count(h, 'sessions')).toBe(1);
  });

  it('refuses a deactivated linked account', async () => {
    const h = await createHarness({ oidc: settings() });
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    await link(h, user.id, 'alice');
    await h.db.withRawSession((s) => s.query('update users set is_active = false where id = $1', [user.id]));
    const { flow, callback: url } = await goToProvider(h, 'alice');
    expect(await callback(h, url, flow)).toMatchObject(backToSignIn('not_linked'));
  });

  it('follows the links the admin command makes and removes', async () => {
    const h = await createHarness({ oidc: settings() });
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'auditor', siteId: null }]);
    const lines: string[] = [];
    await runAdminCommand(h.deps, ['link-oidc', user.username, 'carl'], (line) => lines.push(line));
    expect(lines).toEqual([`${user.username} now signs in through the organisation as carl.`]);
    const linked = await goToProvider(h, 'carl');
    expect((await callback(h, linked.callback, linked.flow)).statusCode).toBe(302);
    await runAdminCommand(h.deps, ['unlink-oidc', user.username], () => undefined);
    const unlinked = await goToProvider(h, 'carl');
    expect(await callback(h, unlinked.callback, unlinked.flow)).toMatchObject(backToSignIn('not_linked'));
    const audit = await h.db.withRawSession((s) => s.query<{ action: string }>("select action from audit_log where action like 'user.oidc%' order by id"));
    expect(audit.map((r) => r.action)).toEqual(['user.oidc_linked', 'user.oidc_unlinked']);
    // Without a provider there is nothing to link to.
    const plain = await createHarness();
    const local = await makeUser(plain, (await makeRegion(plain)).id, [{ role: 'auditor', siteId: null }]);
    await expect(runAdminCommand(plain.deps, ['link-oidc', local.username, 'carl'], () => undefined)).rejects.toThrow(/No OpenID Connect provider is configured/);
  });

  it('sends the provider\'s own refusal back to the sign-in page as such', async () => {
    const h = await createHarness({ oidc: settings() });
    const start = await h.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    const flow = start.cookies.find((c) => c.name === OIDC_FLOW_COOKIE)!.value;
    const state = new URL(start.headers.location as string).searchParams.get('state')!;
    const cancelled = await callback(h, `/api/auth/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`, flow);
    expect(cancelled).toMatchObject(backToSignIn('refused'));
    expect(await count(h, 'sessions')).toBe(0);
  });

  it('tells the sign-in page whether to offer it, and is not there when no provider is configured', async () => {
    const configured = await createHarness({ oidc: settings() });
    expect((await configured.app.inject({ method: 'GET', url: '/api/auth/methods' })).json()).toEqual({ oidc: true });
    const h = await createHarness();
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/methods' })).json()).toEqual({ oidc: false });
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/oidc/start' })).statusCode).toBe(404);
  });
});
