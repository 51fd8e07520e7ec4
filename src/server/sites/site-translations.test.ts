import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

type SiteJson = { id: string; nameTranslations: Record<string, string>; rooms: string[]; roomTranslations: Record<string, Record<string, string>> };

describe(`site, room and note texts in Swedish and English on ${testEngine}`, () => {
  it('are kept beside the Finnish ones, empty versions dropped, renamed rooms losing theirs, every change audited', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const admin = await signIn(h, await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]));
    const created = await admin.request('POST', '/api/sites', {
      regionId: region.id, name: 'Rovaniemen päiväkeskus', kind: 'day_centre', rooms: ['Olohuone', 'Ryhmätila'],
      nameTranslations: { sv: ' Rovaniemi dagcenter ', en: '' },
      roomTranslations: { Olohuone: { sv: 'Vardagsrum', en: 'Living room' }, Sauna: { sv: 'Bastu' } },
    });
    expect(created.statusCode).toBe(201);
    const site = created.json<SiteJson>();
    expect(site.nameTranslations).toEqual({ sv: 'Rovaniemi dagcenter' });
    expect(site.roomTranslations).toEqual({ Olohuone: { sv: 'Vardagsrum', en: 'Living room' } }); // no room called Sauna

    // A name change leaves the translations alone; a new room list keeps the rooms that stay.
    const renamed = await admin.request('PATCH', `/api/sites/${site.id}`, { name: 'Päiväkeskus Rovaniemi', rooms: ['Olohuone', 'Keittiö'] });
    expect(renamed.json<SiteJson>()).toMatchObject({ nameTranslations: { sv: 'Rovaniemi dagcenter' }, roomTranslations: { Olohuone: { sv: 'Vardagsrum', en: 'Living room' } } });
    const moreRooms = await admin.request('PATCH', `/api/sites/${site.id}`, { nameTranslations: { sv: 'Dagcenter Rovaniemi', en: 'Rovaniemi day centre' }, roomTranslations: { Keittiö: { en: 'Kitchen' } } });
    expect(moreRooms.json<SiteJson>()).toMatchObject({ nameTranslations: { sv: 'Dagcenter Rovaniemi', en: 'Rovaniemi day centre' }, roomTranslations: { Keittiö: { en: 'Kitchen' } } });
    const refused = await admin.request('PATCH', `/api/sites/${site.id}`, { nameTranslations: { de: 'Tageszentrum' } });
    expect(refused.statusCode).toBe(400);

    const audit = await h.db.withRawSession((s) => s.query<{ action: string; details: { fields: string[] } }>('select action, details from audit_log where resource_id = $1 order by id', [site.id]));
    expect(audit.map((r) => [r.action, r.details?.fields ?? null])).toEqual([
      ['site.created', null],
      ['site.updated', ['name', 'rooms']],
      ['site.updated', ['nameTranslations', 'roomTranslations']],
    ]);
  });

  it('reach the public page: site name, rooms, session notes and group descriptions, Finnish where none was written', async () => {
    const h = await createHarness(); // the test clock's today is 15.1.2026
    const region = await makeRegion(h);
    const admin = await signIn(h, await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]));
    const coordinator = await signIn(h, await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]));
    const site = (await admin.request('POST', '/api/sites', {
      regionId: region.id, name: 'Kemin päiväkeskus', kind: 'day_centre', slug: 'kemi', rooms: ['Olohuone', 'Keittiö'],
      nameTranslations: { sv: 'Kemi dagcenter' }, roomTranslations: { Olohuone: { sv: 'Vardagsrum', en: 'Living room' } },
    })).json<SiteJson>();
    const planned = await coordinator.request('POST', `/api/sites/${site.id}/sessions`, {
      recurrence: 'one_off', startsOn: '2026-01-20', startsAt: '10:00', endsAt: '12:00', room: 'Olohuone',
      publicNote: 'Ota Kela-kortti mukaan.', publicNoteTranslations: { sv: 'Ta med FPA-kortet.', en: '' },
    });
    expect(planned.statusCode).toBe(201);
    const session = planned.json<{ sessions: { id: string; publicNoteTranslations: object }[] }>().sessions[0]!;
    expect(session.publicNoteTranslations).toEqual({ sv: 'Ta med FPA-kortet.' });
    const edited = await coordinator.request('PATCH', `/api/sessions/${session.id}`, { publicNoteTranslations: { sv: 'Ta med FPA-kortet.', en: 'Bring your Kela card.' } });
    expect(edited.json()).toMatchObject({ publicNote: 'Ota Kela-kortti mukaan.', publicNoteTranslations: { sv: 'Ta med FPA-kortet.', en: 'Bring your Kela card.' } });
    const sessionAudit = await h.db.withRawSession((s) => s.query<{ details: { fields: string[] } }>(`select details from audit_log where resource_id = $1 and action = 'session.updated'`, [session.id]));
    expect(sessionAudit.map((r) => r.details.fields)).toEqual([['publicNoteTranslations']]);

    const series = await coordinator.request('POST', `/api/sites/${site.id}/group-series`, {
      name: 'Porinapirtti', description: 'Avoin keskusteluryhmä', descriptionTranslations: { en: 'An open discussion group' }, room: 'Keittiö',
      weekday: 3, startsAt: '12:00', endsAt: '13:30', startsOn: '2026-01-21', endsOn: '2026-01-28',
    });
    expect(series.statusCode).toBe(201);
    const seriesId = series.json<{ id: string }>().id;
    const seriesEdit = await coordinator.request('PATCH', `/api/group-series/${seriesId}`, { descriptionTranslations: { sv: 'En öppen diskussionsgrupp', en: 'An open discussion group' } });
    expect(seriesEdit.json()).toMatchObject({ descriptionTranslations: { sv: 'En öppen diskussionsgrupp', en: 'An open discussion group' } });

    const page = (await h.app.inject({ method: 'GET', url: '/api/public/addresses/kemi/announcements' })).json();
    expect(page.site).toMatchObject({ name: 'Kemin päiväkeskus', slug: 'kemi', nameTranslations: { sv: 'Kemi dagcenter' } });
    expect(page.sessions).toEqual([expect.objectContaining({
      room: 'Olohuone', roomTranslations: { sv: 'Vardagsrum', en: 'Living room' },
      publicNote: 'Ota Kela-kortti mukaan.', publicNoteTranslations: { sv: 'Ta med FPA-kortet.', en: 'Bring your Kela card.' },
    })]);
    expect(page.groups).toHaveLength(2);
    expect(page.groups[0]).toMatchObject({ room: 'Keittiö', roomTranslations: {}, description: 'Avoin keskusteluryhmä', descriptionTranslations: { sv: 'En öppen diskussionsgrupp', en: 'An open discussion group' } });
    const groupAudit = await h.db.withRawSession((s) => s.query<{ details: { fields: string[] } }>(`select details from audit_log where resource_id = $1 and action = 'group_series.updated'`, [seriesId]));
    expect(groupAudit.map((r) => r.details.fields)).toEqual([['descriptionTranslations']]);
  });
});
