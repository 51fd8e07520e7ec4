import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

type Colleague = { id: string; displayName: string; profession: string };

// makeUser's names differ only in counters, whose order collations disagree on: give plain names.
const rename = (h: Harness, id: string, name: string) => h.db.withRawSession((s) => s.query('update users set display_name = $2 where id = $1', [id, name]));

const auditCount = async (h: Harness): Promise<number> =>
  Number((await h.db.withRawSession((s) => s.query<{ n: string }>('select count(*) as n from audit_log')))[0]!.n);

describe(`a site's colleagues on ${testEngine}`, () => {
  it('lists the active professionals of the site and the region-wide ones, with a profession, only id, name and profession', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const otherSite = await makeSite(h, region.id);
    const nurse = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse');
    const roaming = await makeUser(h, region.id, [{ role: 'professional', siteId: null }], 'addiction_worker');
    const both = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }, { role: 'daycentre_staff', siteId: site.id }], 'peer_worker');
    // Not colleagues: elsewhere, without a profession, not a professional, gone, another region.
    await makeUser(h, region.id, [{ role: 'professional', siteId: otherSite.id }], 'social_worker');
    await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }]);
    await makeUser(h, region.id, [{ role: 'daycentre_staff', siteId: site.id }], 'social_instructor');
    const gone = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse');
    await h.db.withRawSession((s) => s.query('update users set is_active = false where id = $1', [gone.id]));
    const foreign = await makeRegion(h);
    await makeUser(h, foreign.id, [{ role: 'professional', siteId: null }], 'nurse');
    await rename(h, nurse.id, 'Cecilia Hoitaja');
    await rename(h, roaming.id, 'Aino Alue');
    await rename(h, both.id, 'Bertta Kokemus');
    const coordinator = await signIn(h, await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }], 'social_worker'));

    const before = await auditCount(h);
    const response = await coordinator.request('GET', `/api/sites/${site.id}/colleagues`);
    expect(response.statusCode).toBe(200);
    const { colleagues } = response.json<{ colleagues: Colleague[] }>();
    expect(colleagues).toEqual([
      { id: roaming.id, displayName: 'Aino Alue', profession: 'addiction_worker' },
      { id: both.id, displayName: 'Bertta Kokemus', profession: 'peer_worker' },
      { id: nurse.id, displayName: 'Cecilia Hoitaja', profession: 'nurse' },
    ]);
    // Exactly three fields each: no username, roles or unit leak out of the directory.
    expect(colleagues.every((c) => Object.keys(c).sort().join() === 'displayName,id,profession')).toBe(true);
    // A staff directory is not a person-level read of visitors' data: no audit row.
    expect(await auditCount(h)).toBe(before);

    // Whatever the directory offers, the session plan accepts.
    const planned = await coordinator.request('POST', `/api/sites/${site.id}/sessions`, {
      recurrence: 'one_off', startsOn: '2026-02-10', startsAt: '09:00', endsAt: '12:00', professionals: colleagues.map((c) => ({ userId: c.id })),
    });
    expect(planned.statusCode).toBe(201);
  });

  it('answers another region’s site with 404 and a site where the caller has no role with 403', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const otherSite = await makeSite(h, region.id);
    const foreignSite = await makeSite(h, (await makeRegion(h)).id);
    const nurse = await signIn(h, await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse'));

    expect((await nurse.request('GET', `/api/sites/${site.id}/colleagues`)).json<{ colleagues: Colleague[] }>().colleagues.map((c) => c.id)).toEqual([nurse.session.user.id]);
    expect((await nurse.request('GET', `/api/sites/${otherSite.id}/colleagues`)).statusCode).toBe(403);
    expect((await nurse.request('GET', `/api/sites/${foreignSite.id}/colleagues`)).statusCode).toBe(404);
  });
});
