import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Harness } from '../testing/harness.js';
import { startTestProvider, type TestProvider } from '../testing/oidc-test-provider.js';
import { linkAccount, oidcSettings, signInThroughProvider } from '../testing/oidc-sign-in.js';
import { testEngine } from '../testing/test-db.js';
import { parseRoleMap } from './oidc-role-map.js';

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider();
});
afterAll(async () => provider.close());

type Roles = { role: string; siteId: string | null }[];

/**
 * A region with two sites and a harness with the in-test provider, without a mapping: a test sets its
 * mapping once the sites (and so their ids) exist, as an operator writes it for sites already there.
 */
async function setUp() {
  const h = await createHarness({ oidc: oidcSettings(provider) });
  const region = await makeRegion(h);
  const daycentre = await makeSite(h, region.id, `Päiväkeskus ${region.id}`);
  const street = await makeSite(h, region.id, `Katutyö ${region.id}`);
  return { h, region, daycentre, street };
}

async function sessionOf(h: Harness, response: Awaited<ReturnType<typeof signInThroughProvider>>) {
  expect(response.statusCode).toBe(302);
  expect(response.headers.location).toBe('/');
  const cookie = response.cookies.find((c) => c.name === 'silta_session')!.value;
  const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { silta_session: cookie } });
  expect(me.statusCode).toBe(200);
  return { cookie, me: me.json<{ user: { roles: Roles }; abilities: Record<string, unknown> }>() };
}

const byKey = (roles: Roles) => [...roles].sort((a, b) => `${a.role}:${a.siteId}`.localeCompare(`${b.role}:${b.siteId}`));

async function roleAudit(h: Harness, userId: string) {
  return h.db.withRawSession((s) =>
    s.query<{ actor_id: string | null; details: { before: Roles; after: Roles; unresolvedSites?: number } }>(
      "select actor_id, details from audit_log where action = 'user.roles_from_provider' and resource_id = $1 order by id",
      [userId],
    ));
}

describe(`roles from the provider's groups on ${testEngine}`, () => {
  it('sets the roles from the claim, audited before and after by id; the same groups again change nothing', async () => {
    const { h, region, daycentre } = await setUp();
    // The map names the site by name, another group by id: set after the sites exist.
    h.deps.config.oidc!.roleMapping = parseRoleMap('groups', JSON.stringify({
      'silta-koordinaattorit': { role: 'coordinator', site: daycentre.name },
      'silta-tarkastajat': { role: 'auditor', regionWide: true },
      'muut': [{ role: 'professional', site: daycentre.id }],
    }));
    const user = await makeUser(h, region.id, [{ role: 'daycentre_staff', siteId: daycentre.id }]);
    await linkAccount(h, provider, user.id, 'maija');
    provider.setGroups('maija', ['silta-koordinaattorit', 'silta-tarkastajat', 'Domain Users']);
    const { me } = await sessionOf(h, await signInThroughProvider(h, provider, 'maija'));
    expect(byKey(me.user.roles)).toEqual([{ role: 'auditor', siteId: null }, { role: 'coordinator', siteId: daycentre.id }]);
    // The abilities come from the new roles: the coordinator manages sessions at that site.
    expect(me.abilities['session.manage']).toEqual([daycentre.id]);
    const audit = await roleAudit(h, user.id);
    expect(audit).toEqual([{
      actor_id: null,
      details: { before: [{ role: 'daycentre_staff', siteId: daycentre.id }], after: [{ role: 'auditor', siteId: null }, { role: 'coordinator', siteId: daycentre.id }] },
    }]);
    // Names never go into the audit row, only ids.
    expect(JSON.stringify(audit)).not.toContain(daycentre.name);
    await sessionOf(h, await signInThroughProvider(h, provider, 'maija'));
    expect(await roleAudit(h, user.id)).toHaveLength(1);
  });

  it('changes the roles at the next sign-in when the claim changes, and ends the sessions of the old rights', async () => {
    const { h, region, daycentre, street } = await setUp();
    h.deps.config.oidc!.roleMapping = parseRoleMap('groups', JSON.stringify({
      'paivakeskus': { role: 'professional', site: daycentre.name },
      'katutyo': { role: 'professional', site: street.id },
    }));
    const user = await makeUser(h, region.id, [{ role: 'professional', siteId: daycentre.id }]);
    await linkAccount(h, provider, user.id, 'ville');
    provider.setGroups('ville', ['paivakeskus']);
    const first = await sessionOf(h, await signInThroughProvider(h, provider, 'ville'));
    expect(first.me.user.roles).toEqual([{ role: 'professional', siteId: daycentre.id }]);
    // Nothing changed: the mapping agreed with what the administrator had set, so nothing is audited.
    expect(await roleAudit(h, user.id)).toEqual([]);
    provider.setGroups('ville', ['katutyo']);
    const second = await sessionOf(h, await signInThroughProvider(h, provider, 'ville'));
    expect(second.me.user.roles).toEqual([{ role: 'professional', siteId: street.id }]);
    expect((await roleAudit(h, user.id)).map((row) => row.details)).toEqual([
      { before: [{ role: 'professional', siteId: daycentre.id }], after: [{ role: 'professional', siteId: street.id }] },
    ]);
    // The session opened under the old rights is gone, as after an administrator's change.
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { silta_session: first.cookie } })).statusCode).toBe(401);
  });

  it('gives no role for an unknown group or another region\'s site: the user is signed in with none', async () => {
    const { h, region, daycentre } = await setUp();
    const elsewhere = await makeSite(h, (await makeRegion(h)).id, 'Toisen alueen paikka');
    h.deps.config.oidc!.roleMapping = parseRoleMap('groups', JSON.stringify({
      'silta-koordinaattorit': { role: 'coordinator', site: daycentre.id },
      'vieras': { role: 'coordinator', site: elsewhere.name },
    }));
    const user = await makeUser(h, region.id, [{ role: 'coordinator', siteId: daycentre.id }]);
    await linkAccount(h, provider, user.id, 'kalle');
    provider.setGroups('kalle', ['Domain Users', 'vieras']);
    const { me } = await sessionOf(h, await signInThroughProvider(h, provider, 'kalle'));
    expect(me.user.roles).toEqual([]);
    expect(me.abilities['session.manage']).toBeUndefined();
    expect((await roleAudit(h, user.id)).map((row) => row.details)).toEqual([
      { before: [{ role: 'coordinator', siteId: daycentre.id }], after: [], unresolvedSites: 1 },
    ]);
    // Signed in, but every staff route refuses: the web shows its "no rights yet" page.
  });

  it('leaves roles as administrators set them when no mapping is configured, groups or not', async () => {
    const { h, region, daycentre } = await setUp();
    const user = await makeUser(h, region.id, [{ role: 'professional', siteId: daycentre.id }]);
    await linkAccount(h, provider, user.id, 'liisa');
    provider.setGroups('liisa', ['silta-koordinaattorit']);
    const { me } = await sessionOf(h, await signInThroughProvider(h, provider, 'liisa'));
    expect(me.user.roles).toEqual([{ role: 'professional', siteId: daycentre.id }]);
    expect(await roleAudit(h, user.id)).toEqual([]);
  });

  it('does not touch roles at a password sign-in, mapping or not', async () => {
    const { h, region, daycentre } = await setUp();
    h.deps.config.oidc!.roleMapping = parseRoleMap('groups', JSON.stringify({ 'x': { role: 'auditor', regionWide: true } }));
    const user = await makeUser(h, region.id, [{ role: 'professional', siteId: daycentre.id }]);
    await linkAccount(h, provider, user.id, 'pekka');
    const client = await signIn(h, user);
    expect(client.session.user.roles).toEqual([{ role: 'professional', siteId: daycentre.id }]);
  });
});
