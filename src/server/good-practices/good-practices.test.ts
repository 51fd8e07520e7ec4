import { describe, expect, it } from 'vitest';
import { goodPracticeQuestions, type GoodPracticeView, type PublicGoodPractice } from '../../domain/good-practices.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { goodPracticeBody } from './test-support.js';

describe(`good practices on ${testEngine}`, () => {
  it('keeps the seven questions verbatim, links a pilot and services, and is public only when the coordinator publishes it', async () => {
    expect(goodPracticeQuestions.map((q) => q.fi)).toEqual([
      'Kertokaa toimintamallista lyhyesti', 'Mitkä ovat toimintamallin edut?', 'Mitkä ovat toimintamallin haasteet?', 'Miten malli toimisi maakunnallisesti?',
      'Mitä aikuissosiaalityössä pitäisi parantaa/muuttaa?', 'Kerro asiakasesimerkki mallin toimimisesta', 'Miten toimintamalli tukee asiakastyöskentelyä?',
    ]);
    const h = await createHarness();
    const [region, other] = [await makeRegion(h), await makeRegion(h)];
    const site = await makeSite(h, region.id);
    const coordinator = await signIn(h, await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]), '10.3.0.1');
    const manager = await signIn(h, await makeUser(h, region.id, [{ role: 'manager', siteId: null }]), '10.3.0.2');
    const pilot = (await coordinator.request('POST', '/api/pilots', { name: 'Mylly-kokeilu', siteIds: [site.id], startsOn: '2025-09-01', endsOn: '2025-12-31', serviceIds: [], professionalIds: [] })).json<{ id: string; services: unknown[] }>();
    const services = await h.db.withRawSession((s) => s.query<{ id: string; region_id: string }>('select id, region_id from services where region_id in ($1, $2) order by code', [region.id, other.id]));
    const own = services.filter((s) => s.region_id === region.id).slice(0, 2).map((s) => s.id);
    const foreign = services.find((s) => s.region_id === other.id)!.id;

    expect((await coordinator.request('POST', '/api/good-practices', goodPracticeBody('Mylly', { serviceIds: [foreign] }))).statusCode).toBe(400);
    const created = await coordinator.request('POST', '/api/good-practices', goodPracticeBody('Mylly', { pilotId: pilot.id, serviceIds: own, figures: [{ label: 'Käyntejä kokeilun aikana', value: '120' }] }));
    expect(created.statusCode).toBe(201);
    const practice = created.json<GoodPracticeView>();
    expect(practice).toMatchObject({ status: 'draft', pilot: { name: 'Mylly-kokeilu', startsOn: '2025-09-01' }, serviceIds: own });
    expect((await h.app.inject({ method: 'GET', url: `/api/public/good-practices/${practice.id}` })).statusCode).toBe(404);
    expect((await manager.request('POST', `/api/good-practices/${practice.id}/publish`, { published: true })).statusCode).toBe(403);
    expect((await manager.request('GET', `/api/good-practices/${practice.id}`)).statusCode).toBe(200);

    expect((await coordinator.request('POST', `/api/good-practices/${practice.id}/publish`, { published: true })).json()).toMatchObject({ status: 'published' });
    const page = await h.app.inject({ method: 'GET', url: `/api/public/good-practices?regionId=${region.id}` });
    const [shown] = page.json<{ practices: PublicGoodPractice[] }>().practices;
    expect(shown).toMatchObject({ title: 'Mylly', figures: [{ label: 'Käyntejä kokeilun aikana', value: '120' }], pilot: { name: 'Mylly-kokeilu' } });
    expect(Object.keys(shown!.answers)).toEqual(goodPracticeQuestions.map((q) => q.key));
    expect(shown!.services).toHaveLength(2);
    expect((await h.app.inject({ method: 'GET', url: `/api/public/good-practices?regionId=${other.id}` })).json()).toEqual({ practices: [] });

    await coordinator.request('POST', `/api/good-practices/${practice.id}/publish`, { published: false });
    expect((await h.app.inject({ method: 'GET', url: `/api/public/good-practices/${practice.id}` })).statusCode).toBe(404);
    const audit = await h.db.withRawSession((s) => s.query<{ action: string }>("select action from audit_log where resource_type = 'good_practice' order by id"));
    expect(audit.map((a) => a.action)).toEqual(['good_practice.created', 'good_practice.published', 'good_practice.unpublished']);
  });
});
