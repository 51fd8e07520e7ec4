import { describe, expect, it } from 'vitest';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { seedDefaultFeedbackForms } from './seed.js';

type Item = { id: string; kind: string; text: { fi: string; sv: string } };
type Opened = { ticket: string; form: { id: string; version: number; items: Item[]; locales: string[] } };

async function setUp(h: Harness) {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  await seedDefaultFeedbackForms(h.db.orm, h.deps.ids, region.id, h.clock.now());
  const coordinatorUser = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
  const staffUser = await makeUser(h, region.id, [{ role: 'daycentre_staff', siteId: site.id }]);
  const coordinator = await signIn(h, coordinatorUser);
  const staff = await signIn(h, staffUser);
  const forms = (await staff.request('GET', '/api/feedback/forms')).json<{ forms: { id: string; templateKey: string }[] }>().forms;
  const formId = (key: string) => forms.find((f) => f.templateKey === key)!.id;
  return { region, site, coordinator, coordinatorUser, staff, staffUser, formId };
}

const rows = (h: Harness, sql: string, params: unknown[] = []) => h.db.withRawSession((s) => s.query<Record<string, unknown>>(sql, params));

async function openLink(h: Harness, token: string, headers: Record<string, string> = {}) {
  return h.app.inject({ method: 'POST', url: `/api/public/feedback/links/${token}/open`, headers, remoteAddress: '203.0.113.9' });
}
async function submit(h: Harness, body: object, headers: Record<string, string> = {}) {
  return h.app.inject({ method: 'POST', url: '/api/public/feedback/responses', payload: body, headers, remoteAddress: '203.0.113.9' });
}

describe(`feedback on ${testEngine}`, () => {
  it('seeds the five template forms with the pilot wording in fi, sv and en', async () => {
    const h = await createHarness();
    const { staff, formId } = await setUp(h);
    const keys = ['pilot_meeting', 'pilot_group', 'staff_outreach', 'staff_daycentre', 'referral_follow_up'];
    for (const key of keys) expect(formId(key)).toBeTruthy();
    const group = (await staff.request('GET', `/api/feedback/forms/${formId('pilot_group')}`)).json();
    expect(group.current.items.map((i: Item) => i.text.fi)).toEqual([
      'Sain ryhmästä tietoa ja tukea arkeeni', 'Ryhmästä oli minulle hyötyä', 'Aihe oli mielenkiintoinen', 'Ryhmän vetäjät olivat ystävällisiä ja kiinnostuneita',
      'Koin ryhmätoiminnan ilmapiirin turvalliseksi ja ystävälliseksi', 'Kokemus- ja vertaistoimijan läsnäolo oli tärkeää', 'Suosittelisitko ryhmää muille?',
    ]);
    expect(group.current.items[6]).toMatchObject({ kind: 'recommendation', scaleMin: 1 });
    expect(group.current.locales).toEqual(['fi', 'sv', 'en']);
    const meeting = (await staff.request('GET', `/api/feedback/forms/${formId('pilot_meeting')}`)).json();
    expect(meeting.current.items).toHaveLength(9);
    expect(meeting.current.items[0].text.fi).toBe('Sain apua tästä tapaamisesta');
  });

  it('makes a new version when a form with answers is edited; old answers still report against the old wording', async () => {
    const h = await createHarness();
    const { site, coordinator, staff, formId } = await setUp(h);
    const form = formId('pilot_meeting');
    const link = (await staff.request('POST', '/api/feedback/links', { formId: form, context: { siteId: site.id } })).json<{ token: string }>();
    const opened = (await openLink(h, link.token)).json<Opened>();
    expect((await submit(h, { ticket: opened.ticket, locale: 'fi', answers: [{ itemId: opened.form.items[0]!.id, score: 5 }] })).statusCode).toBe(201);

    const current = (await coordinator.request('GET', `/api/feedback/forms/${form}`)).json();
    const items = current.current.items.map((i: Item & { allowsNotApplicable: boolean }) => ({ kind: i.kind, text: i.text, allowsNotApplicable: i.allowsNotApplicable }));
    items[0].text = { fi: 'Sain tapaamisesta apua asiaani', sv: 'Jag fick hjälp med mitt ärende', en: 'I got help with my matter' };
    const edited = await coordinator.request('PUT', `/api/feedback/forms/${form}/content`, { name: current.current.name, intro: current.current.intro, items });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ isNewVersion: true, form: { current: { version: 2 } } });
    // Version 2 has no answers yet: a second edit rewrites it instead of making a third.
    const again = await coordinator.request('PUT', `/api/feedback/forms/${form}/content`, { name: current.current.name, items: items.slice(0, 3) });
    expect(again.json()).toMatchObject({ isNewVersion: false, form: { current: { version: 2 } } });

    const next = (await openLink(h, link.token)).json<Opened>();
    expect(next.form.version).toBe(2);
    await submit(h, { ticket: next.ticket, locale: 'fi', answers: [{ itemId: next.form.items[0]!.id, score: 2 }] });

    const results = (await coordinator.request('GET', `/api/feedback/forms/${form}/results?siteId=${site.id}`)).json();
    expect(results.responses).toBe(2);
    expect(results.versions.map((v: { version: number; responses: number }) => [v.version, v.responses])).toEqual([[1, 1], [2, 1]]);
    expect(results.versions[0].items[0]).toMatchObject({ text: { fi: 'Sain apua tästä tapaamisesta' }, n: 1, mean: 5 });
    expect(results.versions[0].items).toHaveLength(9);
    expect(results.versions[1].items[0]).toMatchObject({ text: { fi: 'Sain tapaamisesta apua asiaani' }, n: 1, mean: 2 });

    // The database itself refuses to change an answered version, whatever the application does.
    await expect(rows(h, `update feedback_items set text_fi = 'muutettu' where id = $1`, [opened.form.items[0]!.id])).rejects.toThrow(/has answers/);
    await expect(rows(h, `update feedback_form_versions set name_fi = 'muutettu' where id = $1`, [opened.form.id])).rejects.toThrow(/has answers/);
  });

  it('stores no IP address, user agent, user or time finer than the day with a response (checked on the database)', async () => {
    const h = await createHarness();
    const { site, staff, staffUser, coordinatorUser, formId } = await setUp(h);
    const form = formId('pilot_group');
    const link = (await staff.request('POST', '/api/feedback/links', { formId: form, context: { siteId: site.id } })).json<{ token: string }>();
    const agent = { 'user-agent': 'SiltaTestAgent/1.0 (tablet)', 'x-forwarded-for': '198.51.100.7' };
    const opened = (await openLink(h, link.token, agent)).json<Opened>();
    const sent = await submit(h, { ticket: opened.ticket, locale: 'sv', answers: [{ itemId: opened.form.items[0]!.id, score: 4 }, { itemId: opened.form.items[6]!.id, score: 9 }] }, agent);
    expect(sent.statusCode).toBe(201);
    const paper = await staff.request('POST', `/api/feedback/forms/${form}/paper`, { context: { siteId: site.id }, submittedOn: '2026-01-14', responses: [{ answers: [{ itemId: opened.form.items[1]!.id, notApplicable: true }] }] });
    expect(paper.statusCode, paper.body).toBe(201);

    const columns = await rows(h, `select table_name, column_name, data_type from information_schema.columns where table_name in ('feedback_responses', 'feedback_answers') order by table_name, ordinal_position`);
    expect(columns.map((c) => `${String(c.table_name)}.${String(c.column_name)}`)).toEqual([
      'feedback_answers.response_id', 'feedback_answers.item_id', 'feedback_answers.score', 'feedback_answers.is_not_applicable', 'feedback_answers.choices', 'feedback_answers.text_value',
      'feedback_responses.id', 'feedback_responses.region_id', 'feedback_responses.site_id', 'feedback_responses.form_version_id', 'feedback_responses.outreach_session_id',
      'feedback_responses.group_session_id', 'feedback_responses.channel', 'feedback_responses.locale', 'feedback_responses.submitted_on',
    ]);
    expect(columns.filter((c) => String(c.data_type).startsWith('timestamp') || String(c.data_type).startsWith('time '))).toEqual([]);

    const responses = await rows(h, `select id::text, channel, locale, submitted_on::text as day from feedback_responses order by channel`);
    expect(responses.map((r) => [r.channel, r.locale, r.day])).toEqual([['link', 'sv', '2026-01-15'], ['paper', 'fi', '2026-01-14']]);
    // Random ids (version 4): a UUIDv7 would carry the submission time in its first 48 bits.
    for (const r of responses) expect(String(r.id)[14]).toBe('4');
    const everything = JSON.stringify([responses, await rows(h, 'select * from feedback_answers')]);
    for (const secret of ['203.0.113.9', '198.51.100.7', 'SiltaTestAgent', staffUser.id, coordinatorUser.id]) expect(everything).not.toContain(secret);
    // The ticket is spent and gone; no audit row points at a response.
    expect(await rows(h, 'select * from feedback_openings')).toEqual([]);
    const audited = await rows(h, 'select resource_id from audit_log where resource_id = any($1)', [responses.map((r) => r.id)]);
    expect(audited).toEqual([]);
  });

  it('needs the PIN to leave kiosk mode; the staff session on the tablet ends when the kiosk starts', async () => {
    const h = await createHarness();
    const { site, staff, formId } = await setUp(h);
    const unlocked = await staff.request('POST', '/api/feedback/kiosks', { formId: formId('pilot_group'), context: { siteId: site.id }, pin: '4812' });
    expect(unlocked.statusCode, unlocked.body).toBe(201);
    const { kioskToken, kiosk } = unlocked.json<{ kioskToken: string; kiosk: { id: string } }>();
    expect((await staff.request('GET', '/api/auth/me')).statusCode).toBe(401);

    const kioskCall = (url: string, payload: object) => h.app.inject({ method: 'POST', url, payload });
    const opened = (await kioskCall('/api/public/kiosk/open', { kioskToken })).json<Opened>();
    const answers = [{ itemId: opened.form.items[4]!.id, score: 5 }];
    expect((await kioskCall('/api/public/feedback/responses', { ticket: opened.ticket, locale: 'sv', answers })).statusCode).toBe(201);
    // One submission per reset: the same sheet cannot be sent twice.
    expect((await kioskCall('/api/public/feedback/responses', { ticket: opened.ticket, locale: 'sv', answers })).statusCode).toBe(409);

    const wrong = await kioskCall('/api/public/kiosk/leave', { kioskToken, pin: '0000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect((await kioskCall('/api/public/kiosk/open', { kioskToken })).statusCode).toBe(200);
    expect((await kioskCall('/api/public/kiosk/leave', { kioskToken, pin: '4812' })).statusCode).toBe(204);
    expect((await kioskCall('/api/public/kiosk/open', { kioskToken })).statusCode).toBe(410);
    const audit = await rows(h, 'select action from audit_log where resource_id = $1 order by id', [kiosk.id]);
    expect(audit.map((r) => r.action)).toEqual(['feedback.kiosk_unlocked', 'feedback.kiosk_left']);
  });

  it('stops guessing the kiosk PIN after five tries', async () => {
    const h = await createHarness();
    const { site, staff, formId } = await setUp(h);
    const { kioskToken } = (await staff.request('POST', '/api/feedback/kiosks', { formId: formId('pilot_group'), context: { siteId: site.id }, pin: '4812' })).json<{ kioskToken: string }>();
    const leave = (pin: string) => h.app.inject({ method: 'POST', url: '/api/public/kiosk/leave', payload: { kioskToken, pin } });
    for (const pin of ['1111', '2222', '3333', '4444', '5555']) expect((await leave(pin)).statusCode).toBe(401);
    expect((await leave('4812')).statusCode).toBe(429);
    h.clock.advance(16 * 60_000);
    expect((await leave('4812')).statusCode).toBe(204);
  });

  it('accepts one submission per link opening and counts a link’s openings per day', async () => {
    const h = await createHarness();
    const { site, staff, staffUser, formId } = await setUp(h);
    const link = (await staff.request('POST', '/api/feedback/links', { formId: formId('referral_follow_up'), context: { siteId: site.id } })).json<{ id: string; token: string; path: string }>();
    expect(link.path).toBe(`/f/${link.token}`);
    const opened = (await openLink(h, link.token)).json<Opened>();
    const body = { ticket: opened.ticket, locale: 'en', answers: [{ itemId: opened.form.items[0]!.id, choices: ['not_yet'] }] };
    expect((await submit(h, body)).statusCode).toBe(201);
    expect((await submit(h, body)).statusCode).toBe(409);
    expect((await submit(h, { ...body, ticket: 'x'.repeat(43) })).statusCode).toBe(409);
    // A wrong answer leaves the ticket usable for a corrected sheet.
    const second = (await openLink(h, link.token)).json<Opened>();
    expect((await submit(h, { ...body, ticket: second.ticket, answers: [{ itemId: second.form.items[0]!.id, choices: ['maybe'] }] })).statusCode).toBe(400);
    expect((await submit(h, { ...body, ticket: second.ticket })).statusCode).toBe(201);

    // Two openings so far today; the count starts afresh the next day (the quota's alarm: flood.test.ts).
    expect(await rows(h, 'select opened_on::text as day, openings from feedback_links where id = $1', [link.id])).toEqual([{ day: '2026-01-15', openings: 2 }]);
    h.clock.advance(24 * 3_600_000);
    expect((await openLink(h, link.token)).statusCode).toBe(200);
    expect(await rows(h, 'select opened_on::text as day, openings from feedback_links where id = $1', [link.id])).toEqual([{ day: '2026-01-16', openings: 1 }]);

    // A day later the staff session has expired: sign in again to close the link.
    const closer = await signIn(h, staffUser);
    expect((await closer.request('POST', `/api/feedback/links/${link.id}/close`)).statusCode).toBe(200);
    expect((await openLink(h, link.token)).statusCode).toBe(410);
  });

  it('reports the response rate against group attendance, and lists open answers only to permitted staff (audited)', async () => {
    const h = await createHarness();
    const { site, coordinator, staff, formId } = await setUp(h);
    const series = (await coordinator.request('POST', `/api/sites/${site.id}/group-series`, { name: 'Porinapirtti', weekday: 3, startsAt: '12:00', endsAt: '13:30', startsOn: '2026-01-14', endsOn: '2026-01-14' })).json();
    const groupSessionId = series.sessions[0].id;
    await staff.request('PUT', `/api/group-sessions/${groupSessionId}/attendance`, { counters: { total: 8, returning: 5, new: 3 } });
    const staffForm = formId('staff_outreach');
    const visitorForm = formId('pilot_group');
    const kiosk = (await staff.request('POST', '/api/feedback/kiosks', { formId: visitorForm, context: { siteId: site.id, groupSessionId }, pin: '1234' })).json<{ kioskToken: string }>();
    for (const score of [5, 3]) {
      const opened = (await h.app.inject({ method: 'POST', url: '/api/public/kiosk/open', payload: kiosk }).then((r) => r.json<Opened>()));
      await submit(h, { ticket: opened.ticket, locale: 'fi', answers: [{ itemId: opened.form.items[0]!.id, score }, { itemId: opened.form.items[6]!.id, score: score * 2 }] });
    }
    const staffAgain = await signIn(h, (await makeUser(h, site.regionId, [{ role: 'daycentre_staff', siteId: site.id }])));
    const results = (await staffAgain.request('GET', `/api/feedback/forms/${visitorForm}/results?groupSessionId=${groupSessionId}`)).json();
    expect(results).toMatchObject({ responses: 2, byChannel: { kiosk: 2, link: 0, paper: 0 }, peopleMet: { basis: 'group_attendance', count: 8 }, responseRate: 0.25 });
    expect(results.versions[0].items[0]).toMatchObject({ n: 2, shareAgreeing: 0.5, mean: 4 });
    expect(results.versions[0].items[6]).toMatchObject({ kind: 'recommendation', n: 2, mean: 8 });

    const openItem = (await staffAgain.request('GET', `/api/feedback/forms/${staffForm}`)).json().current.items[4];
    await staffAgain.request('POST', `/api/feedback/forms/${staffForm}/paper`, { context: { siteId: site.id }, submittedOn: '2026-01-15', responses: [{ answers: [{ itemId: openItem.id, text: 'Yhteistyö sujui' }] }] });
    const forStaff = (await staffAgain.request('GET', `/api/feedback/forms/${staffForm}/results?siteId=${site.id}`)).json();
    expect(forStaff).toMatchObject({ includesOpenAnswers: false, peopleMet: null, responseRate: null });
    expect(forStaff.versions[0].items[4]).toMatchObject({ n: 1, answers: null });
    const forCoordinator = (await coordinator.request('GET', `/api/feedback/forms/${staffForm}/results?siteId=${site.id}`)).json();
    expect(forCoordinator.versions[0].items[4]).toMatchObject({ n: 1, answers: ['Yhteistyö sujui'] });
    const audit = await rows(h, `select action, details from audit_log where action = 'feedback.open_answers_read'`);
    expect(audit).toEqual([{ action: 'feedback.open_answers_read', details: { count: 1 } }]);
  });
});
