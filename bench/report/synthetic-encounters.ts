// Encounters with their professionals, need/support codes, visitor codes and referrals, one chunk of
// days at a time: the chunk's rows are computed once into bench_enc, then each table is filled from it
// with one INSERT … SELECT.
import { helsinkiAt, millisOf, r, type GenContext } from './synthetic-context.js';
import { ID_TAG } from './synthetic-org.js';
import { CODED_SHARE, ROAMING_SHARE, type Pools } from './synthetic-plan.js';
import { uuidV7, visitorCodeSql, weighted } from './sql-random.js';

// Unplanned encounters (street work, a drop-in between sessions) by hour: a peak around midday.
const HOURS: [string, number][] = [['7', 2], ['8', 5], ['9', 9], ['10', 13], ['11', 15], ['12', 15], ['13', 13], ['14', 10], ['15', 7], ['16', 5], ['17', 3], ['18', 2], ['19', 1]];
const AGE_BANDS: [string, number][] = [["'under_18'", 1], ["'18_29'", 14], ["'30_50'", 38], ["'51_64'", 27], ["'65_80'", 12], ["'over_80'", 2], ["'unknown'", 6]];
const GENDERS: [string, number][] = [["'female'", 33], ["'male'", 58], ["'other'", 3], ['null', 6]];

/** The chunk's encounters, every attribute derived from the encounter's row number n (or its visitor's number v). */
function stagingSql(ctx: GenContext, pools: Pools, fromD: number, toD: number): string {
  const R = (salt: number) => r(ctx, 'n', salt);
  const V = (salt: number) => r(ctx, 'v', salt);
  // MATERIALIZED: otherwise the planner substitutes each derived column (v, the minute, …) into every
  // expression that uses it, and the visitor code alone would recompute v's hashes dozens of times.
  return `
    create temp table bench_enc as
    with g as (
      select p.site_idx, p.d, p.day, p.session_id, p.held, p.starts_min, p.ends_min, p.p1k, p.p2k, n
      from bench_plan p cross join lateral generate_series(p.cstart, p.cend - 1) as n
      where p.d between ${fromD} and ${toD}
    ), a as (
      select g.*, s.id as site_id, s.n_staff, s.pool_offset, s.pool_size,
        g.held and ${R(1)} < 0.85 as linked,
        g.held and g.p2k is not null as at_joint_session
      from g join bench_site s on s.idx = g.site_idx
    ), b as materialized (
      select a.*,
        -- Two professionals: often at a session staffed by two, now and then otherwise. About 14 % overall.
        case when linked and at_joint_session then ${R(6)} < 0.4 else ${R(6)} < 0.08 end as joint,
        case when linked then (case when at_joint_session and ${R(4)} < 0.5 then p2k else p1k end)
             else floor(n_staff * ${R(5)})::int end as rk,
        case when linked then starts_min + 5 + floor(greatest(1, ends_min - starts_min - 15) * ${R(2)})::int
             else ${weighted(R(3), HOURS)} * 60 + floor(60 * ${R(7)})::int end as minute_of_day,
        case when ${R(8)} < ${CODED_SHARE} then
          case when ${R(9)} < ${ROAMING_SHARE} then ${pools.roamingOffset} + floor(${pools.roamingSize} * power(${R(10)}, 2))::int8
               else pool_offset + floor(pool_size * power(${R(10)}, 2))::int8 end
        end as v
      from a
    ), c as (
      select b.*,
        case when not joint then null
             when linked and at_joint_session then (case when rk = p1k then p2k else p1k end)
             else (rk + 1 + floor((n_staff - 1) * ${R(11)})::int) % n_staff end as ck,
        ${helsinkiAt('day', 'minute_of_day')} + make_interval(secs => floor(60 * ${R(12)})) as occurred_at
      from b
    ), d as materialized (
      select c.*, occurred_at + make_interval(mins => 2 + floor(30 * ${R(13)})::int) as created_at from c
    )
    select ${uuidV7(millisOf('d.created_at'), ID_TAG.encounter, 'd.n')} as id,
      d.n, d.site_idx, d.site_id, d.day, case when d.linked then d.session_id end as session_id, d.occurred_at, d.created_at,
      case when d.v is not null then ${visitorCodeSql('d.v')} end as vcode,
      -- A visitor with a code keeps their age band and gender from visit to visit.
      case when d.v is not null then ${weighted(V(14), AGE_BANDS)} else ${weighted(R(14), AGE_BANDS)} end as age_band,
      case when d.v is not null then ${weighted(V(15), GENDERS)} else ${weighted(R(15), GENDERS)} end as gender,
      ${weighted(R(16), [['true', 35], ['false', 45], ['null', 20]])} as anonymous_first,
      ${R(17)} < 0.08 as is_urgent,
      case when ${R(18)} < 0.3 then null else 5 + floor(50 * ${R(19)})::int end as duration,
      rec.user_id as recorder, rec.profession as recorder_profession, rec.register as recorder_register,
      col.user_id as colleague, col.profession as colleague_profession, col.register as colleague_register,
      ${weighted(R(20), [['0', 12], ['1', 30], ['2', 33], ['3', 25]])} as n_codes,
      ${R(21)} < 0.3 as has_referral
    from d
    join bench_staff rec on rec.site_idx = d.site_idx and rec.k = d.rk
    left join bench_staff col on col.site_idx = d.site_idx and col.k = d.ck
  `;
}

/**
 * A code's first visit is its earliest encounter (ties by id), as recomputeFirstVisits decides it.
 * Chunks are whole days in order, so a code not yet in visitor_codes has its first visit in this
 * chunk; the code is issued then, at that site.
 */
function visitorCodesSql(ctx: GenContext): string {
  return `
    create temp table bench_first as
    select distinct on (e.vcode) e.id, e.vcode, e.occurred_at, e.site_id
    from bench_enc e
    where e.vcode is not null and not exists (select 1 from visitor_codes c where c.code = e.vcode)
    order by e.vcode, e.occurred_at, e.id;
    insert into visitor_codes (code, region_id, issued_at, issued_at_site, retired_at)
    select vcode, '${ctx.regionId}'::uuid, occurred_at, site_id, null from bench_first;
  `;
}

function encountersSql(ctx: GenContext): string {
  return `
    insert into encounters (id, region_id, site_id, session_id, occurred_at, visitor_code, is_first_visit, age_band, gender, is_urgent, duration_minutes, created_by, created_at, updated_at)
    select e.id, '${ctx.regionId}'::uuid, e.site_id, e.session_id, e.occurred_at, e.vcode,
      case when e.vcode is null then e.anonymous_first else f.id is not null end,
      e.age_band, e.gender, e.is_urgent, e.duration, e.recorder, e.created_at, e.created_at
    from bench_enc e left join bench_first f on f.id = e.id
    order by e.n;
    insert into encounter_professionals (encounter_id, user_id, profession)
    select id, recorder, recorder_profession from bench_enc
    union all
    select id, colleague, colleague_profession from bench_enc where colleague is not null;
  `;
}

/**
 * 0–3 codes: a need, the support given, and a second need. Codes come from the registers of the
 * professionals present (a nurse's health codes, a social worker's social ones), the common ones more
 * often. The second need is the next code of the first need's list when the register is the same, so
 * an encounter never has the same code twice.
 */
function codesSql(ctx: GenContext): string {
  const pick = (salt: number) => `power(${r(ctx, 'e.n', salt)}, 1.6)`;
  return `
    insert into encounter_codes (encounter_id, kind, register, code)
    select e.id, c.kind, c.register, c.code
    from bench_enc e
    cross join lateral generate_series(1, e.n_codes) j
    cross join lateral (
      select case when j = 2 then 'support' else 'need' end as kind,
        case when j = 3 and e.colleague is not null then e.colleague_register
             when j = 2 and e.colleague is not null and ${r(ctx, 'e.n', 22)} < 0.5 then e.colleague_register
             else e.recorder_register end as register
    ) slot
    join bench_code_count cc on cc.kind = slot.kind and cc.register = slot.register
    join bench_code c on c.kind = slot.kind and c.register = slot.register
      and c.idx = (floor(cc.n * case when j = 2 then ${pick(23)} else ${pick(24)} end)::int + (case when j = 3 then 1 else 0 end)) % cc.n
  `;
}

/**
 * About 30 % of encounters refer the visitor somewhere. What became of it depends on its age, as in
 * the demo history: old referrals mostly closed (realised, not realised, unknown), recent ones open.
 */
function referralsSql(ctx: GenContext): string {
  const R = (salt: number) => r(ctx, 'e.n', salt);
  const age = `('${ctx.lastDay}'::date - e.day)`;
  const status = `case
      when ${age} > 28 then ${weighted(R(41), [["'realised'", 55], ["'not_realised'", 18], ["'unknown'", 20], ["'booked'", 7]])}
      when ${age} > 14 then ${weighted(R(41), [["'realised'", 35], ["'not_realised'", 10], ["'unknown'", 5], ["'booked'", 25], ["'suggested'", 25]])}
      else ${weighted(R(41), [["'suggested'", 50], ["'booked'", 35], ["'realised'", 15]])} end`;
  // Closed by the end of the last day: nothing is known from the future.
  const lastInstant = helsinkiAt(`'${ctx.lastDay}'::date`, '1439');
  return `
    insert into referrals (id, encounter_id, region_id, site_id, service_id, way, status, follow_up_on, memo, closed_at, slip_code_hash, slip_expires_at, slip_used_at, created_by, referred_by, created_at, updated_at)
    select ${uuidV7(millisOf('x.created_at'), ID_TAG.referral, 'x.n')}, x.id, '${ctx.regionId}'::uuid, x.site_id, x.service_id, x.way, x.status, x.follow_up_on, null,
      x.closed_at, null, null, null, x.recorder, x.recorder, x.created_at, coalesce(x.closed_at, x.created_at)
    from (
      select e.id, e.n, e.site_id, e.recorder, e.created_at, e.day, sv.id as service_id,
        ${weighted(R(42), [["'advised'", 50], ["'booked_together'", 25], ["'e_contact_together'", 15], ["'escorted'", 10]])} as way,
        st.status,
        e.day + ${weighted(R(43), [['7', 25], ['14', 35], ['21', 20], ['28', 20]])} as follow_up_on,
        case when st.status in ('realised', 'not_realised', 'unknown')
             then least(e.created_at + make_interval(days => 3 + floor(25 * ${R(44)})::int), ${lastInstant}) end as closed_at
      from bench_enc e
      cross join lateral (select ${status} as status) st
      join bench_service sv on sv.idx = floor((select count(*) from bench_service) * power(${R(45)}, 1.5))::int
      where e.has_referral
    ) x
    order by x.n;
  `;
}

export async function loadEncounterChunk(ctx: GenContext, pools: Pools, fromD: number, toD: number): Promise<void> {
  const s = ctx.session;
  const step = async (label: string, sqlText: string) => {
    const startedAt = performance.now();
    await s.exec(sqlText);
    if (process.env.BENCH_REPORT_TRACE) ctx.log(`  ${label}: ${Math.round(performance.now() - startedAt)} ms`);
  };
  if (process.env.BENCH_REPORT_TRACE === 'explain') {
    const plan = await s.query<{ 'QUERY PLAN': string }>(`explain (analyze) ${stagingSql(ctx, pools, fromD, toD)}`);
    ctx.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
  } else {
    await step('staging', stagingSql(ctx, pools, fromD, toD));
  }
  await step('analyze', 'analyze bench_enc');
  await step('visitor codes', visitorCodesSql(ctx));
  await step('encounters + professionals', encountersSql(ctx));
  if (process.env.BENCH_REPORT_TRACE === 'explain') {
    const plan = await s.query<{ 'QUERY PLAN': string }>(`explain (analyze) ${codesSql(ctx)}`);
    ctx.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
  } else await step('codes', codesSql(ctx));
  await step('referrals', referralsSql(ctx));
  await step('drop', 'drop table bench_enc; drop table bench_first;');
}
