import { describe, expect, it } from 'vitest';
import type { ProcessClock } from '../../domain/clients/clocks.js';
import type { ClientDetail, DueCounts, DueList } from '../../domain/clients/schemas.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Client, type Harness, type TestUser } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { clientBody } from './test-support.js';

let addresses = 0;
const login = (h: Harness, user: TestUser) => signIn(h, user, `10.89.${Math.floor(++addresses / 250) % 250}.${addresses % 250}`);

async function setUp(h: Harness) {
  const [a, b] = [await makeRegion(h), await makeRegion(h)];
  const [a1, a2, b1] = [await makeSite(h, a.id), await makeSite(h, a.id), await makeSite(h, b.id)];
  const users = {
    worker: await makeUser(h, a.id, [{ role: 'professional', siteId: a1.id }], 'social_worker'),
    teamMember: await makeUser(h, a.id, [{ role: 'professional', siteId: a2.id }], 'social_worker'),
    colleague: await makeUser(h, a.id, [{ role: 'professional', siteId: a1.id }], 'social_worker'),
    siteCoordinator: await makeUser(h, a.id, [{ role: 'coordinator', siteId: a1.id }]),
    regionCoordinator: await makeUser(h, a.id, [{ role: 'coordinator', siteId: null }]),
    otherWorker: await makeUser(h, b.id, [{ role: 'professional', siteId: b1.id }], 'social_worker'),
    otherCoordinator: await makeUser(h, b.id, [{ role: 'coordinator', siteId: null }]),
  };
  const as = async (who: keyof typeof users): Promise<Client> => login(h, users[who]);
  return { a1: a1.id, a2: a2.id, b1: b1.id, users, as };
}

async function register(client: Client, body: unknown): Promise<ClientDetail> {
  const response = await client.request('POST', '/api/clients', body);
  if (response.statusCode !== 201) throw new Error(`register failed ${response.statusCode}: ${response.body}`);
  return response.json<ClientDetail>();
}

const dueOf = async (client: Client) => (await client.request('GET', '/api/clients/due')).json<DueList>();
const itemsOf = (list: DueList) => list.items.map((i) => [i.name, i.deadline.clockKey, i.deadline.basis, i.deadline.dueOn, i.deadline.status]);
const countsOf = async (client: Client) => (await client.request('GET', '/api/clients/due-counts')).json<DueCounts>();
const figures = (counts: DueCounts['totals']) => counts.filter((c) => c.overdue + c.dueSoon > 0).map((c) => [c.clockKey, c.basis, c.overdue, c.dueSoon]);

describe(`the worker's due list and the coordinator's counts on ${testEngine}`, () => {
  it('lists own-worker and care-team clients only, counts per site for the places a coordinator may count, and drops ended processes', async () => {
    const h = await createHarness();
    const s = await setUp(h);
    h.clock.set(new Date('2026-04-02T10:00:00+03:00'));
    // X: the worker is on the care team (recorder and handler), a group the Act names, at site a1.
    const x = await register(await s.as('worker'), clientBody(s.a1, { name: 'Xenia', contact: { isStatutoryGroup: true } }));
    expect((await (await s.as('worker')).request('PUT', `/api/clients/${x.id}/care-team`, { memberIds: [s.users.worker.id, s.users.teamMember.id] })).statusCode).toBe(200);
    // Y: registered by the team member at a2; the worker is only its own worker.
    const y = await register(await s.as('teamMember'), clientBody(s.a2, { name: 'Yrjö' }));
    expect((await (await s.as('teamMember')).request('PATCH', `/api/clients/${y.id}`, { ownWorkerId: s.users.worker.id })).statusCode).toBe(200);
    // Z: the colleague's client at a1; W: another region's.
    await register(await s.as('colleague'), clientBody(s.a1, { name: 'Zacharias' }));
    await register(await s.as('otherWorker'), clientBody(s.b1, { name: 'Wilma' }));

    h.clock.set(new Date('2026-04-13T09:00:00+03:00'));
    const worker = await s.as('worker');
    const due = await dueOf(worker);
    expect(due.today).toBe('2026-04-13');
    expect(due.clocks.map((c) => [c.key, c.basis, c.limit.count, c.limit.unit])).toEqual([
      ['local_assessment_start', 'local', 7, 'calendar_days'], ['shl36_assessment_start', 'statutory', 7, 'working_days'], ['shl36_assessment_complete', 'statutory', 3, 'months'],
    ]);
    // Maundy Thursday + 7 calendar days is 9.4 (overdue); + 7 working days past Easter is 15.4 (due soon).
    expect(itemsOf(due)).toEqual([
      ['Xenia', 'local_assessment_start', 'local', '2026-04-09', 'overdue'],
      ['Yrjö', 'local_assessment_start', 'local', '2026-04-09', 'overdue'],
      ['Xenia', 'shl36_assessment_start', 'statutory', '2026-04-15', 'due_soon'],
    ]);
    expect(itemsOf(await dueOf(await s.as('teamMember'))).map((i) => i[0])).toEqual(['Xenia', 'Yrjö', 'Xenia']);
    expect(itemsOf(await dueOf(await s.as('colleague'))).map((i) => i[0])).toEqual(['Zacharias']);
    expect(itemsOf(await dueOf(await s.as('otherWorker'))).map((i) => i[0])).toEqual(['Wilma']);
    // Coordinators count; they have no due list of names.
    expect((await (await s.as('regionCoordinator')).request('GET', '/api/clients/due')).statusCode).toBe(403);
    expect((await worker.request('GET', '/api/clients/due-counts')).statusCode).toBe(403);

    const region = await countsOf(await s.as('regionCoordinator'));
    expect(figures(region.totals)).toEqual([['local_assessment_start', 'local', 3, 0], ['shl36_assessment_start', 'statutory', 0, 1]]);
    expect(Object.fromEntries(region.sites.map((site) => [site.siteId, figures(site.counts)]))).toEqual({
      [s.a1]: [['local_assessment_start', 'local', 2, 0], ['shl36_assessment_start', 'statutory', 0, 1]],
      [s.a2]: [['local_assessment_start', 'local', 1, 0]],
    });
    const body = JSON.stringify(region);
    for (const secret of [x.id, y.id, 'Xenia', 'Yrjö', 'Zacharias']) expect(body).not.toContain(secret);
    // A site's coordinator counts that site only; another region's coordinator only theirs.
    const site = await countsOf(await s.as('siteCoordinator'));
    expect(site.sites.map((p) => p.siteId)).toEqual([s.a1]);
    expect(figures(site.totals)).toEqual([['local_assessment_start', 'local', 2, 0], ['shl36_assessment_start', 'statutory', 0, 1]]);
    const other = await countsOf(await s.as('otherCoordinator'));
    expect([other.sites.map((p) => p.siteId), figures(other.totals)]).toEqual([[s.b1], [['local_assessment_start', 'local', 1, 0]]]);

    // The list's audit row names the clients shown, by id only.
    const audit = await h.db.withRawSession((q) => q.query<{ details: { clientIds: string[] } }>("select details from audit_log where action = 'client.due_listed' and actor_id = $1 order by id desc limit 1", [s.users.worker.id]));
    expect(audit[0]!.details.clientIds.sort()).toEqual([x.id, y.id].sort());

    // Ending X's process stops its clocks: off the list and the counts, on record as stopped.
    const ended = await worker.request('POST', `/api/clients/${x.id}/process/events`, { type: 'end', end: { reason: 'other', description: 'Muutti pois maasta.' } });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<{ client: ClientDetail }>().client.process!.deadlines.map((d) => [d.clockKey, d.status])).toEqual([
      ['local_assessment_start', 'stopped'], ['shl36_assessment_start', 'stopped'], ['shl36_assessment_complete', 'stopped'],
    ]);
    expect(itemsOf(await dueOf(worker))).toEqual([['Yrjö', 'local_assessment_start', 'local', '2026-04-09', 'overdue']]);
    expect(figures((await countsOf(await s.as('regionCoordinator'))).totals)).toEqual([['local_assessment_start', 'local', 2, 0]]);
  }, 120_000);

  it("counts the deployment's own clocks, including one that waits for the plan, in working days past Easter", async () => {
    const clocks: ProcessClock[] = [
      { key: 'local_start_3', basis: 'local', step: 'assessment_started', limit: { count: 3, unit: 'calendar_days' }, onlyStatutoryGroup: false, source: 'Test service level' },
      { key: 'local_plan_10', basis: 'local', step: 'plan_agreed', limit: { count: 10, unit: 'working_days' }, onlyStatutoryGroup: false, source: 'Test service level' },
    ];
    const h = await createHarness({ processClocks: clocks });
    const s = await setUp(h);
    h.clock.set(new Date('2026-04-02T16:00:00+03:00'));
    const x = await register(await s.as('worker'), clientBody(s.a1, { name: 'Xenia', contact: { isStatutoryGroup: true } }));
    // Counted by hand: 2.4. + 3 days is Easter Sunday 5.4.; 10 working days skip Good Friday and Easter Monday → 20.4.
    expect(x.process!.deadlines.map((d) => [d.clockKey, d.step, d.dueOn])).toEqual([['local_start_3', 'assessment_started', '2026-04-05'], ['local_plan_10', 'plan_agreed', '2026-04-20']]);

    h.clock.set(new Date('2026-04-06T08:00:00+03:00'));
    const worker = await s.as('worker');
    expect(itemsOf(await dueOf(worker))).toEqual([['Xenia', 'local_start_3', 'local', '2026-04-05', 'overdue']]);
    for (const type of ['start_assessment', 'complete_assessment']) expect((await worker.request('POST', `/api/clients/${x.id}/process/events`, { type })).statusCode).toBe(200);

    h.clock.set(new Date('2026-04-18T08:00:00+03:00'));
    const later = await s.as('worker');
    expect(itemsOf(await dueOf(later))).toEqual([['Xenia', 'local_plan_10', 'local', '2026-04-20', 'due_soon']]);
    expect(figures((await countsOf(await s.as('regionCoordinator'))).totals)).toEqual([['local_plan_10', 'local', 0, 1]]);
    const agreed = await later.request('POST', `/api/clients/${x.id}/process/events`, { type: 'agree_plan' });
    expect(agreed.json<{ client: ClientDetail }>().client.process!.deadlines.map((d) => [d.clockKey, d.metOn, d.status])).toEqual([
      ['local_start_3', '2026-04-06', 'late'], ['local_plan_10', '2026-04-18', 'met'],
    ]);
    expect((await dueOf(later)).items).toEqual([]);
  }, 120_000);
});
