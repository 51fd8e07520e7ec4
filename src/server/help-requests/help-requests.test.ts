import { describe, expect, it } from 'vitest';
import type { HelpReceipt, HelpRequestDetail, SenderView } from '../../domain/help-requests/schemas.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { helpLimits } from './limiter.js';
import { purgeClosedHelpRequests } from './retention.js';

const ADDRESS = '203.0.113.77';
const AGENT = 'Mozilla/5.0 (TestPhone; Silta-help-test-agent)';

async function world() {
  // Thursday before Easter 2026: Good Friday and Easter Monday are holidays.
  const h = await createHarness({ helpAnswerWorkingDays: 2, helpRequestRetentionDays: 90 });
  h.clock.set(new Date('2026-04-02T10:00:00Z'));
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const users = {
    counsellor: await makeUser(h, region.id, [{ role: 'professional', siteId: null }], 'social_worker'),
    coordinator: await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]),
    siteWorker: await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_instructor'),
    otherSiteWorker: await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker'),
  };
  return { h, region, site, users };
}

const send = (h: Harness, url: string, payload: object, address = ADDRESS) =>
  h.app.inject({ method: 'POST', url, payload, remoteAddress: address, headers: { 'user-agent': AGENT } });

async function rowsAsText(h: Harness): Promise<string> {
  return h.db.withRawSession(async (s) => {
    const tables = ['help_requests', 'help_request_messages', 'help_request_notes'];
    const out: unknown[] = [];
    for (const t of tables) out.push(await s.query(`select * from ${t}`));
    out.push(await s.query("select * from audit_log where resource_type = 'help_request'"));
    return JSON.stringify(out);
  });
}

describe(`ask for help on ${testEngine}`, () => {
  it('gives a receipt, lets the team reply, and the sender reads the reply with the code; no address or agent is stored', async () => {
    const { h, region, users } = await world();
    const sent = await send(h, '/api/public/help/requests', { regionId: region.id, message: 'Asunto menossa alta, mistä saan apua?', callbackPhone: '040 123 4567', language: 'fi' });
    expect(sent.statusCode).toBe(201);
    const receipt = sent.json<HelpReceipt>();
    // 2 working days from Thu 2.4.: Fri 3.4. and Mon 6.4. are holidays, so Tue 7.4. and Wed 8.4.
    expect(receipt).toMatchObject({ receivedOn: '2026-04-02', answerDueDay: '2026-04-08', answerWorkingDays: 2 });
    expect(receipt.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);

    const counsellor = await signIn(h, users.counsellor, '10.1.0.1');
    expect((await counsellor.request('GET', '/api/help-requests/counts')).json()).toEqual({ unassigned: 1, assignedToMe: 0, overdue: 0 });
    const inbox = (await counsellor.request('GET', '/api/help-requests')).json<{ requests: { id: string; excerpt: string }[] }>().requests;
    expect(inbox).toHaveLength(1);
    const id = inbox[0]!.id;
    expect((await counsellor.request('GET', `/api/help-requests/${id}`)).json<HelpRequestDetail>()).toMatchObject({ status: 'new', callbackPhone: '040 123 4567', isOverdue: false });
    // A professional of a site sees nothing until the request is assigned to them.
    const siteWorker = await signIn(h, users.siteWorker, '10.1.0.2');
    expect((await siteWorker.request('GET', `/api/help-requests/${id}`)).statusCode).toBe(404);
    expect((await siteWorker.request('GET', '/api/help-requests')).json()).toEqual({ requests: [] });

    const assigned = await counsellor.request('PATCH', `/api/help-requests/${id}`, { assigneeId: users.siteWorker.id });
    expect(assigned.json<HelpRequestDetail>()).toMatchObject({ status: 'in_progress', assignee: { id: users.siteWorker.id } });
    expect((await siteWorker.request('GET', '/api/help-requests/counts')).json()).toMatchObject({ assignedToMe: 1 });
    expect((await siteWorker.request('POST', `/api/help-requests/${id}/notes`, { text: 'Soitan iltapäivällä.' })).statusCode).toBe(201);
    const replied = await siteWorker.request('POST', `/api/help-requests/${id}/replies`, { text: 'Hei! Soitamme sinulle huomenna kello 10.' });
    expect(replied.json<HelpRequestDetail>()).toMatchObject({ status: 'waiting_for_sender', firstReplyAt: '2026-04-02T10:00:00.000Z' });

    // The sender comes back with the code, typed in lower case without dashes: the reply, no note, no staff name.
    const opened = await send(h, '/api/public/help/requests/open', { code: receipt.code.toLowerCase().replaceAll('-', '') });
    expect(opened.statusCode).toBe(200);
    const view = opened.json<SenderView>();
    expect(view.messages.map((m) => [m.from, m.text])).toEqual([['sender', 'Asunto menossa alta, mistä saan apua?'], ['staff', 'Hei! Soitamme sinulle huomenna kello 10.']]);
    expect(opened.body).not.toContain('Soitan iltapäivällä');
    expect(opened.body).not.toContain(users.siteWorker.username);
    const answered = await send(h, '/api/public/help/requests/reply', { code: receipt.code, message: 'Kiitos, sopii.' });
    expect(answered.json<SenderView>()).toMatchObject({ status: 'in_progress' });

    // Every staff read and every step is audited by id; the sender's rows have no actor.
    const audit = await h.db.withRawSession((s) => s.query<{ action: string; actor_id: string | null }>("select action, actor_id from audit_log where resource_type = 'help_request' order by id"));
    expect(audit.map((a) => a.action)).toEqual([
      'help_request.received', 'help_request.listed', 'help_request.read', 'help_request.listed', 'help_request.updated', 'help_request.noted',
      'help_request.replied', 'help_request.opened_by_sender', 'help_request.sender_replied',
    ]);
    const bySender = new Set(['help_request.received', 'help_request.opened_by_sender', 'help_request.sender_replied']);
    expect(audit.filter((a) => bySender.has(a.action)).every((a) => a.actor_id === null)).toBe(true);
    expect(audit.filter((a) => !bySender.has(a.action)).every((a) => a.actor_id !== null)).toBe(true);

    // Database check: no network address and no browser agent anywhere in what the channel stored.
    const stored = await rowsAsText(h);
    expect(stored).toContain('Asunto menossa alta');
    expect(stored).not.toContain(ADDRESS);
    expect(stored).not.toContain('TestPhone');
    const columns = await h.db.withRawSession((s) => s.query<{ column_name: string }>("select column_name from information_schema.columns where table_name like 'help_request%'"));
    expect(columns.map((c) => c.column_name).filter((c) => /ip|addr|agent|device|email/.test(c))).toEqual([]);
  });

  it('throttles wrong codes and floods from one address, in memory', async () => {
    const { h, region } = await world();
    const receipt = (await send(h, '/api/public/help/requests', { regionId: region.id, message: 'Apua', callbackPhone: null, language: 'sv' }, '10.9.9.9')).json<HelpReceipt>();
    for (let i = 0; i < helpLimits.wrongCodes.limit; i++) {
      expect((await send(h, '/api/public/help/requests/open', { code: 'AAAA-BBBB-CCCC-DDDD-EEEE' })).statusCode).toBe(404);
    }
    // Now even the right code waits: the address is throttled, not the code.
    const throttled = await send(h, '/api/public/help/requests/open', { code: receipt.code });
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect((await send(h, '/api/public/help/requests/open', { code: receipt.code }, '10.9.9.10')).statusCode).toBe(200);
    h.clock.advance(helpLimits.wrongCodes.windowMs + 1000);
    expect((await send(h, '/api/public/help/requests/open', { code: receipt.code })).statusCode).toBe(200);

    const body = { regionId: region.id, message: 'Apua', callbackPhone: null, language: 'fi' };
    for (let i = 0; i < helpLimits.submissions.limit; i++) expect((await send(h, '/api/public/help/requests', body, '10.7.7.7')).statusCode).toBe(201);
    expect((await send(h, '/api/public/help/requests', body, '10.7.7.7')).statusCode).toBe(429);
    expect((await send(h, '/api/public/help/requests', body, '10.7.7.8')).statusCode).toBe(201);
  });

  it('turns a request into a client contact with the person\'s consent, and purges closed requests after the retention time, audited', async () => {
    const { h, region, site, users } = await world();
    const receipt = (await send(h, '/api/public/help/requests', { regionId: region.id, message: 'Tarvitsen tukea arkeen.', callbackPhone: '0401234567', language: 'fi' })).json<HelpReceipt>();
    const coordinator = await signIn(h, users.coordinator, '10.1.0.3');
    const id = (await coordinator.request('GET', '/api/help-requests')).json<{ requests: { id: string }[] }>().requests[0]!.id;
    const body = { siteId: site.id, name: 'Matti Meikäläinen', consent: true, isStatutoryGroup: false, preferredLanguage: 'fi', existingClientsChecked: true };
    // The coordinator keeps no social-welfare register: registering a client is not theirs.
    expect((await coordinator.request('POST', `/api/help-requests/${id}/client`, body)).statusCode).toBe(403);
    const counsellor = await signIn(h, users.counsellor, '10.1.0.4');
    // Without consent nothing is made.
    expect((await counsellor.request('POST', `/api/help-requests/${id}/client`, { ...body, consent: false })).statusCode).toBe(400);
    // The counsellor works region-wide and may register at the site.
    const made = await counsellor.request('POST', `/api/help-requests/${id}/client`, body);
    expect(made.statusCode).toBe(201);
    const { clientId, request } = made.json<{ clientId: string; request: HelpRequestDetail }>();
    expect(request).toMatchObject({ clientId, consentRecordedAt: '2026-04-02T10:00:00.000Z' });
    const process = await h.db.withRawSession((s) => s.query<{ contact_source: string; need: string }>('select contact_source, need from client_processes where client_id = $1', [clientId]));
    expect(process).toEqual([{ contact_source: 'ask_for_help', need: 'Tarvitsen tukea arkeen.' }]);
    expect((await counsellor.request('POST', `/api/help-requests/${id}/client`, body)).statusCode).toBe(409);

    expect((await counsellor.request('PATCH', `/api/help-requests/${id}`, { status: 'closed' })).json<HelpRequestDetail>()).toMatchObject({ status: 'closed' });
    expect((await send(h, '/api/public/help/requests/reply', { code: receipt.code, message: 'Vielä yksi asia' })).statusCode).toBe(409);
    h.clock.advance(89 * 86_400_000);
    expect(await purgeClosedHelpRequests(h.deps)).toBe(0);
    h.clock.advance(2 * 86_400_000);
    expect(await purgeClosedHelpRequests(h.deps)).toBe(1);
    const left = await h.db.withRawSession(async (s) => ({
      requests: (await s.query('select id from help_requests')).length,
      messages: (await s.query('select id from help_request_messages')).length,
      purge: await s.query<{ details: { ids: string[]; keptDays: number } }>("select details from audit_log where action = 'retention.help_requests_purged'"),
      client: (await s.query('select id from clients where id = $1', [clientId])).length,
    }));
    expect(left).toMatchObject({ requests: 0, messages: 0, client: 1 });
    expect(left.purge.map((p) => p.details)).toMatchObject([{ ids: [id], keptDays: 90 }]);
    // The code opens nothing any more.
    expect((await send(h, '/api/public/help/requests/open', { code: receipt.code }, '10.2.2.2')).statusCode).toBe(404);
  });
});
