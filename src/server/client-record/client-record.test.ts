import { describe, expect, it } from 'vitest';
import { CLIENT_RECORD_FORMAT, type ClientRecord } from '../../domain/client-record.js';
import type { ClientDetail } from '../../domain/clients/schemas.js';
import { clientBody, madeUpIdentityCode } from '../clients/test-support.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Client, type Harness, type TestUser } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

let addresses = 0;
const login = (h: Harness, user: TestUser): Promise<Client> => signIn(h, user, `10.77.${Math.floor(++addresses / 250) % 250}.${addresses % 250}`);

async function register(client: Client, body: unknown): Promise<ClientDetail> {
  const response = await client.request('POST', '/api/clients', body);
  if (response.statusCode !== 201) throw new Error(`register failed ${response.statusCode}: ${response.body}`);
  return response.json<ClientDetail>();
}

describe(`client record export on ${testEngine}`, () => {
  it('gives the workers around a client its whole record and nothing of another client, audited by id; others get 404 or 403', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const other = await makeRegion(h);
    const otherSite = await makeSite(h, other.id);
    const worker = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker');
    const colleague = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker');
    const coordinator = await makeUser(h, region.id, [{ role: 'coordinator', siteId: null }]);
    const stranger = await makeUser(h, other.id, [{ role: 'professional', siteId: otherSite.id }], 'social_worker');
    const as = await login(h, worker);
    const code = madeUpIdentityCode('150398', 'Y', 241);
    const mine = await register(as, clientBody(site.id, { name: 'Aino Arkisto', identityCode: code, contact: { need: 'Tarvitsee tukea asumiseen.' } }));
    const theirs = await register(as, clientBody(site.id, { name: 'Bertta Toinen', contact: { need: 'Toisen asiakkaan tarve.' } }));
    expect((await as.request('PATCH', `/api/clients/${mine.id}`, { ownWorkerId: worker.id })).statusCode).toBe(200);
    expect((await as.request('POST', `/api/clients/${mine.id}/process/events`, { type: 'start_assessment' })).statusCode).toBe(200);
    expect((await as.request('POST', `/api/clients/${mine.id}/consents`, { purpose: 'share_process', grantee: { kind: 'user', id: colleague.id }, validFrom: '2026-01-15' })).statusCode).toBe(201);

    const response = await as.request('GET', `/api/clients/${mine.id}/record`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const record = response.json<ClientRecord>();
    expect(record).toMatchObject({ format: CLIENT_RECORD_FORMAT, exportedBy: worker.id, site: { id: site.id }, client: { id: mine.id, name: 'Aino Arkisto', identityCode: code, ownWorkerId: worker.id } });
    expect(record.processes).toHaveLength(1);
    expect(record.processes[0]!.need).toBe('Tarvitsee tukea asumiseen.');
    expect(record.processes[0]!.events.map((e) => e.type)).toEqual(['contact', 'start_assessment']);
    expect(record.processes[0]!.deadlines.length).toBeGreaterThan(0);
    expect(record.consents.map((c) => c.granteeId)).toEqual([colleague.id]);
    expect(record.people.map((p) => p.id)).toEqual(expect.arrayContaining([worker.id, colleague.id]));
    // Nothing of the other client.
    const text = response.body;
    for (const leak of [theirs.id, 'Bertta Toinen', 'Toisen asiakkaan tarve.']) expect(text).not.toContain(leak);

    // Audited by id: the row names the client, never their name or code.
    const rows = await h.db.withRawSession((s) => s.query<{ resource_id: string; actor_id: string; details: unknown}>("select resource_id, actor_id, details from audit_log where action = 'client.exported'"));
    expect(rows.map((r) => [r.resource_id, r.actor_id])).toEqual([[mine.id, worker.id]]);
    const log = JSON.stringify(await h.db.withRawSession((s) => s.query('select * from audit_log')));
    for (const leak of ['Aino Arkisto', 'Bertta Toinen', code]) expect(log).not.toContain(leak);

    // Unrelated: another worker of the same site and another region's worker get 404 (ids cannot be
    // probed); a coordinator, who exports nothing, 403 before the id is looked at. None is audited as an export.
    expect((await (await login(h, colleague)).request('GET', `/api/clients/${theirs.id}/record`)).statusCode).toBe(404);
    expect((await (await login(h, stranger)).request('GET', `/api/clients/${mine.id}/record`)).statusCode).toBe(404);
    expect((await (await login(h, coordinator)).request('GET', `/api/clients/${mine.id}/record`)).statusCode).toBe(403);
    expect((await h.db.withRawSession((s) => s.query("select 1 from audit_log where action = 'client.exported'")))).toHaveLength(1);
  });
});
