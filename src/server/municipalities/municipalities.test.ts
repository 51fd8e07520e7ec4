import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

const rovaniemi = { code: '698', names: { fi: 'Rovaniemi', sv: 'Rovaniemi', en: 'Rovaniemi' } };
const tornio = { code: '851', names: { fi: 'Tornio', sv: 'Torneå', en: 'Tornio' } };

describe(`municipalities on ${testEngine}`, () => {
  it('are added, renamed and deactivated by an administrator, each change audited, and listed to the region\'s staff', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const admin = await signIn(h, await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]));
    const staff = await signIn(h, await makeUser(h, region.id, [{ role: 'daycentre_staff', siteId: site.id }]));

    expect((await admin.request('POST', '/api/municipalities', tornio)).statusCode).toBe(201);
    const created = await admin.request('POST', '/api/municipalities', rovaniemi);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ ...rovaniemi, regionId: region.id, isActive: true });
    const renamed = await admin.request('PATCH', '/api/municipalities/851', { names: { fi: 'Tornio', sv: 'Torneå', en: 'Tornio (Torneå)' } });
    expect(renamed.json()).toMatchObject({ code: '851', names: { en: 'Tornio (Torneå)' }, isActive: true });
    expect((await admin.request('PATCH', '/api/municipalities/851', { isActive: false })).json()).toMatchObject({ isActive: false, names: { en: 'Tornio (Torneå)' } });

    // Deactivated ones stay in the list (older records keep their name), sorted by the Finnish name.
    const listed = (await staff.request('GET', '/api/municipalities')).json<{ municipalities: { code: string; isActive: boolean }[] }>().municipalities;
    expect(listed.map((m) => [m.code, m.isActive])).toEqual([['698', true], ['851', false]]);

    const audit = await h.db.withRawSession((s) =>
      s.query<{ action: string; resource_id: string; actor_id: string; region_id: string }>(
        "select action, resource_id, actor_id, region_id from audit_log where resource_type = 'municipality' order by id",
      ),
    );
    expect(audit.map((a) => `${a.action} ${a.resource_id}`)).toEqual(['municipality.created 851', 'municipality.created 698', 'municipality.updated 851', 'municipality.deactivated 851']);
    expect(audit.every((a) => a.actor_id === admin.session.user.id && a.region_id === region.id)).toBe(true);
  });

  it('refuses a code that is not three digits, a code already taken (in any region) and an empty change, with clear 4xx errors', async () => {
    const h = await createHarness();
    const [region, other] = [await makeRegion(h), await makeRegion(h)];
    const admin = await signIn(h, await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]));
    const otherAdmin = await signIn(h, await makeUser(h, other.id, [{ role: 'administrator', siteId: null }]));
    for (const code of ['98', '0980', 'abc', ' 98']) {
      const bad = await admin.request('POST', '/api/municipalities', { ...rovaniemi, code });
      expect(bad.statusCode, code).toBe(400);
      expect(bad.json().error.code).toBe('bad_request');
    }
    expect((await admin.request('POST', '/api/municipalities', { ...rovaniemi, names: { ...rovaniemi.names, sv: ' ' } })).statusCode).toBe(400);
    expect((await admin.request('POST', '/api/municipalities', rovaniemi)).statusCode).toBe(201);
    const again = await admin.request('POST', '/api/municipalities', rovaniemi);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
    // A code is the country's: another region cannot take it, and nothing of the first region's row changes.
    expect((await otherAdmin.request('POST', '/api/municipalities', { ...rovaniemi, names: { fi: 'X', sv: 'X', en: 'X' } })).statusCode).toBe(409);
    expect((await admin.request('PATCH', '/api/municipalities/698', {})).statusCode).toBe(400);
    const [row] = await h.db.withRawSession((s) => s.query<{ name_fi: string; region_id: string }>("select name_fi, region_id from municipalities where code = '698'"));
    expect(row).toEqual({ name_fi: 'Rovaniemi', region_id: region.id });
  });

  it('keep each region\'s to itself: another region\'s municipality is not found, and not listed', async () => {
    const h = await createHarness();
    const [region, other] = [await makeRegion(h), await makeRegion(h)];
    const admin = await signIn(h, await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]));
    const otherAdmin = await signIn(h, await makeUser(h, other.id, [{ role: 'administrator', siteId: null }]));
    expect((await admin.request('POST', '/api/municipalities', rovaniemi)).statusCode).toBe(201);
    expect((await otherAdmin.request('POST', '/api/municipalities', tornio)).statusCode).toBe(201);
    expect((await otherAdmin.request('PATCH', '/api/municipalities/698', { isActive: false })).statusCode).toBe(404);
    expect((await admin.request('PATCH', '/api/municipalities/999', { isActive: false })).statusCode).toBe(404);
    expect((await otherAdmin.request('GET', '/api/municipalities')).json().municipalities.map((m: { code: string }) => m.code)).toEqual(['851']);
    expect((await admin.request('GET', '/api/municipalities')).json().municipalities.map((m: { code: string }) => m.code)).toEqual(['698']);
  });

  it('are kept by the database to three-digit codes of an existing region, whatever the caller', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const insert = (code: string, regionId: string) =>
      h.db.withRawSession((s) => s.query("insert into municipalities (code, region_id, name_fi, name_sv, name_en, created_at, updated_at) values ($1, $2, 'K', 'K', 'K', now(), now())", [code, regionId]));
    await expect(insert('12a', region.id)).rejects.toThrow();
    await expect(insert('698', '00000000-0000-4000-8000-000000000000')).rejects.toThrow();
    await insert('698', region.id);
    const [row] = await h.db.withRawSession((s) => s.query<{ is_active: boolean }>("select is_active from municipalities where code = '698'"));
    expect(row!.is_active).toBe(true);
  });
});

describe(`the role check of migration 0022 on ${testEngine}`, () => {
  it('accepts the manager role and still refuses a role nobody defined', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const manager = await makeUser(h, region.id, [{ role: 'manager', siteId: null }]);
    const assign = (role: string) =>
      h.db.withRawSession((s) => s.query('insert into role_assignments (id, user_id, role, site_id) values ($1, $2, $3, null)', [crypto.randomUUID(), manager.id, role]));
    await expect(assign('boss')).rejects.toThrow();
    await assign('auditor');
    const roles = await h.db.withRawSession((s) => s.query<{ role: string }>('select role from role_assignments where user_id = $1 order by role', [manager.id]));
    expect(roles.map((r) => r.role)).toEqual(['auditor', 'manager']);
  });
});
