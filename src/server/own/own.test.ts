import { describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../domain/clients/schemas.js';
import type { AccessLog, OwnClient, OwnClientSummary, OwnSession } from '../../domain/own/schemas.js';
import { clientBody } from '../clients/test-support.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Client, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { clientPrincipal, makeExternalMember, signInPrincipal } from './test-support.js';

let addresses = 0;

async function setUp(h: Harness) {
  const region = await makeRegion(h);
  const site = await makeSite(h, region.id);
  const worker = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'social_worker');
  const nurse = await makeUser(h, region.id, [{ role: 'professional', siteId: site.id }], 'nurse');
  const staff: Client = await signIn(h, worker, `10.91.0.${++addresses}`);
  const register = async (name: string): Promise<ClientDetail> => {
    const created = await staff.request('POST', '/api/clients', clientBody(site.id, { name }));
    if (created.statusCode !== 201) throw new Error(`register failed: ${created.body}`);
    const id = created.json<ClientDetail>().id;
    expect((await staff.request('PATCH', `/api/clients/${id}`, { ownWorkerId: worker.id })).statusCode).toBe(200);
    return created.json<ClientDetail>();
  };
  return { regionId: region.id, siteId: site.id, worker, nurse, staff, register };
}

const log = async (client: { request: (m: 'GET', u: string) => Promise<{ statusCode: number; json<T>(): T }> }, clientId: string, query = '') => {
  const response = await client.request('GET', `/api/own/clients/${clientId}/access-log${query}`);
  expect(response.statusCode).toBe(200);
  return response.json<AccessLog>();
};

describe(`the client's own view on ${testEngine}`, () => {
  it('shows the client their process and, in their access log, a worker\'s read made a moment earlier', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const aino = await s.register('Aino Esimerkki');
    expect((await s.staff.request('POST', `/api/clients/${aino.id}/process/events`, { type: 'start_assessment' })).statusCode).toBe(200);
    const me = await signInPrincipal(h, clientPrincipal(aino.id, s.regionId, 'Aino Esimerkki'));

    const session = await me.request('GET', '/api/own/session');
    expect(session.json<OwnSession>()).toMatchObject({ kind: 'client', displayName: 'Aino Esimerkki', clientId: aino.id });
    const own = (await me.request('GET', `/api/own/clients/${aino.id}`)).json<OwnClient>();
    expect(own).toMatchObject({ id: aino.id, isSelf: true, shared: ['process', 'plan'], process: { state: 'assessment', steps: [{ to: 'contact' }, { to: 'assessment' }] } });
    expect(own.ownWorkerName).toMatch(/^Test /);
    expect(own.process!.deadlines.length).toBeGreaterThan(0);
    // Client-record text stays out of the own view: the need as told is the worker's record.
    expect(JSON.stringify(own)).not.toContain('Tarvitsee tukea');

    h.clock.advance(60_000);
    expect((await s.staff.request('GET', `/api/clients/${aino.id}`)).statusCode).toBe(200);
    const { entries } = await log(me, aino.id);
    expect(entries[0]).toMatchObject({ what: 'viewed', who: { kind: 'staff', name: expect.stringMatching(/^Test /), profession: 'social_worker', roles: ['professional'] } });
    expect(entries[0]!.at).toBe(h.clock.now().toISOString());
    // The registration, the changes and the lists that showed her are there too; her own reads are not.
    expect(entries.map((e) => e.what)).toEqual(expect.arrayContaining(['registered', 'changed_details', 'changed_process']));
    expect(entries.every((e) => e.who.kind === 'staff')).toBe(true);

    // Her own reads are audited as hers, for the county to see.
    const audited = await h.db.withRawSession((x) => x.query<{ action: string; actor_id: string | null; details: Record<string, unknown> }>("select action, actor_id, details from audit_log where action like 'own.%' order by id"));
    expect(audited.map((a) => a.action)).toEqual(['own.client_viewed', 'own.access_log_viewed']);
    expect(audited.every((a) => a.actor_id === null && a.details.principalKind === 'client' && a.details.principalId === aino.id)).toBe(true);
  });

  it('pages the access log newest first and answers another client\'s data with 404', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const aino = await s.register('Aino Esimerkki');
    const bertil = await s.register('Bertil Exempel');
    for (let i = 0; i < 3; i += 1) expect((await s.staff.request('GET', `/api/clients/${aino.id}`)).statusCode).toBe(200);
    const me = await signInPrincipal(h, clientPrincipal(aino.id, s.regionId));
    const first = await log(me, aino.id, '?limit=2');
    expect(first.entries).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await log(me, aino.id, `?limit=2&cursor=${first.nextCursor}`);
    expect(Number(second.entries[0]!.id)).toBeLessThan(Number(first.entries[1]!.id));
    // Bertil's registration is not in Aino's log.
    const all = await log(me, aino.id, '?limit=100');
    expect(all.entries.filter((e) => e.what === 'registered')).toHaveLength(1);

    expect((await me.request('GET', `/api/own/clients/${bertil.id}`)).statusCode).toBe(404);
    expect((await me.request('GET', `/api/own/clients/${bertil.id}/access-log`)).statusCode).toBe(404);
    expect((await me.request('GET', '/api/own/clients/0190f0e0-0000-7000-8000-00000000dead')).statusCode).toBe(404);
    const list = (await me.request('GET', '/api/own/clients')).json<{ clients: OwnClientSummary[] }>().clients;
    expect(list.map((c) => c.id)).toEqual([aino.id]);
  });

  it('shows an external member nothing without a grant, and with one only the granted parts; never the access log', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const aino = await s.register('Aino Esimerkki');
    const member = await makeExternalMember(h, s.regionId, s.worker.id, 'Tuula Tukihenkilö');
    const tuula = await signInPrincipal(h, member);
    const memberId = member.kind === 'external' ? member.memberId : '';

    expect((await tuula.request('GET', '/api/own/clients')).json<{ clients: unknown[] }>().clients).toEqual([]);
    expect((await tuula.request('GET', `/api/own/clients/${aino.id}`)).statusCode).toBe(404);

    // A plan-sharing consent: the name and the plan part, not the process.
    expect((await s.staff.request('POST', `/api/clients/${aino.id}/consents`, { purpose: 'share_plan', grantee: { kind: 'external', id: memberId }, validFrom: '2026-01-15' })).statusCode).toBe(201);
    const planOnly = (await tuula.request('GET', `/api/own/clients/${aino.id}`)).json<OwnClient>();
    expect(planOnly).toMatchObject({ id: aino.id, name: 'Aino Esimerkki', isSelf: false, shared: ['plan'], grants: [{ part: 'plan', validFrom: '2026-01-15', validTo: null }], process: null, ownWorkerName: null });
    expect((await tuula.request('GET', '/api/own/clients')).json<{ clients: OwnClientSummary[] }>().clients).toEqual([{ id: aino.id, name: 'Aino Esimerkki', isSelf: false, shared: ['plan'] }]);

    // A process-sharing consent adds the process.
    const granted = await s.staff.request('POST', `/api/clients/${aino.id}/consents`, { purpose: 'share_process', grantee: { kind: 'external', id: memberId }, validFrom: '2026-01-15' });
    const withProcess = (await tuula.request('GET', `/api/own/clients/${aino.id}`)).json<OwnClient>();
    expect(withProcess.shared).toEqual(['process', 'plan']);
    expect(withProcess.process).toMatchObject({ state: 'contact' });
    // The access log is the client's own: 404 to the external member even with grants.
    expect((await tuula.request('GET', `/api/own/clients/${aino.id}/access-log`)).statusCode).toBe(404);

    // The client sees the external member's reads in her log, by name.
    const me = await signInPrincipal(h, clientPrincipal(aino.id, s.regionId));
    const entries = (await log(me, aino.id)).entries;
    expect(entries.filter((e) => e.who.kind === 'external').map((e) => [e.who.name, e.what])).toEqual(expect.arrayContaining([['Tuula Tukihenkilö', 'viewed'], ['Tuula Tukihenkilö', 'seen_in_list']]));

    // Revoked, the grants give nothing again.
    const consents = granted.json<ClientDetail>().consents.filter((c) => c.granteeId === memberId);
    for (const consent of consents) expect((await s.staff.request('POST', `/api/clients/${aino.id}/consents/${consent.id}/revoke`)).statusCode).toBe(200);
    expect((await tuula.request('GET', `/api/own/clients/${aino.id}`)).statusCode).toBe(404);
  });

  it('is closed to staff sessions, and signs out with the CSRF token', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    const aino = await s.register('Aino Esimerkki');
    for (const url of ['/api/own/session', '/api/own/clients', `/api/own/clients/${aino.id}`, `/api/own/clients/${aino.id}/access-log`]) {
      expect((await s.staff.request('GET', url)).statusCode, url).toBe(401);
    }
    const me = await signInPrincipal(h, clientPrincipal(aino.id, s.regionId));
    expect((await me.request('DELETE', '/api/own/session', { csrf: null })).json()).toMatchObject({ error: { code: 'csrf' } });
    expect((await me.request('DELETE', '/api/own/session')).statusCode).toBe(204);
    expect((await me.request('GET', '/api/own/session')).statusCode).toBe(401);
  });
});
