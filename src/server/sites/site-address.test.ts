import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeUser, signIn, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

type SiteJson = { id: string; name: string; slug: string; nameTranslations: Record<string, string>; rooms: string[]; roomTranslations: Record<string, Record<string, string>> };
type ErrorJson = { error: { code: string; message: string; details?: { field: string; reason: string } } };

const site = (regionId: string, name: string, extra: object = {}) => ({ regionId, name, kind: 'day_centre', ...extra });

async function admin(h: Harness, regionId: string) {
  return signIn(h, await makeUser(h, regionId, [{ role: 'administrator', siteId: null }]));
}

const publicPage = (h: Harness, url: string) => h.app.inject({ method: 'GET', url });

describe(`short public addresses of sites on ${testEngine}`, () => {
  it('are suggested from the name with ä, ö and å transliterated, and stay unique across regions', async () => {
    const h = await createHarness();
    const lapland = await makeRegion(h);
    const other = await makeRegion(h);
    const ours = await admin(h, lapland.id);
    const theirs = await admin(h, other.id);
    const kemi = (await ours.request('POST', '/api/sites', site(lapland.id, 'Kemin Päiväkeskus'))).json<SiteJson>();
    expect(kemi.slug).toBe('kemin-paivakeskus');
    expect((await ours.request('POST', '/api/sites', site(lapland.id, 'Åbo – Östra  torget!'))).json<SiteJson>().slug).toBe('abo-ostra-torget');
    // The typed address carries no region, so another region's site of the same name gets another address.
    const second = await theirs.request('POST', '/api/sites', site(other.id, 'Kemin päiväkeskus'));
    expect(second.statusCode).toBe(201);
    expect(second.json<SiteJson>().slug).toBe('kemin-paivakeskus-2');
  });

  it('may be chosen by the administrator: lower-cased, refused when malformed (400) or taken (409), the change audited', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const other = await makeRegion(h);
    const a = await admin(h, region.id);
    const created = await a.request('POST', '/api/sites', site(region.id, 'Rovaniemen päiväkeskus', { slug: ' Rovaniemi ' }));
    expect(created.statusCode).toBe(201);
    const rovaniemi = created.json<SiteJson>();
    expect(rovaniemi.slug).toBe('rovaniemi');

    for (const bad of ['ro vaniemi', '-rovaniemi', 'rovaniemi-', 'rova--niemi', 'päivä', 'r', 'x'.repeat(61), 'a/b']) {
      const refused = await a.request('POST', '/api/sites', site(region.id, `Bad ${bad}`, { slug: bad }));
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json<ErrorJson>().error).toMatchObject({ code: 'bad_request', details: { field: 'slug', reason: 'format' } });
    }
    // Taken in another region is taken all the same.
    const foreign = await admin(h, other.id);
    const taken = await foreign.request('POST', '/api/sites', site(other.id, 'Toinen', { slug: 'rovaniemi' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json<ErrorJson>().error).toMatchObject({ code: 'conflict', details: { field: 'slug', reason: 'taken' } });
    expect(taken.json<ErrorJson>().error.message).toContain('/s/rovaniemi');

    const kemi = (await a.request('POST', '/api/sites', site(region.id, 'Kemi'))).json<SiteJson>();
    const clash = await a.request('PATCH', `/api/sites/${kemi.id}`, { slug: 'rovaniemi' });
    expect(clash.statusCode).toBe(409);
    // Saving a site with its own address is not a clash.
    expect((await a.request('PATCH', `/api/sites/${rovaniemi.id}`, { slug: 'rovaniemi', address: 'Rovakatu 1' })).statusCode).toBe(200);
    const moved = await a.request('PATCH', `/api/sites/${kemi.id}`, { slug: 'kemi-paivakeskus' });
    expect(moved.json<SiteJson>().slug).toBe('kemi-paivakeskus');
    const audit = await h.db.withRawSession((s) => s.query<{ action: string; details: { fields: string[]; slugBefore?: string; slug?: string } }>('select action, details from audit_log where resource_id = $1 order by id', [kemi.id]));
    expect(audit.map((r) => r.action)).toEqual(['site.created', 'site.updated']);
    expect(audit[1]!.details).toMatchObject({ fields: ['slug'], slugBefore: 'kemi', slug: 'kemi-paivakeskus' });
  });

  it('find the public page by the short address, and the old UUID link answers the same', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const a = await admin(h, region.id);
    const created = (await a.request('POST', '/api/sites', site(region.id, 'Rovaniemen päiväkeskus', { slug: 'rovaniemi', address: 'Rovakatu 1' }))).json<SiteJson>();
    const bySlug = await publicPage(h, '/api/public/addresses/rovaniemi/announcements');
    expect(bySlug.statusCode).toBe(200);
    expect(bySlug.json().site).toMatchObject({ id: created.id, name: 'Rovaniemen päiväkeskus', slug: 'rovaniemi', address: 'Rovakatu 1' });
    const byId = await publicPage(h, `/api/public/sites/${created.id}/announcements`);
    expect(byId.statusCode).toBe(200);
    expect(byId.json()).toEqual(bySlug.json());
    // Typed with capitals, it is the same address.
    expect((await publicPage(h, '/api/public/addresses/Rovaniemi/announcements')).json().site.id).toBe(created.id);
    const unknown = await publicPage(h, '/api/public/addresses/kemi/announcements');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ErrorJson>().error.code).toBe('not_found');
    expect((await publicPage(h, '/api/public/addresses/no%20such/announcements')).statusCode).toBe(400);
    // A closed site has no public page under either address.
    await a.request('PATCH', `/api/sites/${created.id}`, { isActive: false });
    expect((await publicPage(h, '/api/public/addresses/rovaniemi/announcements')).statusCode).toBe(404);
    expect((await publicPage(h, `/api/public/sites/${created.id}/announcements`)).statusCode).toBe(404);
  });

  it('are filled from the name for a site inserted without one, by the rule the migration used', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const rows = await h.db.withRawSession(async (s) => {
      const insert = `insert into sites (id, region_id, name, kind, created_at, updated_at) values (gen_random_uuid(), $1, $2, 'other', now(), now()) returning slug`;
      const first = await s.query<{ slug: string }>(insert, [region.id, 'Sodankylän kirkko']);
      const second = await s.query<{ slug: string }>(insert, [region.id, 'SODANKYLÄN KIRKKO ']);
      const odd = await s.query<{ slug: string }>(insert, [region.id, '!!!']);
      const [base] = await s.query<{ base: string }>(`select site_slug_base('Ylitornion Ämmänpirtti – Övre Åsen') as base`);
      return { first: first[0]!.slug, second: second[0]!.slug, odd: odd[0]!.slug, base: base!.base };
    });
    expect(rows).toEqual({ first: 'sodankylan-kirkko', second: 'sodankylan-kirkko-2', odd: 'paikka', base: 'ylitornion-ammanpirtti-ovre-asen' });
  });
});
