import { describe, expect, it } from 'vitest';
import { abilitiesOf } from '../../domain/policy/index.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

// The web decides what to show from the abilities the session carries (issue 18 item 1); they must be
// the rules' own answer for the signed-in actor, in every answer that renews the session.
describe(`the session's abilities on ${testEngine}`, () => {
  it('gives a site professional the site for encounters and nothing of the administration', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const user = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse');
    const client = await signIn(h, user);
    const abilities = client.session.abilities;
    expect(abilities['encounter.create']).toEqual([site.id]);
    expect(abilities['report.read']).toEqual([site.id]);
    expect(abilities['site.update']).toBeUndefined();
    expect(abilities['encounter.correct']).toBeUndefined();
    // a site-level role gives nothing of a region-scoped action
    expect(abilities['pilot.manage']).toBeUndefined();
    const me = await client.request('GET', '/api/auth/me');
    expect(me.json().abilities).toEqual(abilities);
  });

  it('gives region-wide roles the whole region, and equals abilitiesOf in every session answer', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const user = await makeUser(h, region.id, [{ role: 'administrator', siteId: null }, { role: 'coordinator', siteId: null }]);
    const client = await signIn(h, user);
    const expected = abilitiesOf({ userId: user.id, regionId: region.id, displayName: '', profession: null, roles: client.session.user.roles });
    expect(client.session.abilities).toEqual(expected);
    expect(client.session.abilities).toMatchObject({ 'site.update': 'all', 'pilot.manage': 'all', 'encounter.correct': 'all' });
    expect(client.session.abilities['encounter.create']).toBeUndefined();
    const locale = await client.request('PATCH', '/api/auth/me', { locale: 'sv' });
    expect(locale.json().abilities).toEqual(expected);
    const password = await client.request('POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'another long passphrase here' });
    expect(password.statusCode).toBe(200);
    expect(password.json().abilities).toEqual(expected);
  });
});
