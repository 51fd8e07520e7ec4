import { describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../domain/clients/schemas.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Client, type Harness, type TestUser } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { clientBody } from './test-support.js';

let addresses = 0;
const login = (h: Harness, user: TestUser) => signIn(h, user, `10.89.${Math.floor(++addresses / 250) % 250}.${addresses % 250}`);

async function setUp(h: Harness) {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const users = {
    worker: await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker'),
    nurse: await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse'),
    coordinator: await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]),
  };
  const as = async (who: keyof typeof users): Promise<Client> => login(h, users[who]);
  return { siteId: site.id, users, as };
}

const count = async (h: Harness, table: string): Promise<number> =>
  Number((await h.db.withRawSession((s) => s.query<{ n: string }>(`select count(*)::text as n from ${table}`)))[0]!.n);

type Moved = { state: string; prompts: string[]; client: ClientDetail };

describe(`the client process's side state and the registers, on ${testEngine}`, () => {
  it('keeps a client on individual support only after the assessment, counts them open, and takes them back to planning or ends', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const worker = await s.as('worker');
    const created = await worker.request('POST', '/api/clients', clientBody(s.siteId));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<ClientDetail>().id;
    const step = (type: string, extra: Record<string, unknown> = {}) => worker.request('POST', `/api/clients/${id}/process/events`, { type, ...extra });

    // Not before the assessment is complete: 409, nothing written.
    const before = { events: await count(h, 'client_process_events'), audit: await count(h, 'audit_log') };
    const early = await step('choose_individual_support');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { details: { reason: 'not_from_here', state: 'contact' } } });
    expect({ events: await count(h, 'client_process_events'), audit: await count(h, 'audit_log') }).toEqual(before);

    expect((await step('start_assessment')).statusCode).toBe(200);
    expect((await step('complete_assessment')).statusCode).toBe(200);
    const side = await step('choose_individual_support');
    expect(side.statusCode, side.body).toBe(200);
    expect(side.json<Moved>()).toMatchObject({ state: 'individual_support_only', prompts: [], client: { process: { state: 'individual_support_only', nextEvents: ['resume_network_work', 'end'] } } });
    // Stored as such (the state's check of migration 0029 allows it), listed, and open (the one-open-process index below).
    const [row] = await h.db.withRawSession((q) => q.query<{ state: string }>('select state from client_processes where client_id = $1', [id]));
    expect(row?.state).toBe('individual_support_only');
    const list = await worker.request('GET', '/api/clients');
    expect(list.json<{ clients: { id: string; state: string | null }[] }>().clients).toEqual([expect.objectContaining({ id, state: 'individual_support_only' })]);
    // A second open process cannot start beside it: the one-open-process index counts it as open.
    await expect(h.db.withRawSession((q) => q.query(
      "insert into client_processes (id, client_id, state, contact_at, contact_source, is_statutory_group, need, created_by, created_at, updated_at) values ('0190f000-0000-7000-8000-0000000000aa', $1, 'contact', now(), 'self', false, 'x', $2, now(), now())",
      [id, s.users.worker.id],
    ))).rejects.toThrow();

    const back = await step('resume_network_work');
    expect(back.json<Moved>()).toMatchObject({ state: 'plan', client: { process: { state: 'plan' } } });
    expect((await step('choose_individual_support')).statusCode).toBe(200);
    const ended = await step('end', { end: { reason: 'client_refused', notificationDuty: 'to_be_made' } });
    expect(ended.json<Moved>()).toMatchObject({ state: 'ended', prompts: ['make_notification'], client: { process: { endReason: 'client_refused', nextEvents: [] } } });
    const history = ended.json<Moved>().client.process!.events.map((e) => [e.type, e.from, e.to]);
    expect(history.slice(-4)).toEqual([
      ['choose_individual_support', 'plan', 'individual_support_only'],
      ['resume_network_work', 'individual_support_only', 'plan'],
      ['choose_individual_support', 'plan', 'individual_support_only'],
      ['end', 'individual_support_only', 'ended'],
    ]);
    // A state outside the list is still refused by the database.
    await expect(h.db.withRawSession((q) => q.query("update client_processes set state = 'paused' where client_id = $1", [id]))).rejects.toThrow();
  }, 120_000);

  it('shows a client\'s page no health-register data: a nurse\'s health codes on encounters under the linked code stay in the health register', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const worker = await s.as('worker');
    const { id } = (await worker.request('POST', '/api/clients', clientBody(s.siteId))).json<ClientDetail>();
    const visitorCode = (await worker.request('POST', `/api/sites/${s.siteId}/visitor-codes`)).json<{ code: string }>().code;
    const consent = (await worker.request('POST', `/api/clients/${id}/consents`, { purpose: 'link_visitor_code', grantee: { kind: 'none' }, validFrom: '2026-01-15' })).json<ClientDetail>().consents[0]!;
    expect((await worker.request('POST', `/api/clients/${id}/visitor-codes`, { code: visitorCode, consentId: consent.id })).statusCode).toBe(201);
    // The nurse is on the care team and records a health encounter under the code after the link.
    await worker.request('PUT', `/api/clients/${id}/care-team`, { memberIds: [s.users.worker.id, s.users.nurse.id] });
    h.clock.advance(60_000);
    const nurse = await s.as('nurse');
    const { uuidv7 } = await import('uuidv7');
    const recorded = await nurse.request('POST', '/api/encounters', {
      id: uuidv7(), siteId: s.siteId, occurredAt: h.clock.now().toISOString(), visitorCode, ageBand: '30_50', needs: ['health:blood_pressure', 'health:prescriptions'], support: ['health:encouraged_contact'],
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    // The encounter really holds the health codes (so the check below could fail).
    const stored = JSON.stringify(await h.db.withRawSession((q) => q.query('select * from encounter_codes')));
    expect(stored).toContain('blood_pressure');

    for (const who of ['worker', 'nurse'] as const) {
      const page = await (await s.as(who)).request('GET', `/api/clients/${id}`);
      expect(page.statusCode).toBe(200);
      const detail = page.json<ClientDetail>();
      // Only the count of encounters since the link: no codes, no register's details, of either register.
      expect(detail.encountersSinceLinked).toBe(1);
      expect(detail.register).toBe('social');
      for (const text of ['blood_pressure', 'prescriptions', 'encouraged_contact', 'health:', 'needs', 'support']) expect(page.body, `${who}: ${text}`).not.toContain(text);
    }
  }, 120_000);
});
