// Synthetic client work for the due-list benchmark (issue 18): one region of `sites` sites with
// `workersPerSite` social workers each, a region-wide and a site coordinator, `clients` clients with one
// process each in every step of the process, their care teams, about `events` process events and the
// deadlines of the default clocks. Generated inside the database with set-based SQL (generate_series and
// hashes of row numbers, so the same seed gives the same rows on either engine).
import { uuidv7 } from 'uuidv7';
import { loadConfig } from '../../src/server/config.js';
import type { Database, RawSession } from '../../src/server/db/connect.js';
import { migrate } from '../../src/server/db/migrate.js';
import { createRegion } from '../../src/server/sites/commands.js';
import { createDeps } from '../../src/server/start.js';
import { rand, uuidV7, weighted } from '../report/sql-random.js';

export type ClientSyntheticOptions = { clients: number; events: number; sites: number; workersPerSite: number; seed: number };

export const DEFAULT_CLIENT_SYNTHETIC: Omit<ClientSyntheticOptions, 'clients' | 'events'> = { sites: 40, workersPerSite: 8, seed: 20_261_207 };

export type ClientSyntheticResult = {
  options: ClientSyntheticOptions;
  regionId: string;
  /** The region-wide coordinator, a coordinator of the first site, and the worker measured (the first of the first site). */
  coordinatorId: string;
  siteCoordinatorId: string;
  workerId: string;
  rows: { clients: number; careTeam: number; processes: number; openProcesses: number; events: number; deadlines: number; openDeadlines: number };
  /** The measured worker's own and care-team clients, and their deadlines due soon or overdue today. */
  worker: { clients: number; dueOrOverdue: number };
  ms: number;
};

const TAG = { site: 0x0c1, user: 0x0c2, role: 0x0c3, client: 0x0c4, process: 0x0c5, event: 0x0c6 } as const;

/** Share of processes per state; the contact step's age decides how many are due soon or overdue. */
const STATES: [string, number][] = [["'contact'", 4], ["'assessment'", 6], ["'plan'", 5], ["'action'", 25], ["'follow_up'", 10], ["'ended'", 50]];
/** Events a process in each state has at least (contact, start_assessment, …); action, follow-up and ended ones add action ⇄ follow-up rounds. */
const BASE_EVENTS = { contact: 1, assessment: 2, plan: 3, action: 4, follow_up: 5, ended: 5 } as const;

function cyclesSpread(options: ClientSyntheticOptions): number {
  const total = STATES.reduce((sum, [, w]) => sum + w, 0);
  const share = (state: string) => (STATES.find(([s]) => s === `'${state}'`)?.[1] ?? 0) / total;
  const base = Object.entries(BASE_EVENTS).reduce((sum, [state, n]) => sum + share(state) * n, 0);
  const cycling = share('action') + share('follow_up') + share('ended');
  // Each round is two events; floor(u · K) has the mean (K − 1) / 2.
  const meanRounds = Math.max(0, (options.events / options.clients - base) / (2 * cycling));
  return 2 * meanRounds + 1;
}

async function organisation(s: RawSession, o: ClientSyntheticOptions, ids: { regionId: string; coordinatorId: string; siteCoordinatorId: string }): Promise<void> {
  const created = `now() - interval '5 years'`;
  await s.exec(`
    create temp table bc_site as select i as idx, ${uuidV7(`extract(epoch from now()) * 1000`, TAG.site, 'i')} as id from generate_series(0, ${o.sites - 1}) i;
    insert into sites (id, region_id, name, kind, address, opening_hours, rooms, is_active, created_at, updated_at)
    select id, '${ids.regionId}'::uuid, 'Client site ' || lpad((idx + 1)::text, 3, '0'), 'other', '', '[]'::jsonb, '[]'::jsonb, true, ${created}, ${created} from bc_site;
    create temp table bc_worker as
      select b.idx as site_idx, b.id as site_id, k, b.idx * ${o.workersPerSite} + k as un, ${uuidV7(`extract(epoch from now()) * 1000`, TAG.user, `b.idx * ${o.workersPerSite} + k`)} as user_id
      from bc_site b cross join generate_series(0, ${o.workersPerSite - 1}) k;
    alter table bc_worker add primary key (site_idx, k);
    insert into users (id, region_id, username, display_name, profession, unit_id, password_hash, locale, is_active, created_at, updated_at)
    select user_id, '${ids.regionId}'::uuid, 'bc.s' || (site_idx + 1) || '.w' || k, 'Worker ' || (site_idx + 1) || '-' || (k + 1), 'social_worker', null::uuid, null::text, 'fi', true, ${created}, ${created} from bc_worker
    union all select '${ids.coordinatorId}'::uuid, '${ids.regionId}'::uuid, 'bc.coordinator', 'Coordinator', null, null, null, 'fi', true, ${created}, ${created}
    union all select '${ids.siteCoordinatorId}'::uuid, '${ids.regionId}'::uuid, 'bc.site-coordinator', 'Site coordinator', null, null, null, 'fi', true, ${created}, ${created};
    insert into role_assignments (id, user_id, role, site_id)
    select ${uuidV7(`extract(epoch from now()) * 1000`, TAG.role, 'un')}, user_id, 'professional', site_id from bc_worker
    union all select ${uuidV7(`extract(epoch from now()) * 1000`, TAG.role, '1000000')}, '${ids.coordinatorId}'::uuid, 'coordinator', null
    union all select ${uuidV7(`extract(epoch from now()) * 1000`, TAG.role, '1000001')}, '${ids.siteCoordinatorId}'::uuid, 'coordinator', (select id from bc_site where idx = 0);
  `);
}

/** One row per client with everything the later inserts derive from it. */
async function clientPlan(s: RawSession, o: ClientSyntheticOptions): Promise<void> {
  const u = (salt: number) => rand('i', o.seed, salt);
  const spread = cyclesSpread(o);
  await s.exec(`
    create temp table bc_client as
    with base as (
      select i, floor(${u(1)} * ${o.sites})::int as site_idx, floor(${u(2)} * ${o.workersPerSite})::int as own_k, ${u(3)} < 0.85 as has_own,
        floor(${u(4)} * ${o.workersPerSite})::int as handler_k, ${weighted(u(5), STATES)} as state, ${u(6)} < 0.3 as is_stat,
        ${u(7)} as age_u, floor(${u(8)} * ${spread.toFixed(4)})::int as rounds, ${u(9)} as met_u
      from generate_series(0, ${o.clients - 1}) i
    ), aged as (
      select *, (case state when 'contact' then floor(age_u * 14) when 'assessment' then 3 + floor(age_u * 100) when 'plan' then 30 + floor(age_u * 170)
        when 'ended' then 100 + floor(age_u * 1400) else 60 + floor(age_u * 940) end)::int as age_days
      from base
    )
    select a.*, now() - make_interval(days => a.age_days, mins => floor(a.met_u * 600)::int) as contact_at,
      (case state when 'contact' then 1 when 'assessment' then 2 when 'plan' then 3 when 'action' then 4 + 2 * rounds when 'follow_up' then 5 + 2 * rounds else 5 + 2 * rounds end)::int as n_events,
      ${uuidV7(`extract(epoch from now() - make_interval(days => a.age_days)) * 1000`, TAG.client, 'i')} as id,
      ${uuidV7(`extract(epoch from now() - make_interval(days => a.age_days)) * 1000`, TAG.process, 'i')} as process_id,
      (select user_id from bc_worker w where w.site_idx = a.site_idx and w.k = a.own_k) as own_id,
      (select user_id from bc_worker w where w.site_idx = a.site_idx and w.k = a.handler_k) as handler_id,
      (select id from bc_site b where b.idx = a.site_idx) as site_id
    from aged a;
    alter table bc_client add primary key (i);
  `);
}

async function clientRows(s: RawSession, regionId: string): Promise<void> {
  await s.exec(`
    insert into clients (id, region_id, site_id, register, name, identity_code, preferred_language, municipality_code, contact_preference, own_worker_id, created_by, created_at, updated_at)
    select id, '${regionId}'::uuid, site_id, 'social', 'Asiakas ' || i, null, 'fi', null, 'phone', case when has_own then own_id end, handler_id, contact_at, contact_at from bc_client;
    insert into client_care_team (client_id, user_id, is_handler, added_by, added_at)
    select id, handler_id, true, handler_id, contact_at from bc_client;
    insert into client_processes (id, client_id, state, contact_at, contact_source, is_statutory_group, need, handler_id, ended_at, end_reason, end_details, created_by, created_at, updated_at)
    select process_id, id, state, contact_at, 'self', is_stat, 'Synthetic need', handler_id,
      case when state = 'ended' then contact_at + interval '90 days' end, case when state = 'ended' then 'no_longer_needs_network_work' end, null, handler_id, contact_at, contact_at
    from bc_client;
  `);
}

/** The events of each process in order: contact, the steps up to its state, action ⇄ follow-up rounds, and the end. */
async function eventRows(s: RawSession): Promise<void> {
  const type = `case when j = 0 then 'contact' when j = 1 then 'start_assessment' when j = 2 then 'complete_assessment' when j = 3 then 'agree_plan'
    when c.state = 'ended' and j = c.n_events - 1 then 'end' when j % 2 = 0 then 'start_follow_up' else 'continue_action' end`;
  const to = `case when j = 0 then 'contact' when j = 1 then 'assessment' when j = 2 then 'plan' when j = 3 then 'action'
    when c.state = 'ended' and j = c.n_events - 1 then 'ended' when j % 2 = 0 then 'follow_up' else 'action' end`;
  const from = `case when j = 0 then null when j = 1 then 'contact' when j = 2 then 'assessment' when j = 3 then 'plan' when j % 2 = 0 then 'action' else 'follow_up' end`;
  await s.exec(`
    insert into client_process_events (id, process_id, type, from_state, to_state, at, by_user)
    select ${uuidV7(`extract(epoch from c.contact_at) * 1000`, TAG.event, 'c.i * 1000 + j')}, c.process_id, ${type}, ${from}, ${to},
      c.contact_at + (c.age_days * j::float8 / c.n_events) * interval '1 day', c.handler_id
    from bc_client c cross join lateral generate_series(0, c.n_events - 1) j;
  `);
}

/**
 * The default clocks' deadlines (local 7 calendar days; SHL 36 § 7 working days, here 9 calendar days,
 * for the named groups; completion in 3 months), met by the processes that have taken the step: some on
 * time, some late.
 */
async function deadlineRows(s: RawSession): Promise<void> {
  await s.exec(`
    insert into client_process_deadlines (process_id, site_id, clock_key, basis, step, due_on, met_on)
    select process_id, site_id, 'local_assessment_start', 'local', 'assessment_started', (contact_at at time zone 'Europe/Helsinki')::date + 7,
      case when state <> 'contact' then (contact_at at time zone 'Europe/Helsinki')::date + floor(met_u * 10)::int end from bc_client
    union all
    select process_id, site_id, 'shl36_assessment_start', 'statutory', 'assessment_started', (contact_at at time zone 'Europe/Helsinki')::date + 9,
      case when state <> 'contact' then (contact_at at time zone 'Europe/Helsinki')::date + floor(met_u * 10)::int end from bc_client where is_stat
    union all
    select process_id, site_id, 'shl36_assessment_complete', 'statutory', 'assessment_completed', ((contact_at at time zone 'Europe/Helsinki')::date + interval '3 months')::date,
      case when state not in ('contact', 'assessment') then (contact_at at time zone 'Europe/Helsinki')::date + 20 + floor(met_u * 80)::int end from bc_client;
  `);
}

async function count(s: RawSession, query: string, params: unknown[] = []): Promise<number> {
  const [row] = await s.query<{ n: string | number }>(query, params);
  return Number(row?.n ?? 0);
}

export async function generateClients(db: Database, options: ClientSyntheticOptions, log: (line: string) => void): Promise<ClientSyntheticResult> {
  const startedAt = performance.now();
  await migrate(db);
  const region = await createRegion(createDeps(loadConfig({ LOG_LEVEL: 'warn' }), db), { name: `Client region ${options.seed}` });
  const ids = { regionId: region.id, coordinatorId: uuidv7(), siteCoordinatorId: uuidv7() };
  let workerId = '';
  const result = await db.withRawSession(async (s) => {
    const step = async (label: string, work: () => Promise<void>) => {
      const t = performance.now();
      await work();
      log(`${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    };
    await step('sites and staff', () => organisation(s, options, ids));
    await step('client plan', () => clientPlan(s, options));
    await step('clients, care teams, processes', () => clientRows(s, region.id));
    await step('process events', () => eventRows(s));
    await step('deadlines', () => deadlineRows(s));
    workerId = (await s.query<{ user_id: string }>('select user_id from bc_worker where site_idx = 0 and k = 0'))[0]!.user_id;
    for (const table of ['bc_client', 'bc_worker', 'bc_site']) await s.exec(`drop table ${table}`);
    await step('vacuum analyze', () => s.exec('vacuum (analyze) clients, client_care_team, client_processes, client_process_events, client_process_deadlines'));
    const today = `(now() at time zone 'Europe/Helsinki')::date`;
    return {
      rows: {
        clients: await count(s, 'select count(*) as n from clients'),
        careTeam: await count(s, 'select count(*) as n from client_care_team'),
        processes: await count(s, 'select count(*) as n from client_processes'),
        openProcesses: await count(s, "select count(*) as n from client_processes where state <> 'ended'"),
        events: await count(s, 'select count(*) as n from client_process_events'),
        deadlines: await count(s, 'select count(*) as n from client_process_deadlines'),
        openDeadlines: await count(s, 'select count(*) as n from client_process_deadlines where met_on is null'),
      },
      worker: {
        clients: await count(s, 'select count(*) as n from clients c where c.own_worker_id = $1 or exists (select 1 from client_care_team t where t.client_id = c.id and t.user_id = $1)', [workerId]),
        dueOrOverdue: await count(s, `select count(*) as n from clients c join client_processes p on p.client_id = c.id and p.state <> 'ended' join client_process_deadlines d on d.process_id = p.id and d.met_on is null and d.due_on <= ${today} + 2
          where c.own_worker_id = $1 or exists (select 1 from client_care_team t where t.client_id = c.id and t.user_id = $1)`, [workerId]),
      },
    };
  });
  return { options, regionId: region.id, coordinatorId: ids.coordinatorId, siteCoordinatorId: ids.siteCoordinatorId, workerId, ...result, ms: Math.round(performance.now() - startedAt) };
}
