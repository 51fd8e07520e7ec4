import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, sessionCookie, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

const login = (h: Awaited<ReturnType<typeof createHarness>>, username: string, password: string, address = '10.0.0.1') =>
  h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: address });

async function auditActions(h: Awaited<ReturnType<typeof createHarness>>, resourceId: string): Promise<string[]> {
  const rows = await h.db.withRawSession((s) => s.query<{ action: string }>('select action from audit_log where resource_id = $1 order by id', [resourceId]));
  return rows.map((r) => r.action);
}

describe(`signing in and out on ${testEngine}`, () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and records the sign-in in the audit log', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    const response = await login(h, user.username, user.password);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'silta_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(response.json()).toMatchObject({ user: { username: user.username, roles: [{ role: 'coordinator', siteId: null }] } });
    expect(await auditActions(h, user.id)).toContain('auth.sign_in');
  });

  it('answers an unknown user and a wrong password with the same 401 and audits the failure', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'auditor', siteId: null }]);
    const wrong = await login(h, user.username, 'wrong password!');
    const unknown = await login(h, 'nobody-here', 'wrong password!');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String) } });
    expect(await auditActions(h, user.id)).toContain('auth.sign_in_failed');
  });

  it('ends the session on sign-out so the old cookie no longer works, and audits it', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    const client = await signIn(h, user);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await client.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect(await auditActions(h, user.id)).toEqual(['user.created', 'auth.sign_in', 'auth.sign_out']);
  });

  it('issues a new session token at sign-in and ends the one the browser already had (no fixation)', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    const first = await signIn(h, user);
    const again = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: user, cookies: { silta_session: first.cookie } });
    expect(again.statusCode).toBe(200);
    expect(sessionCookie(again)).not.toBe(first.cookie);
    expect((await first.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('expires a session after the idle limit and after the absolute limit', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    const idle = await signIn(h, user);
    h.clock.advance(h.deps.config.sessionIdleMinutes * 60_000 + 1000);
    expect((await idle.request('GET', '/api/auth/me')).statusCode).toBe(401);

    const busy = await signIn(h, user);
    const step = (h.deps.config.sessionIdleMinutes / 2) * 60_000;
    for (let elapsed = 0; elapsed < h.deps.config.sessionAbsoluteHours * 3_600_000 - step; elapsed += step) {
      h.clock.advance(step);
      expect((await busy.request('GET', '/api/auth/me')).statusCode).toBe(200);
    }
    h.clock.advance(step);
    expect((await busy.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });
});

describe(`CSRF protection on ${testEngine}`, () => {
  it('refuses a state change without the token, with a wrong token, or from another origin', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const admin = await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]);
    const client = await signIn(h, admin);
    const body = { regionId: region.id, name: 'Kelan palvelupiste', kind: 'kela_office' };
    const cookies = { silta_session: client.cookie };
    const noToken = await h.app.inject({ method: 'POST', url: '/api/sites', cookies, payload: body });
    const wrongToken = await h.app.inject({ method: 'POST', url: '/api/sites', cookies, payload: body, headers: { 'x-csrf-token': 'forged' } });
    const otherOrigin = await h.app.inject({
      method: 'POST', url: '/api/sites', cookies, payload: body,
      headers: { 'x-csrf-token': client.session.csrfToken, origin: 'https://evil.example' },
    });
    for (const response of [noToken, wrongToken, otherOrigin]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('csrf');
    }
    const sites = await client.request('GET', '/api/sites');
    expect(sites.json().sites).toEqual([]);
    expect((await client.request('POST', '/api/sites', body)).statusCode).toBe(201);
  });
});

describe(`sign-in throttling on ${testEngine}`, () => {
  it('locks an account after five attempts in a burst, even with the right password, then lets it in later', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => login(h, user.username, 'wrong password!', `10.1.0.${i}`)));
    const statuses = burst.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    const locked = await login(h, user.username, user.password, '10.2.0.1');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    h.clock.advance(16 * 60_000);
    expect((await login(h, user.username, user.password, '10.2.0.1')).statusCode).toBe(200);
  });

  it('limits attempts from one address across many usernames', async () => {
    const h = await createHarness({ signInAddressLimit: 50 });
    const statuses: number[] = [];
    for (let i = 0; i < 55; i++) statuses.push((await login(h, `guess${i}`, 'password123456', '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(50).every((s) => s === 429)).toBe(true);
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    expect((await login(h, user.username, user.password, '10.9.9.10')).statusCode).toBe(200);
  });
});

describe(`changing one's password on ${testEngine}`, () => {
  it('needs the current password, ends the other sessions and keeps this browser signed in', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const user = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse');
    const here = await signIn(h, user);
    const elsewhere = await signIn(h, user, '10.3.0.1');
    const wrong = await here.request('POST', '/api/auth/password', { currentPassword: 'not it at all', newPassword: 'a brand new long password' });
    expect(wrong.statusCode).toBe(400);
    const tooShort = await here.request('POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'short' });
    expect(tooShort.statusCode).toBe(400);
    // Refused changes leave the session as it was.
    expect((await here.request('GET', '/api/auth/me')).statusCode).toBe(200);
    const ok = await here.request('POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'a brand new long password' });
    expect(ok.statusCode).toBe(200);
    expect((await elsewhere.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login(h, user.username, user.password)).statusCode).toBe(401);
    expect((await login(h, user.username, 'a brand new long password')).statusCode).toBe(200);
    expect(await auditActions(h, user.id)).toContain('auth.password_changed');
  });

  it('rotates this session: the old cookie and CSRF token stop working, the answer brings new ones', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    const before = await signIn(h, user);
    const changed = await before.request('POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'a brand new long password' });
    expect(changed.statusCode).toBe(200);
    const cookie = changed.cookies.find((c) => c.name === 'silta_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie!.value).not.toBe(before.cookie);
    const session = changed.json<{ csrfToken: string; user: { id: string } }>();
    expect(session.user.id).toBe(user.id);
    expect(session.csrfToken).not.toBe(before.session.csrfToken);
    expect((await before.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { silta_session: cookie!.value } });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ csrfToken: string }>().csrfToken).toBe(session.csrfToken);
    // A state change works with the new pair, and not with the old token on the new cookie.
    const withNew = await h.app.inject({
      method: 'PATCH', url: '/api/auth/me', payload: { locale: 'sv' },
      cookies: { silta_session: cookie!.value }, headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(withNew.statusCode).toBe(200);
    const withOld = await h.app.inject({
      method: 'PATCH', url: '/api/auth/me', payload: { locale: 'en' },
      cookies: { silta_session: cookie!.value }, headers: { 'x-csrf-token': before.session.csrfToken },
    });
    expect(withOld.statusCode).toBe(403);
  });
});
