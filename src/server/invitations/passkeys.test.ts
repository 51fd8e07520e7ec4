import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createClient } from '../clients/commands.js';
import { clientBody } from '../clients/test-support.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { PRINCIPAL_SESSION_COOKIE } from './principal-sessions.js';
import { softAuthenticator, type SoftAuthenticator } from './soft-authenticator.js';

const PIN = '482915';

async function setUp(h: Harness) {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const user = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker');
  const worker = await signIn(h, user);
  const actor = { userId: user.id, regionId: region.id, displayName: 'Työntekijä', profession: 'social_worker' as const, roles: [{ role: 'professional' as const, siteId: site.id }] };
  const { clientId } = await createClient(h.deps, { actor, requestId: null }, clientBody(site.id, { name: 'Aino Asiakas' }));
  const invite = async () => {
    const response = await worker.request('POST', `/api/clients/${clientId}/invitations`);
    expect(response.statusCode).toBe(201);
    return response.json<{ code: string; expiresAt: string; displayName: string; signInPath: string }>();
  };
  return { region, clientId, worker, invite };
}

const { rpId, origins } = { rpId: 'localhost', origins: ['http://localhost:3000'] };
const origin = origins[0]!;

function post(h: Harness, url: string, payload?: object, address = '10.1.0.1') {
  return h.app.inject({ method: 'POST', url, remoteAddress: address, ...(payload ? { payload } : {}) });
}

const cookieOf = (response: LightMyRequestResponse) => response.cookies.find((c) => c.name === PRINCIPAL_SESSION_COOKIE)?.value ?? null;

/** Redeems `code` with a new passkey through the routes, as the sign-in page does. */
async function register(h: Harness, code: string, key: SoftAuthenticator, at = origin) {
  const options = await post(h, '/api/principal/passkey/register/options', { code });
  expect(options.statusCode).toBe(200);
  const { challenge } = options.json<{ challenge: string }>();
  return post(h, '/api/principal/passkey/register', { code, response: key.register({ challenge, origin: at, rpId }) });
}

async function signInOptions(h: Harness): Promise<string> {
  const options = await post(h, '/api/principal/passkey/sign-in/options');
  expect(options.statusCode).toBe(200);
  return options.json<{ challenge: string }>().challenge;
}

/** The rows a redemption or sign-in writes: a refusal must leave them as they were. */
async function written(h: Harness) {
  return h.db.withRawSession(async (s) => {
    const n = async (sql: string) => (await s.query<{ n: number }>(sql))[0]!.n;
    return {
      redeemed: await n('select count(*)::int as n from invitations where redeemed_at is not null'),
      credentials: await n('select count(*)::int as n from principal_credentials'),
      live: await n('select count(*)::int as n from principal_credentials where revoked_at is null'),
      signCount: await n('select coalesce(sum(sign_count), 0)::int as n from principal_credentials'),
      sessions: await n('select count(*)::int as n from principal_sessions'),
    };
  });
}

const errorOf = (response: LightMyRequestResponse) => response.json<{ error: { code: string; details?: { reason?: string; retryAfterSeconds?: number } } }>().error;

describe(`passkeys for clients and external members on ${testEngine}`, () => {
  it('a worker\'s invitation is redeemed with a passkey; the person signs out and in again with it', async () => {
    const h = await createHarness();
    const { invite } = await setUp(h);
    const card = await invite();
    expect(card).toMatchObject({ displayName: 'Aino Asiakas', signInPath: '/asiakas' });
    expect(new Date(card.expiresAt).getTime() - h.clock.now().getTime()).toBe(14 * 86_400_000);
    const key = softAuthenticator();
    const registered = await register(h, card.code, key);
    expect(registered.statusCode).toBe(200);
    expect(registered.json()).toMatchObject({ principal: { kind: 'client', displayName: 'Aino Asiakas' } });
    const token = cookieOf(registered)!;
    const me = await h.app.inject({ method: 'GET', url: '/api/own/session', cookies: { [PRINCIPAL_SESSION_COOKIE]: token } });
    expect(me.json()).toMatchObject({ kind: 'client', displayName: 'Aino Asiakas' });
    expect(await written(h)).toEqual({ redeemed: 1, credentials: 1, live: 1, signCount: 0, sessions: 1 });

    const csrf = registered.json<{ csrfToken: string }>().csrfToken;
    // Signing out is a change: it needs the session's CSRF token.
    const forged = await h.app.inject({ method: 'DELETE', url: '/api/own/session', cookies: { [PRINCIPAL_SESSION_COOKIE]: token } });
    expect(errorOf(forged).code).toBe('csrf');
    const out = await h.app.inject({ method: 'DELETE', url: '/api/own/session', cookies: { [PRINCIPAL_SESSION_COOKIE]: token }, headers: { 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/own/session', cookies: { [PRINCIPAL_SESSION_COOKIE]: token } })).statusCode).toBe(401);

    const challenge = await signInOptions(h);
    const again = await post(h, '/api/principal/passkey/sign-in', { response: key.assert({ challenge, origin, rpId }) });
    expect(again.statusCode).toBe(200);
    expect(cookieOf(again)).not.toBeNull();
    expect(await written(h)).toMatchObject({ signCount: 1, sessions: 1 });
    const audit = await h.db.withRawSession((s) => s.query<{ action: string }>("select action from audit_log where action like 'invitation.%' or action like 'auth.principal%' order by id"));
    expect(audit.map((r) => r.action)).toEqual(['invitation.issued', 'invitation.redeemed', 'auth.principal_sign_out', 'auth.principal_sign_in']);
  });

  it('refuse a replayed assertion, one for another origin and one from an unknown passkey, writing nothing', async () => {
    const h = await createHarness();
    const { invite } = await setUp(h);
    const key = softAuthenticator();
    expect((await register(h, (await invite()).code, key)).statusCode).toBe(200);
    const first = key.assert({ challenge: await signInOptions(h), origin, rpId });
    expect((await post(h, '/api/principal/passkey/sign-in', { response: first })).statusCode).toBe(200);
    const before = await written(h);

    // The same signed answer again: its challenge was used up.
    const replay = await post(h, '/api/principal/passkey/sign-in', { response: first });
    expect(replay.statusCode).toBe(401);
    expect(errorOf(replay)).toMatchObject({ code: 'invalid_credentials', details: { reason: 'passkey' } });
    // A fresh challenge signed for another site.
    const phished = await post(h, '/api/principal/passkey/sign-in', { response: key.assert({ challenge: await signInOptions(h), origin: 'https://silta.example.net', rpId }) });
    expect(phished.statusCode).toBe(401);
    // A fresh challenge signed for another relying party.
    const otherRp = await post(h, '/api/principal/passkey/sign-in', { response: key.assert({ challenge: await signInOptions(h), origin, rpId: 'example.net' }) });
    expect(otherRp.statusCode).toBe(401);
    // A key Silta never registered.
    const stranger = softAuthenticator();
    const unknown = await post(h, '/api/principal/passkey/sign-in', { response: stranger.assert({ challenge: await signInOptions(h), origin, rpId }) });
    expect(unknown.statusCode).toBe(401);
    // A made-up challenge.
    const madeUp = await post(h, '/api/principal/passkey/sign-in', { response: key.assert({ challenge: 'bm90LWEtY2hhbGxlbmdl', origin, rpId }) });
    expect(madeUp.statusCode).toBe(401);
    expect([phished, otherRp, unknown, madeUp].every((r) => cookieOf(r) === null)).toBe(true);
    expect(await written(h)).toEqual(before);
    const reasons = await h.db.withRawSession((s) => s.query<{ reason: string }>("select details->>'reason' as reason from audit_log where action = 'auth.principal_sign_in_failed' order by id"));
    expect(reasons.map((r) => r.reason)).toEqual(['challenge', 'signature', 'signature', 'unknown_credential', 'challenge']);
    // Every challenge handed out was used up, answered or not.
    const [left] = await h.db.withRawSession((s) => s.query<{ n: number }>('select count(*)::int as n from webauthn_challenges'));
    expect(left!.n).toBe(0);
  });

  it('refuse a registration for another origin, or with a challenge of another code, and leave the invitation unused', async () => {
    const h = await createHarness();
    const { invite } = await setUp(h);
    const { code } = await invite();
    const key = softAuthenticator();
    const phished = await register(h, code, key, 'https://silta.example.net');
    expect(phished.statusCode).toBe(401);
    expect(await written(h)).toEqual({ redeemed: 0, credentials: 0, live: 0, signCount: 0, sessions: 0 });
    // An answer to a sign-in challenge does not redeem an invitation.
    const signInChallenge = await signInOptions(h);
    const wrongKind = await post(h, '/api/principal/passkey/register', { code, response: key.register({ challenge: signInChallenge, origin, rpId }) });
    expect(wrongKind.statusCode).toBe(401);
    expect(await written(h)).toEqual({ redeemed: 0, credentials: 0, live: 0, signCount: 0, sessions: 0 });
    // The code still works.
    expect((await register(h, code, key)).statusCode).toBe(200);
    // …once: the registration challenge of a redeemed code is not handed out.
    const twice = await post(h, '/api/principal/passkey/register/options', { code });
    expect(errorOf(twice)).toMatchObject({ code: 'invalid_credentials', details: { reason: 'used' } });
  });

  it('a challenge expires after five minutes', async () => {
    const h = await createHarness();
    const { invite } = await setUp(h);
    const key = softAuthenticator();
    expect((await register(h, (await invite()).code, key)).statusCode).toBe(200);
    const challenge = await signInOptions(h);
    h.clock.advance(5 * 60_000);
    expect((await post(h, '/api/principal/passkey/sign-in', { response: key.assert({ challenge, origin, rpId }) })).statusCode).toBe(401);
  });

  it('a new invitation revokes the passkey, the PIN and every session: only the new code works', async () => {
    const h = await createHarness();
    const { invite } = await setUp(h);
    const key = softAuthenticator();
    const withKey = await register(h, (await invite()).code, key);
    expect(withKey.statusCode).toBe(200);
    const token = cookieOf(withKey)!;
    const card = await invite();
    // The old session ends, the passkey no longer signs in.
    expect((await h.app.inject({ method: 'GET', url: '/api/own/session', cookies: { [PRINCIPAL_SESSION_COOKIE]: token } })).statusCode).toBe(401);
    expect((await post(h, '/api/principal/passkey/sign-in', { response: key.assert({ challenge: await signInOptions(h), origin, rpId }) })).statusCode).toBe(401);
    expect(await written(h)).toMatchObject({ credentials: 1, live: 0, sessions: 0 });
    // The new card with a PIN; then a third card revokes the PIN too.
    const withPin = await post(h, '/api/principal/pin/redeem', { code: card.code, pin: PIN });
    expect(withPin.statusCode).toBe(200);
    expect((await post(h, '/api/principal/pin/sign-in', { code: card.code, pin: PIN })).statusCode).toBe(200);
    await invite();
    expect((await post(h, '/api/principal/pin/sign-in', { code: card.code, pin: PIN })).statusCode).toBe(401);
    expect(await written(h)).toMatchObject({ credentials: 2, live: 0, sessions: 0 });
  });

  it('say why a code is refused: expired, or already used; and how long to wait when throttled', async () => {
    const h = await createHarness();
    const { invite } = await setUp(h);
    const used = await invite();
    expect((await post(h, '/api/principal/pin/redeem', { code: used.code, pin: PIN })).statusCode).toBe(200);
    expect(errorOf(await post(h, '/api/principal/pin/redeem', { code: used.code, pin: PIN }))).toMatchObject({ details: { reason: 'used' } });
    const late = await invite();
    h.clock.advance(15 * 86_400_000);
    expect(errorOf(await post(h, '/api/principal/pin/redeem', { code: late.code, pin: PIN }))).toMatchObject({ code: 'invalid_credentials', details: { reason: 'expired' } });
    expect(errorOf(await post(h, '/api/principal/passkey/register/options', { code: late.code }))).toMatchObject({ details: { reason: 'expired' } });
    for (let i = 0; i < 20; i++) await post(h, '/api/principal/pin/redeem', { code: 'AAAA-AAAA', pin: PIN }, '10.9.9.9');
    const throttled = await post(h, '/api/principal/pin/redeem', { code: 'AAAA-AAAA', pin: PIN }, '10.9.9.9');
    expect(throttled.statusCode).toBe(429);
    expect(errorOf(throttled).details?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('only those who work with the client invite them: another worker of the site is told the client does not exist', async () => {
    const h = await createHarness();
    const { region, clientId } = await setUp(h);
    const [site] = await h.db.withRawSession((s) => s.query<{ id: string }>('select id from sites where region_id = $1', [region.id]));
    const colleague = await signIn(h, await makeUser(h, region.id, [{ role: 'professional', siteId: site!.id }], 'social_worker'), '10.2.0.1');
    expect((await colleague.request('POST', `/api/clients/${clientId}/invitations`)).statusCode).toBe(404);
    const [row] = await h.db.withRawSession((s) => s.query<{ n: number }>('select count(*)::int as n from invitations'));
    expect(row!.n).toBe(0);
  });
});
