import { describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../domain/clients/schemas.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Client, type Harness, type TestUser } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { clientBody, madeUpIdentityCode } from './test-support.js';

let addresses = 0;
const login = (h: Harness, user: TestUser) => signIn(h, user, `10.88.${Math.floor(++addresses / 250) % 250}.${addresses % 250}`);

async function setUp(h: Harness) {
  const [a, b] = [await makeRegion(h), await makeRegion(h)];
  const [a1, a2, b1] = [await makeSite(h, a.id), await makeSite(h, a.id), await makeSite(h, b.id)];
  const users = {
    worker: await makeUser(h, a.id, [{ role: 'professional', siteId: a1.id }], 'social_worker'),
    teamMember: await makeUser(h, a.id, [{ role: 'professional', siteId: a2.id }], 'nurse'),
    colleague: await makeUser(h, a.id, [{ role: 'professional', siteId: a1.id }], 'social_worker'),
    coordinator: await makeUser(h, a.id, [{ role: 'coordinator', siteId: null }]),
    administrator: await makeUser(h, a.id, [{ role: 'administrator', siteId: null }]),
    otherRegion: await makeUser(h, b.id, [{ role: 'professional', siteId: b1.id }], 'social_worker'),
  };
  const as = async (who: keyof typeof users): Promise<Client> => login(h, users[who]);
  await h.db.withRawSession((x) => x.query("insert into municipalities (code, region_id, name_fi, name_sv, name_en, created_at, updated_at) values ('091', $1, 'Helsinki', 'Helsingfors', 'Helsinki', now(), now())", [a.id]));
  return { regionId: a.id, a1: a1.id, a2: a2.id, b1: b1.id, users, as };
}

const count = async (h: Harness, table: string): Promise<number> =>
  Number((await h.db.withRawSession((s) => s.query<{ n: string }>(`select count(*)::text as n from ${table}`)))[0]!.n);
const auditOf = (h: Harness, action: string) =>
  h.db.withRawSession((s) => s.query<{ action: string; resource_id: string | null; details: Record<string, unknown>}>('select action, resource_id, details from audit_log where action = $1 order by id', [action]));

async function register(client: Client, body: unknown): Promise<ClientDetail> {
  const response = await client.request('POST', '/api/clients', body);
  if (response.statusCode !== 201) throw new Error(`register failed ${response.statusCode}: ${response.body}`);
  return response.json<ClientDetail>();
}

describe(`clients of the social-welfare register on ${testEngine}`, () => {
  it('shows a client to the own worker and the care team only: another worker of the site and another region get 404, the coordinator counts', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const worker = await s.as('worker');
    const code = madeUpIdentityCode('150398', 'Y', 241);
    const created = await register(worker, clientBody(s.a1, { name: 'Aino Esimerkki', identityCode: code, municipalityCode: '091' }));
    expect(created).toMatchObject({ register: 'social', identityCodeMasked: '150398Y****', municipalityCode: '091', process: { state: 'contact' } });
    expect(JSON.stringify(created)).not.toContain(code);
    const id = created.id;
    // The worker becomes own worker and puts a nurse of another site on the care team.
    expect((await worker.request('PATCH', `/api/clients/${id}`, { ownWorkerId: s.users.worker.id })).statusCode).toBe(200);
    const teamed = await worker.request('PUT', `/api/clients/${id}/care-team`, { memberIds: [s.users.teamMember.id] });
    expect(teamed.json<ClientDetail>().careTeam.map((m) => m.id)).toEqual([s.users.teamMember.id]);

    const answers: Record<string, number> = {};
    const listed: Record<string, boolean> = {};
    for (const who of ['worker', 'teamMember', 'colleague', 'coordinator', 'administrator', 'otherRegion'] as const) {
      const client = await s.as(who);
      answers[who] = (await client.request('GET', `/api/clients/${id}`)).statusCode;
      const list = await client.request('GET', '/api/clients');
      listed[who] = list.statusCode === 200 && list.json<{ clients: { id: string }[] }>().clients.some((c) => c.id === id);
      // Changing is refused the same way as reading: 404 for the unrelated, nothing learned about the id.
      if (who === 'colleague' || who === 'otherRegion') expect((await client.request('PATCH', `/api/clients/${id}`, { name: 'X' })).statusCode).toBe(404);
    }
    expect(answers).toEqual({ worker: 200, teamMember: 200, colleague: 404, coordinator: 403, administrator: 403, otherRegion: 404 });
    expect(listed).toEqual({ worker: true, teamMember: true, colleague: false, coordinator: false, administrator: false, otherRegion: false });
    // An id that does not exist answers exactly as an unrelated client does.
    const colleague = await s.as('colleague');
    const missing = await colleague.request('GET', '/api/clients/0190f000-0000-7000-8000-000000000000');
    const unrelated = await colleague.request('GET', `/api/clients/${id}`);
    expect([missing.statusCode, missing.json()]).toEqual([unrelated.statusCode, unrelated.json()]);

    // The coordinator sees counts of the region's open steps, no names or ids.
    const counts = await (await s.as('coordinator')).request('GET', '/api/clients/due-counts');
    expect(counts.statusCode).toBe(200);
    // A contact today: nothing is due soon or overdue yet, but every configured clock is listed.
    expect(counts.json<{ totals: { clockKey: string; overdue: number; dueSoon: number }[] }>().totals.map((t) => [t.clockKey, t.overdue, t.dueSoon])).toEqual([
      ['local_assessment_start', 0, 0], ['shl36_assessment_complete', 0, 0], ['shl36_assessment_start', 0, 0],
    ]);
    expect(counts.body).not.toContain(id);
    expect(counts.body).not.toContain('Aino');
    expect((await worker.request('GET', '/api/clients/due-counts')).statusCode).toBe(403);

    // Every person-level read and change is audited, with ids and never the name or the code.
    const reads = await auditOf(h, 'client.read');
    expect(reads.filter((r) => r.resource_id === id).length).toBeGreaterThanOrEqual(4);
    const everything = JSON.stringify(await h.db.withRawSession((q) => q.query("select action, resource_id, details from audit_log where resource_type = 'client'")));
    expect(everything).not.toContain('Aino');
    expect(everything).not.toContain(code);
    expect(everything).not.toContain('150398');
  }, 120_000);

  it('refuses a wrong identity code with 400 naming the problem, and a code already registered with 409; nothing is written', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const worker = await s.as('worker');
    const good = madeUpIdentityCode('010190', '-', 123);
    const wrong = `${good.slice(0, 10)}${good.endsWith('A') ? 'B' : 'A'}`;
    const before = { clients: await count(h, 'clients'), audit: await count(h, 'audit_log'), processes: await count(h, 'client_processes') };
    const refused = await worker.request('POST', '/api/clients', clientBody(s.a1, { identityCode: wrong }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({ error: { code: 'bad_request', message: expect.stringContaining('check character'), details: { field: 'identityCode', reason: 'checksum' } } });
    expect(refused.body).not.toContain(wrong);
    const century = await worker.request('POST', '/api/clients', clientBody(s.a1, { identityCode: good.replace('-', 'G') }));
    expect(century.json()).toMatchObject({ error: { details: { reason: 'century' } } });
    const lookup = await worker.request('POST', '/api/clients/lookup', { identityCode: wrong });
    expect(lookup.json()).toMatchObject({ error: { details: { field: 'identityCode', reason: 'checksum' } } });
    expect({ clients: await count(h, 'clients'), audit: await count(h, 'audit_log'), processes: await count(h, 'client_processes') }).toEqual(before);

    await register(worker, clientBody(s.a1, { identityCode: good }));
    const afterFirst = { clients: await count(h, 'clients'), audit: await count(h, 'audit_log'), team: await count(h, 'client_care_team'), deadlines: await count(h, 'client_process_deadlines') };
    const again = await worker.request('POST', '/api/clients', clientBody(s.a1, { identityCode: good.toLowerCase() }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { details: { field: 'identityCode', reason: 'existing_client' } } });
    // An unknown handler is refused inside the transaction, after the client row would have been checked.
    const badHandler = await worker.request('POST', '/api/clients', clientBody(s.a1, { contact: { handlerId: s.users.coordinator.id } }));
    expect(badHandler.statusCode).toBe(400);
    expect({ clients: await count(h, 'clients'), audit: await count(h, 'audit_log'), team: await count(h, 'client_care_team'), deadlines: await count(h, 'client_process_deadlines') }).toEqual(afterFirst);
    // A nurse keeps the health register: she does not register social-welfare clients.
    expect((await (await s.as('teamMember')).request('POST', '/api/clients', clientBody(s.a2))).statusCode).toBe(403);
  }, 120_000);

  it('finds an existing client by code or name for the check, with the own worker, and the id only for a client the caller works with', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const worker = await s.as('worker');
    const code = madeUpIdentityCode('240705', 'A', 77);
    const created = await register(worker, clientBody(s.a1, { name: 'Eero Esimerkki', identityCode: code }));
    await worker.request('PATCH', `/api/clients/${created.id}`, { ownWorkerId: s.users.worker.id });
    const byColleague = await (await s.as('colleague')).request('POST', '/api/clients/lookup', { identityCode: code });
    expect(byColleague.json()).toEqual({ matches: [{ matchedBy: 'identity_code', clientId: null, ownWorker: { id: s.users.worker.id, displayName: expect.any(String) }, hasOpenProcess: true }] });
    const byWorker = await worker.request('POST', '/api/clients/lookup', { name: 'eero esimerkki' });
    expect(byWorker.json()).toMatchObject({ matches: [{ matchedBy: 'name', clientId: created.id }] });
    const elsewhere = await (await s.as('otherRegion')).request('POST', '/api/clients/lookup', { identityCode: code });
    expect(elsewhere.json()).toEqual({ matches: [] });
    const looked = await auditOf(h, 'client.looked_up');
    expect(looked.map((r) => r.details.clientIds)).toEqual([[created.id], [created.id], []]);
  }, 120_000);

  it('records and revokes a consent, each audited; an external member reads only while the grant is in force', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const worker = await s.as('worker');
    const { id } = await register(worker, clientBody(s.a1));
    const memberId = '0190f000-0000-7000-8000-00000000abcd';
    const granted = await worker.request('POST', `/api/clients/${id}/consents`, { purpose: 'share_plan', grantee: { kind: 'external', id: memberId }, validFrom: '2026-01-15', validTo: '2026-06-30' });
    expect(granted.statusCode).toBe(201);
    const consent = granted.json<ClientDetail>().consents[0]!;
    expect(consent).toMatchObject({ purpose: 'share_plan', granteeKind: 'external', granteeId: memberId, isActive: true, revokedAt: null });

    // The rules, as the client's facts are loaded for a single read, and as the list's SQL compiles them.
    const { clientFacts, findClient } = await import('./repo.js');
    const { can } = await import('../../domain/policy/index.js');
    const external = { kind: 'external' as const, memberId, regionId: s.regionId, displayName: 'Tukihenkilö' };
    const facts = async () => clientFacts(h.db.orm, (await findClient(h.db.orm, id))!, '2026-01-15');
    expect(can(external, 'client.read', await facts())).toBe(true);

    const revoked = await worker.request('POST', `/api/clients/${id}/consents/${consent.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<ClientDetail>().consents[0]).toMatchObject({ isActive: false, revokedAt: expect.any(String) });
    expect(can(external, 'client.read', await facts())).toBe(false);
    expect((await worker.request('POST', `/api/clients/${id}/consents/${consent.id}/revoke`)).statusCode).toBe(409);
    expect((await (await s.as('colleague')).request('POST', `/api/clients/${id}/consents/${consent.id}/revoke`)).statusCode).toBe(404);

    expect(await auditOf(h, 'consent.granted')).toMatchObject([{ resource_id: id, details: { consentId: consent.id, purpose: 'share_plan', granteeKind: 'external', granteeId: memberId } }]);
    expect(await auditOf(h, 'consent.revoked')).toMatchObject([{ resource_id: id, details: { consentId: consent.id } }]);
  }, 120_000);

  it('links a visitor code under a consent from then on: encounters before the link stay anonymous', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const worker = await s.as('worker');
    const codeResponse = await worker.request('POST', `/api/sites/${s.a1}/visitor-codes`);
    expect(codeResponse.statusCode).toBe(201);
    const visitorCode = codeResponse.json<{ code: string }>().code;
    const encounter = async (client: Client) => {
      const { uuidv7 } = await import('uuidv7');
      const response = await client.request('POST', '/api/encounters', { id: uuidv7(), siteId: s.a1, occurredAt: h.clock.now().toISOString(), visitorCode, ageBand: '18_29', isUrgent: false });
      expect(response.statusCode, response.body).toBe(201);
    };
    await encounter(worker);
    await encounter(worker);
    h.clock.advance(60 * 60_000);
    const fresh = await s.as('worker');
    const { id } = await register(fresh, clientBody(s.a1));
    // Without a consent for it, no link.
    const shareConsent = (await fresh.request('POST', `/api/clients/${id}/consents`, { purpose: 'share_process', grantee: { kind: 'user', id: s.users.colleague.id }, validFrom: '2026-01-15' })).json<ClientDetail>().consents[0]!;
    const refused = await fresh.request('POST', `/api/clients/${id}/visitor-codes`, { code: visitorCode, consentId: shareConsent.id });
    expect(refused.statusCode).toBe(400);
    expect(await count(h, 'client_visitor_codes')).toBe(0);
    const linkConsent = (await fresh.request('POST', `/api/clients/${id}/consents`, { purpose: 'link_visitor_code', grantee: { kind: 'none' }, validFrom: '2026-01-15' })).json<ClientDetail>().consents.find((c) => c.purpose === 'link_visitor_code')!;
    const linked = await fresh.request('POST', `/api/clients/${id}/visitor-codes`, { code: visitorCode.toLowerCase(), consentId: linkConsent.id });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json<ClientDetail>()).toMatchObject({ visitorCodes: [{ code: visitorCode, linkedFrom: h.clock.now().toISOString() }], encountersSinceLinked: 0 });
    h.clock.advance(60_000);
    await encounter(await s.as('worker'));
    const after = await (await s.as('worker')).request('GET', `/api/clients/${id}`);
    expect(after.json<ClientDetail>().encountersSinceLinked).toBe(1);
    expect(await auditOf(h, 'client.visitor_code_linked')).toMatchObject([{ resource_id: id, details: { consentId: linkConsent.id } }]);
    // A code links to one client only.
    const other = await register(await s.as('worker'), clientBody(s.a1, { name: 'Toinen' }));
    const otherConsent = (await fresh.request('POST', `/api/clients/${other.id}/consents`, { purpose: 'link_visitor_code', grantee: { kind: 'none' }, validFrom: '2026-01-15' })).json<ClientDetail>().consents[0]!;
    expect((await fresh.request('POST', `/api/clients/${other.id}/visitor-codes`, { code: visitorCode, consentId: otherConsent.id })).statusCode).toBe(409);
  }, 120_000);

  it('runs the process with an injected clock: deadlines from a contact on Maundy Thursday, due soon and overdue, steps that meet them, refusals that write nothing', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    h.clock.set(new Date('2026-04-02T10:00:00+03:00'));
    const { id } = await register(await s.as('worker'), clientBody(s.a1, { contact: { isStatutoryGroup: true, source: 'notification' } }));
    await (await s.as('worker')).request('PATCH', `/api/clients/${id}`, { ownWorkerId: s.users.worker.id });

    h.clock.set(new Date('2026-04-14T09:00:00+03:00'));
    const worker = await s.as('worker');
    const due = await worker.request('GET', '/api/clients/due');
    expect(due.json()).toMatchObject({
      today: '2026-04-14',
      dueSoonDays: 2,
      items: [
        { clientId: id, name: 'Testi Asiakas', state: 'contact', deadline: { clockKey: 'local_assessment_start', basis: 'local', step: 'assessment_started', dueOn: '2026-04-09', metOn: null, status: 'overdue' } },
        { clientId: id, name: 'Testi Asiakas', state: 'contact', deadline: { clockKey: 'shl36_assessment_start', basis: 'statutory', step: 'assessment_started', dueOn: '2026-04-15', metOn: null, status: 'due_soon' } },
      ],
    });
    const counts = (await (await s.as('coordinator')).request('GET', '/api/clients/due-counts')).json<{ totals: unknown[] }>();
    expect(counts.totals).toEqual([
      { clockKey: 'local_assessment_start', basis: 'local', step: 'assessment_started', overdue: 1, dueSoon: 0 },
      { clockKey: 'shl36_assessment_complete', basis: 'statutory', step: 'assessment_completed', overdue: 0, dueSoon: 0 },
      { clockKey: 'shl36_assessment_start', basis: 'statutory', step: 'assessment_started', overdue: 0, dueSoon: 1 },
    ]);
    // The colleague at the same site sees none of it.
    expect((await (await s.as('colleague')).request('GET', '/api/clients/due')).json()).toMatchObject({ today: '2026-04-14', items: [] });

    // A step the process does not allow: 409, nothing written.
    const colleague = await s.as('colleague');
    const before = { audit: await count(h, 'audit_log'), events: await count(h, 'client_process_events') };
    const wrongStep = await worker.request('POST', `/api/clients/${id}/process/events`, { type: 'agree_plan' });
    expect(wrongStep.statusCode).toBe(409);
    expect(wrongStep.json()).toMatchObject({ error: { details: { reason: 'not_from_here', state: 'contact' } } });
    expect((await colleague.request('POST', `/api/clients/${id}/process/events`, { type: 'start_assessment' })).statusCode).toBe(404);
    expect({ audit: await count(h, 'audit_log'), events: await count(h, 'client_process_events') }).toEqual(before);

    const started = await worker.request('POST', `/api/clients/${id}/process/events`, { type: 'start_assessment' });
    expect(started.statusCode, started.body).toBe(200);
    const deadlines = started.json<{ client: ClientDetail }>().client.process!.deadlines;
    expect(deadlines.map((d) => [d.clockKey, d.metOn, d.status])).toEqual([
      ['local_assessment_start', '2026-04-14', 'late'],
      ['shl36_assessment_start', '2026-04-14', 'met'],
      ['shl36_assessment_complete', null, 'running'],
    ]);
    for (const type of ['complete_assessment', 'agree_plan', 'start_follow_up', 'continue_action', 'start_follow_up']) {
      expect((await worker.request('POST', `/api/clients/${id}/process/events`, { type })).statusCode, type).toBe(200);
    }
    const ended = await worker.request('POST', `/api/clients/${id}/process/events`, { type: 'end', end: { reason: 'moved_away', handoverMeeting: 'to_be_arranged' } });
    expect(ended.json()).toMatchObject({ state: 'ended', prompts: ['arrange_handover_meeting'], client: { process: { state: 'ended', endReason: 'moved_away', nextEvents: [] } } });
    expect((await worker.request('POST', `/api/clients/${id}/process/events`, { type: 'start_follow_up' })).statusCode).toBe(409);
    // Ended processes leave the worker's due list and the coordinator's counts.
    expect((await worker.request('GET', '/api/clients/due')).json<{ items: unknown[] }>().items).toEqual([]);
    const audit = await auditOf(h, 'process.advanced');
    expect(audit.map((r) => r.details.event)).toEqual(['start_assessment', 'complete_assessment', 'agree_plan', 'start_follow_up', 'continue_action', 'start_follow_up', 'end']);
    expect(JSON.stringify(audit)).not.toContain('Testi');
  }, 120_000);
});
