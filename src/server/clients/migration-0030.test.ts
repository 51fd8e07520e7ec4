import { describe, expect, it } from 'vitest';
import { readMigrations } from '../db/migrate.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { clientBody } from './test-support.js';

/** The schema as migration 0023 left it: what 0030 changes, put back (the data stays). */
const before0030 = `
  drop index client_process_deadlines_running;
  drop index client_process_deadlines_running_process;
  alter table client_process_deadlines drop constraint client_process_deadlines_met_or_stopped;
  alter table client_process_deadlines drop column stopped_on;
  alter table client_process_deadlines drop column site_id;
  alter table client_process_deadlines drop constraint client_process_deadlines_step_check;
  alter table client_process_deadlines add constraint client_process_deadlines_step_check check (step in ('assessment_started', 'assessment_completed'));
  create index client_process_deadlines_open on client_process_deadlines (due_on) where met_on is null;
  drop index client_care_team_user;
  create index client_care_team_user on client_care_team (user_id);
  drop index clients_own_worker;
  create index clients_own_worker on clients (own_worker_id) where own_worker_id is not null;
  drop index client_processes_one_open;
  create unique index client_processes_one_open on client_processes (client_id) where state <> 'ended';
`;

describe(`migration 0030 on existing client data on ${testEngine}`, () => {
  it("puts each deadline's site on it and stops the unmet clocks of processes that had ended, on their Helsinki day", async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const [a1, a2] = [await makeSite(h, region.id), await makeSite(h, region.id)];
    const worker = await makeUser(h, region.id, [{ role: 'professional', siteId: a1.id }, { role: 'professional', siteId: a2.id }], 'social_worker');
    let address = 0;
    const login = () => signIn(h, worker, `10.90.0.${++address}`);
    h.clock.set(new Date('2026-04-02T10:00:00+03:00'));
    let client = await login();
    const open = (await client.request('POST', '/api/clients', clientBody(a1.id, { name: 'Open' }))).json<{ id: string }>();
    const ended = (await client.request('POST', '/api/clients', clientBody(a2.id, { name: 'Ended' }))).json<{ id: string }>();
    expect((await client.request('POST', `/api/clients/${ended.id}/process/events`, { type: 'start_assessment' })).statusCode).toBe(200);
    // Ended half an hour after midnight on 11.4. in Helsinki, still the 10th in UTC: the Helsinki day counts.
    h.clock.set(new Date('2026-04-11T00:30:00+03:00'));
    client = await login();
    expect((await client.request('POST', `/api/clients/${ended.id}/process/events`, { type: 'end', end: { reason: 'other', description: 'Muutti.' } })).statusCode).toBe(200);

    const migration = readMigrations().find((m) => m.version === '0030');
    await h.db.withRawSession(async (s) => {
      await s.exec(before0030);
      await s.exec(migration!.sql);
    });
    const rows = await h.db.withRawSession((s) => s.query<{ name: string; clock_key: string; site_id: string; met_on: string | null; stopped_on: string | null }>(
      `select c.name, d.clock_key, d.site_id::text, d.met_on::text, d.stopped_on::text
         from client_process_deadlines d join client_processes p on p.id = d.process_id join clients c on c.id = p.client_id
        order by c.name, d.clock_key`,
    ));
    expect(rows.map((r) => [r.name, r.clock_key, r.site_id === (r.name === 'Open' ? a1.id : a2.id), r.met_on, r.stopped_on])).toEqual([
      ['Ended', 'local_assessment_start', true, '2026-04-02', null],
      ['Ended', 'shl36_assessment_complete', true, null, '2026-04-11'],
      ['Open', 'local_assessment_start', true, null, null],
      ['Open', 'shl36_assessment_complete', true, null, null],
    ]);
    // The open client's clocks run on: still due on the worker's list.
    h.clock.set(new Date('2026-04-09T10:00:00+03:00'));
    client = await login();
    const due = (await client.request('GET', '/api/clients/due')).json<{ items: { clientId: string }[] }>();
    expect(due.items.map((i) => i.clientId)).toEqual([open.id]);
  }, 120_000);
});
