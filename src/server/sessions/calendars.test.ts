import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Client, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

const plan = (startsOn: string, professionals: string[], extra: object = {}) => ({
  recurrence: 'one_off', startsOn, startsAt: '10:00', endsAt: '14:00', professionals: professionals.map((userId) => ({ userId })), ...extra,
});

async function schedule(client: Client, siteId: string, body: object): Promise<string> {
  const response = await client.request('POST', `/api/sites/${siteId}/sessions`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ sessions: { id: string }[] }>().sessions[0]!.id;
}

const publicPage = (h: Harness, siteId: string, query = '') => h.app.inject({ method: 'GET', url: `/api/public/sites/${siteId}/announcements${query}` });

describe(`session calendars and the public page on ${testEngine}`, () => {
  it('shows a professional the sessions they are listed in, at every site, within the range', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const centre = await makeSite(h, region.id);
    const parish = await makeSite(h, region.id);
    const coordinator = await signIn(h, await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]));
    const nurse = await makeUser(h, region.id, [{ role: 'professional', siteId: centre.id }, { role: 'professional', siteId: parish.id }], 'nurse');
    const colleague = await makeUser(h, region.id, [{ role: 'professional', siteId: null }], 'social_worker');
    const atCentre = await schedule(coordinator, centre.id, plan('2026-02-04', [nurse.id, colleague.id]));
    const atParish = await schedule(coordinator, parish.id, plan('2026-02-02', [nurse.id], { startsAt: '13:00', endsAt: '15:00' }));
    await schedule(coordinator, centre.id, plan('2026-02-05', [colleague.id]));
    await schedule(coordinator, centre.id, plan('2026-03-04', [nurse.id]));

    const mine = await (await signIn(h, nurse)).request('GET', '/api/sessions/mine?from=2026-02-01&to=2026-02-28');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().sessions.map((s: { id: string; siteId: string }) => [s.id, s.siteId])).toEqual([[atParish, parish.id], [atCentre, centre.id]]);
    const theirs = await (await signIn(h, colleague)).request('GET', '/api/sessions/mine?from=2026-02-01&to=2026-02-28');
    expect(theirs.json().sessions.map((s: { day: string }) => s.day)).toEqual(['2026-02-04', '2026-02-05']);
  });

  it('shows visitors, without sign-in, only announced, uncancelled, coming sessions, with professions and no names', async () => {
    const h = await createHarness();
    // 22:30 UTC on 10 March is already 11 March in Helsinki: the 10th has passed. (Set before signing in: sessions expire.)
    h.clock.set(new Date('2026-03-10T22:30:00Z'));
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id, `Päiväkeskus ${Math.random()}`);
    const coordinator = await signIn(h, await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]));
    const nurse = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse');
    const socialWorker = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker');
    await schedule(coordinator, site.id, plan('2026-03-10', [nurse.id]));
    await schedule(coordinator, site.id, plan('2026-03-11', [socialWorker.id, nurse.id], { room: 'Olohuone', publicNote: 'Tule juttelemaan' }));
    await schedule(coordinator, site.id, plan('2026-03-12', [nurse.id], { isAnnounced: false }));
    const cancelled = await schedule(coordinator, site.id, plan('2026-03-13', [nurse.id]));
    expect((await coordinator.request('PATCH', `/api/sessions/${cancelled}`, { isCancelled: true })).statusCode).toBe(200);
    await schedule(coordinator, site.id, plan('2026-05-09', [socialWorker.id]));
    await schedule(coordinator, site.id, plan('2026-05-10', [socialWorker.id]));

    const page = await publicPage(h, site.id);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual({
      site: { id: site.id, name: site.name, address: '', slug: site.slug, nameTranslations: {} },
      sessions: [
        { day: '2026-03-11', startsAt: '10:00', endsAt: '14:00', room: 'Olohuone', kind: 'reception', publicNote: 'Tule juttelemaan', professions: ['nurse', 'social_worker'], roomTranslations: {}, publicNoteTranslations: {} },
        // 60 days from 11 March run to 9 May, included.
        { day: '2026-05-09', startsAt: '10:00', endsAt: '14:00', room: '', kind: 'reception', publicNote: '', professions: ['social_worker'], roomTranslations: {}, publicNoteTranslations: {} },
      ],
      groups: [],
    });
    expect(page.body).not.toContain(nurse.username);
    expect(page.body).not.toContain('Test ');
    expect((await publicPage(h, site.id, '?from=2026-01-01&to=2026-03-11')).json().sessions.map((s: { day: string }) => s.day)).toEqual(['2026-03-11']);
    expect((await publicPage(h, site.id, '?from=2026-05-10')).json().sessions.map((s: { day: string }) => s.day)).toEqual(['2026-05-10']);
    expect((await publicPage(h, site.id, '?from=2026-03-11&to=2026-07-09')).statusCode).toBe(400);
  });

  it('answers 404 on the public page for an unknown or inactive site', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const admin = await signIn(h, await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]));
    expect((await publicPage(h, site.id)).statusCode).toBe(200);
    expect((await admin.request('PATCH', `/api/sites/${site.id}`, { isActive: false })).statusCode).toBe(200);
    expect((await publicPage(h, site.id)).statusCode).toBe(404);
    expect((await publicPage(h, '0190a5d0-0000-7000-8000-000000000000')).json().error.code).toBe('not_found');
  });

  it('lets a nurse manage only her own site’s sessions (403 elsewhere) and hides other regions’ (404)', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const siteA = await makeSite(h, region.id);
    const siteB = await makeSite(h, region.id);
    const coordinator = await signIn(h, await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]));
    const nurseA = await signIn(h, await makeUser(h, region.id, [{ role: 'professional', siteId: siteA.id }], 'nurse'));
    const sessionB = await schedule(coordinator, siteB.id, plan('2026-02-04', []));
    expect((await nurseA.request('POST', `/api/sites/${siteB.id}/sessions`, plan('2026-02-05', []))).statusCode).toBe(403);
    expect((await nurseA.request('PATCH', `/api/sessions/${sessionB}`, { isCancelled: true })).statusCode).toBe(403);
    expect((await nurseA.request('GET', `/api/sessions/${sessionB}`)).statusCode).toBe(403);
    expect((await nurseA.request('GET', `/api/sites/${siteB.id}/sessions`)).statusCode).toBe(403);

    const other = await makeRegion(h);
    const foreigner = await signIn(h, await makeUser(h, other.id, [{ role: 'coordinator', siteId: null }]));
    expect((await foreigner.request('GET', `/api/sessions/${sessionB}`)).statusCode).toBe(404);
    expect((await foreigner.request('PATCH', `/api/sessions/${sessionB}`, { isCancelled: true })).statusCode).toBe(404);
    expect((await foreigner.request('POST', `/api/sites/${siteB.id}/sessions`, plan('2026-02-05', []))).statusCode).toBe(404);
    expect((await foreigner.request('GET', `/api/sites/${siteB.id}/sessions`)).statusCode).toBe(404);
    expect((await coordinator.request('GET', `/api/sessions/${sessionB}`)).json().isCancelled).toBe(false);
  });
});
