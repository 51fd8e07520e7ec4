import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { municipalities } from '../db/schema.js';
import { createHarness, makeRegion, makeUser, signIn, type Client, type Harness, type TestUser } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import type { TrayServiceDetail } from '../../domain/services/views.js';
import { completeContent, insertOrganization, unitOfUser } from './test-support.js';
import { ptvFromContent, ptvItemsOf, ptvFileSchema } from './ptv.js';
import { serviceOrganizations } from '../db/schema-services.js';
import { eq } from 'drizzle-orm';

const YEAR = 366 * 24 * 60 * 60 * 1000;
const hsdsSchema = JSON.parse(readFileSync(new URL('./hsds-schema/hsds-3.0.schema.json', import.meta.url), 'utf8')) as object;
const ptvFixture = JSON.parse(readFileSync(new URL('./fixtures/ptv-services-v11.json', import.meta.url), 'utf8')) as unknown;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addSchema(hsdsSchema, 'hsds');
  return (definition: string, value: unknown) => {
    const validate = ajv.getSchema(`hsds#/definitions/${definition}`)!;
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${definition}${e.instancePath} ${e.message ?? ''}`);
  };
}

type World = { h: Harness; regionId: string; users: Record<'colleague' | 'outsider', TestUser>; owner: Client; colleague: Client; otherUnit: Client; manager: Client; organiserId: string };

async function world(): Promise<World> {
  const h = await createHarness();
  const region = await makeRegion(h);
  await h.db.orm.insert(municipalities).values(['678', '791'].map((code) => ({ code, regionId: region.id, nameFi: code === '678' ? 'Raahe' : 'Siikajoki', nameSv: code === '678' ? 'Brahestad' : 'Siikajoki', nameEn: code === '678' ? 'Raahe' : 'Siikajoki', isActive: true, createdAt: h.clock.now(), updatedAt: h.clock.now() }))).onConflictDoNothing();
  const coordinator = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
  const colleague = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
  const outsider = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
  const manager = await makeUser(h, region.id, [{ role: 'manager', siteId: null }]);
  const unit = await unitOfUser(h.deps, coordinator.id);
  await h.db.withRawSession((s) => s.query('update users set unit_id = $1 where id = any($2)', [unit, [colleague.id, manager.id]]));
  await unitOfUser(h.deps, outsider.id);
  return {
    h,
    regionId: region.id,
    users: { colleague, outsider },
    owner: await signIn(h, coordinator, '10.60.0.1'),
    colleague: await signIn(h, colleague, '10.60.0.2'),
    otherUnit: await signIn(h, outsider, '10.60.0.3'),
    manager: await signIn(h, manager, '10.60.0.4'),
    organiserId: await insertOrganization(h.deps, region.id, 'Raahen seudun hyvinvointikuntayhtymä'),
  };
}

describe(`the service tray on ${testEngine}`, () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  async function publishedService(): Promise<TrayServiceDetail> {
    const created = await w.owner.request('POST', '/api/tray/services', { content: completeContent(w.organiserId, { access: { howToGetIn: { fi: 'Tule paikalle.' }, selfReferral: true, allMunicipalities: false, municipalityCodes: ['678', '791'] } }) });
    expect(created.statusCode, created.body).toBe(201);
    const published = await w.owner.request('POST', `/api/tray/services/${created.json<TrayServiceDetail>().id}/publish`, { version: 1 });
    expect(published.statusCode, published.body).toBe(200);
    return published.json<TrayServiceDetail>();
  }

  it('drafts, refuses to publish without the nine fields, publishes, versions and archives', async () => {
    const created = await w.owner.request('POST', '/api/tray/services', { content: { names: { fi: 'Asumisneuvonta' }, categories: ['rehabilitation_guidance'] } });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json<TrayServiceDetail>();
    expect(draft).toMatchObject({ status: 'draft', currentVersion: 1, publishedVersion: null, canEdit: true, missingForPublication: [1, 2, 3, 4, 5, 6, 7, 8, 9] });

    const early = await w.owner.request('POST', `/api/tray/services/${draft.id}/publish`, { version: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json<{ error: { details: { missing: number[] } } }>().error.details.missing).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);

    // A colleague of the owning unit completes it; a stale base version is a conflict.
    const content = completeContent(w.organiserId, { names: { fi: 'Asumisneuvonta' }, categories: ['rehabilitation_guidance'] });
    expect((await w.colleague.request('PUT', `/api/tray/services/${draft.id}/draft`, { content, baseVersion: 0 })).statusCode).toBe(409);
    const saved = await w.colleague.request('PUT', `/api/tray/services/${draft.id}/draft`, { content, baseVersion: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<TrayServiceDetail>()).toMatchObject({ currentVersion: 2, missingForPublication: [] });

    // Another unit's coordinator may read but not change it.
    expect((await w.otherUnit.request('GET', `/api/tray/services/${draft.id}`)).json<TrayServiceDetail>().canEdit).toBe(false);
    expect((await w.otherUnit.request('PUT', `/api/tray/services/${draft.id}/draft`, { content, baseVersion: 2 })).statusCode).toBe(403);
    expect((await w.otherUnit.request('POST', `/api/tray/services/${draft.id}/publish`, { version: 2 })).statusCode).toBe(403);

    const published = await w.owner.request('POST', `/api/tray/services/${draft.id}/publish`, { version: 2 });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<TrayServiceDetail>()).toMatchObject({ status: 'published', publishedVersion: 2, checkedOn: '2026-01-15', reviewDueOn: '2027-01-15' });
    expect((await w.h.app.inject({ url: `/palvelut/${draft.id}` })).statusCode).toBe(200);

    // Editing a published service keeps the published version public until the next publication.
    const edited = await w.owner.request('PUT', `/api/tray/services/${draft.id}/draft`, { content: { ...content, goal: { fi: 'Luonnosteksti' } }, baseVersion: 2 });
    expect(edited.json<TrayServiceDetail>()).toMatchObject({ status: 'published', currentVersion: 3, publishedVersion: 2 });
    expect((await w.h.app.inject({ url: `/palvelut/${draft.id}` })).body).not.toContain('Luonnosteksti');
    expect(edited.json<TrayServiceDetail>().versions.map((v) => [v.version, v.publishedAt !== null])).toEqual([[3, false], [2, true], [1, false]]);
    const old = await w.otherUnit.request('GET', `/api/tray/services/${draft.id}/versions/1`);
    expect(old.json<{ content: { names: { fi: string } } }>().content.names.fi).toBe('Asumisneuvonta');

    // The responsible person may be handed the service by a manager of it, across units.
    const handed = await w.manager.request('PATCH', `/api/tray/services/${draft.id}/editorial`, { responsibleUserId: (await w.otherUnit.request('GET', '/api/auth/me')).json<{ user: { id: string } }>().user.id });
    expect(handed.statusCode, handed.body).toBe(200);
    expect((await w.otherUnit.request('GET', `/api/tray/services/${draft.id}`)).json<TrayServiceDetail>().canEdit).toBe(true);

    const archived = await w.owner.request('POST', `/api/tray/services/${draft.id}/archive`);
    expect(archived.json<TrayServiceDetail>().status).toBe('archived');
    expect((await w.h.app.inject({ url: `/palvelut/${draft.id}` })).statusCode).toBe(404);
    expect((await w.h.app.inject({ url: `/api/public/hsds/services/${draft.id}` })).statusCode).toBe(404);
    expect((await w.owner.request('POST', `/api/tray/services/${draft.id}/publish`, { version: 3 })).statusCode).toBe(409);
  });

  it('is a referral target once published, under the same id', async () => {
    const service = await publishedService();
    const targets = (await w.owner.request('GET', '/api/services')).json<{ services: { id: string; isActive: boolean; names: { fi: string } }[] }>().services;
    expect(targets.find((s) => s.id === service.id)).toMatchObject({ isActive: true, names: { fi: 'Matalan kynnyksen olohuone' } });
  });

  it('lists a published service past its review day for its unit, not for another unit, and a review clears it', async () => {
    const service = await publishedService();
    w.h.clock.advance(YEAR);
    try {
      // A year later the sessions have long expired: sign in again.
      const colleague = await signIn(w.h, w.users.colleague, '10.60.1.1');
      const otherUnit = await signIn(w.h, w.users.outsider, '10.60.1.2');
      const overdue = (client: Client) => client.request('GET', '/api/tray/services/overdue').then((r) => r.json<{ services: { id: string }[] }>().services.map((s) => s.id));
      expect(await overdue(colleague)).toContain(service.id);
      expect(await overdue(otherUnit)).not.toContain(service.id);
      const reviewed = await colleague.request('POST', `/api/tray/services/${service.id}/review`, {});
      expect(reviewed.statusCode, reviewed.body).toBe(200);
      expect(await overdue(colleague)).not.toContain(service.id);
      const page = (await w.h.app.inject({ url: `/palvelut/${service.id}?lang=en` })).body;
      expect(page).toMatch(/Checked on [^<]*2027[^<]* by Yksikkö/);
    } finally {
      w.h.clock.advance(-YEAR);
      // Back in the past, the first sessions are alive again; the later ones are not used.
    }
  });

  it('answers HSDS 3.0 that validates against the schema written from the specification, paged, by language and modified_after', async () => {
    const service = await publishedService();
    const check = validator();
    const errors: string[] = [];
    const pages = ['services', 'organizations', 'locations', 'service_at_locations', 'taxonomies', 'taxonomy_terms'] as const;
    for (const kind of pages) {
      const response = await w.h.app.inject({ url: `/api/public/hsds/${kind}?per_page=100` });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<{ contents: { id: string }[] }>();
      expect(page.contents.length, kind).toBeGreaterThan(0);
      errors.push(...check(`${kind.replace(/s$/, '').replace(/ie$/, 'y')}_page`, page));
      const one = await w.h.app.inject({ url: `/api/public/hsds/${kind}/${page.contents[0]!.id}` });
      expect(one.statusCode, `${kind} ${one.body}`).toBe(200);
      errors.push(...check(kind.replace(/s$/, '').replace(/ie$/, 'y'), one.json()));
    }
    expect(errors).toEqual([]);
    // The validation can fail: an object without its required name does.
    expect(check('service', { id: service.id, status: 'active' })).not.toEqual([]);

    const sv = (await w.h.app.inject({ url: `/api/public/hsds/services/${service.id}?lang=sv` })).json<{ name: string; description: string; service_areas: { name: string }[]; attributes: { taxonomy_term: { code: string } }[] }>();
    expect(sv.name).toBe('Lågtröskelvardagsrum');
    expect(sv.service_areas.map((a) => a.name)).toEqual(['Brahestad', 'Siikajoki']);
    expect(sv.attributes.map((a) => a.taxonomy_term.code)).toEqual(['group_activity']);
    expect((await w.h.app.inject({ url: `/api/public/hsds/services/${service.id}` })).json<{ name: string }>().name).toBe('Matalan kynnyksen olohuone');

    const paged = (await w.h.app.inject({ url: '/api/public/hsds/services?per_page=1&page=2' })).json<{ total_items: number; page_number: number; size: number; contents: unknown[]; first_page: boolean }>();
    expect(paged).toMatchObject({ page_number: 2, size: 1, first_page: false });
    expect(paged.total_items).toBeGreaterThanOrEqual(2);
    expect(paged.contents).toHaveLength(1);

    // Later than anything published here (the overdue test reviewed one a year ahead).
    const later = new Date(w.h.clock.now().getTime() + 2 * YEAR).toISOString();
    expect((await w.h.app.inject({ url: `/api/public/hsds/services?modified_after=${encodeURIComponent(later)}` })).json<{ total_items: number }>().total_items).toBe(0);
    const earlier = new Date(w.h.clock.now().getTime() - 1000).toISOString();
    expect((await w.h.app.inject({ url: `/api/public/hsds/services?modified_after=${encodeURIComponent(earlier)}` })).json<{ total_items: number }>().total_items).toBeGreaterThan(0);
    expect((await w.h.app.inject({ url: '/api/public/hsds/services?modified_after=yesterday' })).statusCode).toBe(400);
  });

  it('imports a PTV v11 file as drafts, and the imported fields go back out as they came (round trip)', async () => {
    const response = await w.owner.request('POST', '/api/tray/import/ptv', ptvFixture);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<{ created: string[]; updated: string[]; organizationsCreated: number; skipped: { ptvId: string; reason: string }[] }>();
    expect(result.created).toHaveLength(2);
    expect(result.organizationsCreated).toBe(3);
    expect(result.skipped).toEqual([{ ptvId: '5b0d3a6e-2f7c-4b1e-9a41-0c6d2e8f1a03', reason: 'not_published' }]);

    const organizations = await w.h.db.orm.select().from(serviceOrganizations).where(eq(serviceOrganizations.regionId, w.regionId));
    const ptvIdOf = (id: string) => organizations.find((o) => o.id === id)?.ptvId ?? null;
    const source = ptvItemsOf(ptvFileSchema.parse(ptvFixture)).filter((s) => s.publishingStatus === 'Published');
    for (const [i, id] of result.created.entries()) {
      const detail = (await w.owner.request('GET', `/api/tray/services/${id}`)).json<TrayServiceDetail>();
      expect(detail.status).toBe('draft');
      const item = source[i]!;
      const back = ptvFromContent(item.id, detail.content as never, ptvIdOf);
      const typed = (type: string) => item.serviceDescriptions.filter((d) => d.type === type).map((d) => ({ language: d.language, value: d.value, type }));
      expect(back).toEqual({
        id: item.id,
        serviceNames: item.serviceNames.filter((n) => n.type === 'Name').map((n) => ({ language: n.language, value: n.value, type: 'Name' })),
        serviceDescriptions: [...typed('Description'), ...typed('UserInstruction')],
        requirements: item.requirements.map((r) => ({ language: r.language, value: r.value })),
        areaType: item.areaType,
        municipalityCodes: item.areas.flatMap((a) => a.municipalities.map((m) => m.code)).sort(),
        organizations: item.organizations.map((o) => ({ roleType: o.roleType, organizationId: o.organization!.id })),
      });
    }
    // Importing the same file again changes nothing.
    const again = (await w.owner.request('POST', '/api/tray/import/ptv', ptvFixture)).json<{ created: string[]; updated: string[]; skipped: { reason: string }[] }>();
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.skipped.map((s) => s.reason).sort()).toEqual(['not_published', 'unchanged', 'unchanged']);
  });

  it('serves the catalogue as plain HTML without scripts, small, in three languages, and never a draft', async () => {
    const service = await publishedService();
    const front = await w.h.app.inject({ url: '/palvelut' });
    expect(front.statusCode).toBe(200);
    expect(front.headers['content-type']).toContain('text/html');
    expect(front.body).toContain('<html lang="fi">');
    const page = await w.h.app.inject({ url: `/palvelut/${service.id}?lang=sv` });
    expect(page.body).toContain('<html lang="sv">');
    expect(page.body).toContain('Lågtröskelvardagsrum');
    expect(page.body).not.toMatch(/<script/i);
    expect(Buffer.byteLength(page.body)).toBeLessThan(60 * 1024);
    for (const field of ['Tjänst och kontaktuppgifter', 'Anordnare', 'Beskrivning', 'Tillgänglighet', 'Målgrupp', 'Arbetsformer', 'Verksamhetsprinciper', 'Mål', 'Resultat och verkningsfullhet', 'Inga uppgifter ännu.']) {
      expect(page.body).toContain(field);
    }
    const search = await w.h.app.inject({ url: '/palvelut/haku?q=olohuone' });
    expect(search.body).toContain(`/palvelut/${service.id}`);
    expect((await w.h.app.inject({ url: '/palvelut/luokka/group_activity' })).body).toContain(`/palvelut/${service.id}`);
    const draft = (await w.owner.request('POST', '/api/tray/services', { content: { names: { fi: 'Salainen luonnos' }, categories: ['group_activity'] } })).json<TrayServiceDetail>();
    expect((await w.h.app.inject({ url: `/palvelut/${draft.id}` })).statusCode).toBe(404);
    expect((await w.h.app.inject({ url: '/palvelut/haku?q=Salainen' })).body).not.toContain(draft.id);
    // Bad input: answered as a page, never an error of the server.
    for (const url of ['/palvelut/luokka/nope', '/palvelut/not-a-uuid', `/palvelut/${'x'.repeat(70)}`, '/palvelut/haku?q=%25%5F', `/palvelut/haku?q=${'a'.repeat(300)}`, '/palvelut?lang=de']) {
      const response = await w.h.app.inject({ url });
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.headers['content-type'], url).toContain('text/html');
    }
  });
});
