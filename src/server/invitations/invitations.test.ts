import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { createClient } from '../clients/commands.js';
import { clientBody } from '../clients/test-support.js';
import { createHarness, makeRegion, makeSite, makeUser, systemActor, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { createExternalMember, issueInvitation, redeemWithPin, signInWithPin } from './commands.js';
import { newInvitationCode } from './invitation-code.js';
import { findPrincipalSession } from './principal-sessions.js';

const PIN = '482915';

async function setUp(h: Harness) {
  const region = await makeRegion(h);
  const user = await makeUser(h, region.id, [{ role: 'professional', siteId: null }]);
  const worker = { ...systemActor(region.id), userId: user.id, roles: [{ role: 'professional' as const, siteId: null }] };
  const staff = { actor: worker, requestId: null, address: 'test' };
  const member = await createExternalMember(h.deps, staff, { regionId: region.id, displayName: 'Tukihenkilö Testi' });
  const invite = () => issueInvitation(h.deps, staff, { principalKind: 'external', principalId: member.id });
  return { region, staff, member, invite };
}

const at = (address: string) => ({ requestId: null, address });

/** The rows a redemption writes (besides throttle counters and audit): a refusal must leave them as they were. */
async function written(h: Harness) {
  return h.db.withRawSession(async (s) => ({
    redeemed: (await s.query<{ n: number }>('select count(*)::int as n from invitations where redeemed_at is not null'))[0]!.n,
    credentials: (await s.query<{ n: number }>('select count(*)::int as n from principal_credentials'))[0]!.n,
    sessions: (await s.query<{ n: number }>('select count(*)::int as n from principal_sessions'))[0]!.n,
  }));
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, status: error.status };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe(`invitation codes on ${testEngine}`, () => {
  it('work once: the redemption registers a PIN and signs in; a second one is refused and writes nothing', async () => {
    const h = await createHarness();
    const { member, invite } = await setUp(h);
    const { code, expiresAt } = await invite();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(expiresAt.getTime() - h.clock.now().getTime()).toBe(14 * 86_400_000);
    // Only the code's hash is stored.
    const stored = await h.db.withRawSession((s) => s.query<{ code_hash: string }>('select code_hash from invitations'));
    expect(stored[0]!.code_hash).not.toContain(code.replaceAll('-', ''));
    // Typed loosely: lower case, spaces.
    const signedIn = await redeemWithPin(h.deps, at('10.0.0.1'), { code: code.toLowerCase().replaceAll('-', ' '), pin: PIN });
    expect(signedIn.principal).toMatchObject({ kind: 'external', memberId: member.id, displayName: 'Tukihenkilö Testi' });
    expect(await findPrincipalSession(h.deps, signedIn.token)).toMatchObject({ principal: { kind: 'external', memberId: member.id } });
    const before = await written(h);
    expect(before).toEqual({ redeemed: 1, credentials: 1, sessions: 1 });
    expect(await refusal(redeemWithPin(h.deps, at('10.0.0.1'), { code, pin: '111111' }))).toEqual({ code: 'invalid_credentials', status: 401 });
    expect(await written(h)).toEqual(before);
    // The card's code and the PIN sign in from then on; a wrong PIN does not.
    expect((await signInWithPin(h.deps, at('10.0.0.2'), { code, pin: PIN })).principal).toMatchObject({ memberId: member.id });
    expect(await refusal(signInWithPin(h.deps, at('10.0.0.2'), { code, pin: '000000' }))).toEqual({ code: 'invalid_credentials', status: 401 });
  });

  it('expire: at the end of their 14 days the code is refused and nothing is written', async () => {
    const h = await createHarness();
    const { invite } = await setUp(h);
    const { code } = await invite();
    h.clock.advance(14 * 86_400_000);
    expect(await refusal(redeemWithPin(h.deps, at('10.0.0.1'), { code, pin: PIN }))).toEqual({ code: 'invalid_credentials', status: 401 });
    expect(await written(h)).toEqual({ redeemed: 0, credentials: 0, sessions: 0 });
    const audit = await h.db.withRawSession((s) => s.query<{ action: string }>("select action from audit_log where action like 'invitation.%' order by id"));
    expect(audit.map((r) => r.action)).toEqual(['invitation.issued', 'invitation.redeem_failed']);
  });

  it('refuse a PIN that is too short before counting or writing anything', async () => {
    const h = await createHarness();
    const { invite } = await setUp(h);
    const { code } = await invite();
    expect(await refusal(redeemWithPin(h.deps, at('10.0.0.1'), { code, pin: '1234' }))).toEqual({ code: 'bad_request', status: 400 });
    expect(await written(h)).toEqual({ redeemed: 0, credentials: 0, sessions: 0 });
    expect((await redeemWithPin(h.deps, at('10.0.0.1'), { code, pin: PIN })).principal.kind).toBe('external');
  });

  it('throttle guessing per address: after 20 wrong codes even a good one from there waits, others are not held up', async () => {
    const h = await createHarness();
    const { invite } = await setUp(h);
    const { code } = await invite();
    for (let i = 0; i < 20; i++) {
      expect((await refusal(redeemWithPin(h.deps, at('10.6.6.6'), { code: newInvitationCode(), pin: PIN }))).status).toBe(401);
    }
    expect((await refusal(redeemWithPin(h.deps, at('10.6.6.6'), { code: newInvitationCode(), pin: PIN }))).status).toBe(429);
    expect((await refusal(redeemWithPin(h.deps, at('10.6.6.6'), { code, pin: PIN }))).status).toBe(429);
    expect(await written(h)).toEqual({ redeemed: 0, credentials: 0, sessions: 0 });
    expect((await redeemWithPin(h.deps, at('10.7.7.7'), { code, pin: PIN })).principal.kind).toBe('external');
  });

  it('throttle guessing per code: a card\'s PIN tried from many addresses locks the card for a while', async () => {
    const h = await createHarness();
    const { invite } = await setUp(h);
    const { code } = await invite();
    await redeemWithPin(h.deps, at('10.0.0.1'), { code, pin: PIN });
    for (let i = 0; i < 5; i++) {
      expect((await refusal(signInWithPin(h.deps, at(`10.8.0.${i}`), { code, pin: `00000${i}` }))).status).toBe(401);
    }
    expect((await refusal(signInWithPin(h.deps, at('10.8.1.1'), { code, pin: PIN }))).status).toBe(429);
    const sessions = (await written(h)).sessions;
    h.clock.advance(16 * 60_000);
    expect((await signInWithPin(h.deps, at('10.8.1.1'), { code, pin: PIN })).principal.kind).toBe('external');
    expect((await written(h)).sessions).toBe(sessions + 1);
  });

  it('cannot be redeemed twice at once', async () => {
    const h = await createHarness();
    const { invite } = await setUp(h);
    const { code } = await invite();
    const results = await Promise.allSettled([0, 1, 2].map((i) => redeemWithPin(h.deps, at(`10.5.0.${i}`), { code, pin: PIN })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await written(h)).toEqual({ redeemed: 1, credentials: 1, sessions: 1 });
  });

  it('a new invitation revokes the old one, the PIN and the sessions', async () => {
    const h = await createHarness();
    const { invite } = await setUp(h);
    const first = await invite();
    const signedIn = await redeemWithPin(h.deps, at('10.0.0.1'), { code: first.code, pin: PIN });
    const unused = await invite();
    const second = await invite();
    expect(await findPrincipalSession(h.deps, signedIn.token)).toBeNull();
    expect((await refusal(signInWithPin(h.deps, at('10.0.0.1'), { code: first.code, pin: PIN }))).status).toBe(401);
    expect((await refusal(redeemWithPin(h.deps, at('10.0.0.1'), { code: unused.code, pin: PIN }))).status).toBe(401);
    expect((await redeemWithPin(h.deps, at('10.0.0.1'), { code: second.code, pin: PIN })).principal.kind).toBe('external');
    const audit = await h.db.withRawSession((s) => s.query<{ details: { revokedInvitations: number; revokedCredentials: number } }>("select details from audit_log where action = 'invitation.issued' order by id"));
    expect(audit.map((r) => [r.details.revokedInvitations, r.details.revokedCredentials])).toEqual([[0, 0], [0, 1], [1, 0]]);
  });

  it('are issued only by a worker of the principal\'s region (another region\'s member is 404); a client\'s only by those who work with them', async () => {
    const h = await createHarness();
    const { region, member } = await setUp(h);
    const elsewhere = await makeRegion(h);
    const outsider = { actor: { ...systemActor(elsewhere.id), roles: [{ role: 'coordinator' as const, siteId: null }] }, requestId: null, address: 'test' };
    // Another region's member is not visible at all.
    expect((await refusal(issueInvitation(h.deps, outsider, { principalKind: 'external', principalId: member.id }))).status).toBe(404);
    const auditor = { actor: { ...systemActor(region.id), roles: [{ role: 'auditor' as const, siteId: null }] }, requestId: null, address: 'test' };
    expect((await refusal(issueInvitation(h.deps, auditor, { principalKind: 'external', principalId: member.id }))).status).toBe(403);
    expect((await refusal(issueInvitation(h.deps, outsider, { principalKind: 'client', principalId: member.id }))).status).toBe(404);
    const [row] = await h.db.withRawSession((s) => s.query<{ n: number }>('select count(*)::int as n from invitations'));
    expect(row!.n).toBe(0);
  });

  it('invite a client when the worker works with them; anyone else is told the client does not exist', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const staffOf = async (profession: 'social_worker') => {
      const user = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], profession);
      return { actor: { ...systemActor(region.id), userId: user.id, profession, roles: [{ role: 'professional' as const, siteId: site.id }] }, requestId: null, address: 'test' };
    };
    const [worker, colleague] = [await staffOf('social_worker'), await staffOf('social_worker')];
    const { clientId } = await createClient(h.deps, worker, clientBody(site.id));
    expect((await refusal(issueInvitation(h.deps, colleague, { principalKind: 'client', principalId: clientId }))).status).toBe(404);
    const issued = await issueInvitation(h.deps, worker, { principalKind: 'client', principalId: clientId });
    const redeemed = await redeemWithPin(h.deps, at('10.0.0.9'), { code: issued.code, pin: PIN });
    expect(redeemed.principal).toMatchObject({ kind: 'client', clientId, regionId: region.id });
  });
});
