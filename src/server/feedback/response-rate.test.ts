import { describe, expect, it } from 'vitest';
import { encounterBody, professionalAt, record, setUpOutreach } from '../encounters/test-support.js';
import { makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { seedDefaultFeedbackForms } from './seed.js';

type Opened = { ticket: string; form: { items: { id: string }[] } };

describe(`the feedback response rate on ${testEngine}`, () => {
  it('divides by the meetings at the sites where the form was in use, and says so', async () => {
    const o = await setUpOutreach();
    const { h } = o;
    const other = await makeSite(h, o.regionId);
    const nurseThere = await professionalAt(h, o.regionId, other.id, 'nurse');
    await seedDefaultFeedbackForms(h.db.orm, h.deps.ids, o.regionId, h.clock.now());
    for (let i = 0; i < 3; i++) await record(o.nurse, encounterBody(o));
    // Five meetings at a site that never offered the form: they are no one the form could have asked.
    for (let i = 0; i < 5; i++) await record(nurseThere, { ...encounterBody(o), siteId: other.id });
    const coordinator = await signIn(h, await makeUser(h, o.regionId, [{ role: 'coordinator', siteId: null }]));
    const forms = (await coordinator.request('GET', '/api/feedback/forms')).json<{ forms: { id: string; templateKey: string }[] }>().forms;
    const formId = forms.find((f) => f.templateKey === 'pilot_meeting')!.id;
    const link = (await coordinator.request('POST', '/api/feedback/links', { formId, context: { siteId: o.siteId } })).json<{ token: string }>();
    const opened = (await h.app.inject({ method: 'POST', url: `/api/public/feedback/links/${link.token}/open`, remoteAddress: '203.0.113.9' })).json<Opened>();
    const sent = await h.app.inject({ method: 'POST', url: '/api/public/feedback/responses', payload: { ticket: opened.ticket, locale: 'fi', answers: [{ itemId: opened.form.items[0]!.id, score: 4 }] }, remoteAddress: '203.0.113.9' });
    expect(sent.statusCode).toBe(201);

    const regionWide = (await coordinator.request('GET', `/api/feedback/forms/${formId}/results`)).json();
    expect(regionWide).toMatchObject({ responses: 1, peopleMet: { basis: 'meetings', count: 3, siteCount: 1 } });
    expect(regionWide.responseRate).toBeCloseTo(1 / 3, 10);
    // A site chosen by the reader: its own meetings, whatever the form's use elsewhere.
    const atOther = (await coordinator.request('GET', `/api/feedback/forms/${formId}/results?siteId=${other.id}`)).json();
    expect(atOther).toMatchObject({ responses: 0, peopleMet: { basis: 'meetings', count: 5, siteCount: null }, responseRate: 0 });
  }, 120_000);
});
