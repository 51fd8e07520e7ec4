import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

const dayCentre = (regionId: string, name: string) => ({
  regionId,
  name,
  kind: 'day_centre',
  address: 'Rovakatu 1',
  openingHours: [{ weekday: 1, opens: '07:30', closes: '14:00' }, { weekday: 5, opens: '07:30', closes: '13:00' }],
  rooms: ['Neuvotteluhuone'],
});

describe(`sites on ${testEngine}`, () => {
  it('are created and updated by an administrator, with both changes in the audit log', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const admin = await signIn(h, await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]));
    const created = await admin.request('POST', '/api/sites', dayCentre(region.id, 'Rovaniemen päiväkeskus'));
    expect(created.statusCode).toBe(201);
    const site = created.json<{ id: string }>();
    expect(created.json()).toMatchObject({ name: 'Rovaniemen päiväkeskus', kind: 'day_centre', isActive: true, rooms: ['Neuvotteluhuone'] });
    const updated = await admin.request('PATCH', `/api/sites/${site.id}`, { openingHours: [{ weekday: 2, opens: '09:30', closes: '13:00' }], isActive: false });
    expect(updated.json()).toMatchObject({ openingHours: [{ weekday: 2, opens: '09:30', closes: '13:00' }], isActive: false, address: 'Rovakatu 1' });
    const audit = await h.db.withRawSession((s) => s.query<{ action: string; site_id: string; actor_id: string }>('select action, site_id, actor_id from audit_log where resource_id = $1 order by id', [site.id]));
    expect(audit.map((a) => a.action)).toEqual(['site.created', 'site.updated']);
    expect(audit.every((a) => a.site_id === site.id && a.actor_id === admin.session.user.id)).toBe(true);
  });

  it('refuses bad opening hours and duplicate names with clear 4xx errors', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const admin = await signIn(h, await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]));
    const backwards = await admin.request('POST', '/api/sites', { ...dayCentre(region.id, 'A'), openingHours: [{ weekday: 1, opens: '14:00', closes: '07:30' }] });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('bad_request');
    expect((await admin.request('POST', '/api/sites', dayCentre(region.id, 'Same'))).statusCode).toBe(201);
    const duplicate = await admin.request('POST', '/api/sites', dayCentre(region.id, 'Same'));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('conflict');
  });

  it('are visible only where a user has a role; another region’s site is not found', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const other = await makeRegion(h);
    const mine = await makeSite(h, region.id);
    const neighbour = await makeSite(h, region.id);
    const foreign = await makeSite(h, other.id);
    const nurse = await signIn(h, await makeUser(h, region.id, [{ role: 'professional', siteId: mine.id }], 'nurse'));
    const coordinator = await signIn(h, await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]));
    expect((await nurse.request('GET', '/api/sites')).json().sites.map((s: { id: string }) => s.id)).toEqual([mine.id]);
    expect((await coordinator.request('GET', '/api/sites')).json().sites.map((s: { id: string }) => s.id).sort()).toEqual([mine.id, neighbour.id].sort());
    expect((await nurse.request('GET', `/api/sites/${neighbour.id}`)).statusCode).toBe(403);
    expect((await nurse.request('GET', `/api/sites/${foreign.id}`)).statusCode).toBe(404);
    const foreignAdmin = await signIn(h, await makeUser(h, other.id, [{ role: 'administrator', siteId: null }]));
    expect((await foreignAdmin.request('PATCH', `/api/sites/${mine.id}`, { name: 'hijacked' })).statusCode).toBe(404);
    expect((await foreignAdmin.request('POST', '/api/sites', dayCentre(region.id, 'planted'))).statusCode).toBe(403);
  });
});
