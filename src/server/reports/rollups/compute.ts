import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { computeAllRegionRows } from './region.js';

/** Site-days as two parallel comma lists: array parameters differ between the drivers, text does not. */
export type SiteDays = { siteIds: string[]; days: string[] };

const siteDaysTable = (batch: SiteDays): SQL => sql`
  select s::uuid as site_id, d::date as day
    from unnest(string_to_array(${batch.siteIds.join(',')}, ','), string_to_array(${batch.days.join(',')}, ',')) as u(s, d)`;

/**
 * The day rows (migrations 0005 and 0020 list the metrics) of the encounters and sessions a source gives, as a
 * WITH clause ending in `counted (site_id, day, kind, metric, key, n)`; the caller appends the
 * statement that uses them. `encounters` yields encounter rows with their Helsinki `day`, `sessions`
 * session rows and `feedback` feedback responses. The per-entity contributions of migration 0019
 * (rollup_encounter_rows and its siblings, whose queue keys rollup_expand turns into these since migration
 * 0034) count the same way; fold.test.ts holds the two together.
 */
function countedSql(encounterSource: SQL, sessionSource: SQL, feedbackSource: SQL): SQL {
  return sql`
    with e as (
      select e.id, e.site_id, e.day, coalesce(os.kind, '') as kind, e.visitor_code is null as anonymous, e.is_urgent,
             case when e.visitor_code is not null then e.is_first_visit end as first_in_region, e.age_band, e.is_anonymous_to_professional,
             extract(isodow from e.occurred_at at time zone 'Europe/Helsinki')::int as dow,
             extract(hour from e.occurred_at at time zone 'Europe/Helsinki')::int as hr,
             (select count(*) from encounter_professionals p where p.encounter_id = e.id)::int as contacts
        from (${encounterSource}) e
        left join outreach_sessions os on os.id = e.session_id
    ),
    s as (select s.id, s.site_id, s.day, s.kind, s.starts_at, s.ends_at from (${sessionSource}) s where not s.is_cancelled),
    f as (
      select f.id, f.site_id, f.submitted_on as day, coalesce(os.kind, '') as kind, f.form_version_id, f.group_session_id
        from (${feedbackSource}) f
        left join outreach_sessions os on os.id = f.outreach_session_id
    ),
    counted (site_id, day, kind, metric, key, n) as (
      select e.site_id, e.day, e.kind, v.metric, v.key, sum(v.n)::bigint
        from e cross join lateral (values
          ('enc', 'meetings', 1), ('enc', 'contacts', e.contacts), ('enc', 'joint', (e.contacts > 1)::int),
          ('enc', 'anonymous', e.anonymous::int), ('enc', 'urgent', e.is_urgent::int),
          ('enc', 'first', (e.first_in_region is true)::int), ('enc', 'repeat', (e.first_in_region is false)::int),
          ('age', e.age_band, 1), ('hour', e.dow || ':' || e.hr, 1)) as v (metric, key, n)
       group by 1, 2, 3, 4, 5
      union all
      select e.site_id, e.day, e.kind, 'prof_m', p.profession, count(distinct e.id)
        from e join encounter_professionals p on p.encounter_id = e.id group by 1, 2, 3, 5
      union all
      select e.site_id, e.day, e.kind, 'prof_c', p.profession, count(*)
        from e join encounter_professionals p on p.encounter_id = e.id group by 1, 2, 3, 5
      union all
      select e.site_id, e.day, e.kind, 'code', c.kind || ':' || c.register || ':' || c.code, count(*)
        from e join encounter_codes c on c.encounter_id = e.id group by 1, 2, 3, 5
      union all
      select e.site_id, e.day, e.kind, 'ref', r.service_id::text || ':' || r.status, count(*)
        from e join referrals r on r.encounter_id = e.id group by 1, 2, 3, 5
      union all
      -- Per professional contact, by the profession the professional had in the encounter.
      select e.site_id, e.day, e.kind, v.metric, p.profession || ':' || v.key, count(*)
        from e join encounter_professionals p on p.encounter_id = e.id
        cross join lateral (values
          ('pc_first', case when p.is_first_with_professional then 'first' when not p.is_first_with_professional then 'repeat' else 'notRecorded' end),
          ('pc_region', case when e.first_in_region then 'first' when not e.first_in_region then 'repeat' else 'unknown' end),
          ('pc_anon', case when e.is_anonymous_to_professional then 'anonymous' when not e.is_anonymous_to_professional then 'notAnonymous' else 'notRecorded' end),
          ('pc_urgent', case when e.is_urgent then 'urgent' else 'not_urgent' end),
          ('pc_age', e.age_band)) as v (metric, key)
       group by 1, 2, 3, 4, 5
      union all
      select e.site_id, e.day, e.kind, 'pc_code', p.profession || ':' || c.kind || ':' || c.register || ':' || c.code, count(distinct e.id)
        from e join encounter_professionals p on p.encounter_id = e.id join encounter_codes c on c.encounter_id = e.id group by 1, 2, 3, 5
      union all
      -- The referrer's profession in that encounter, else their profession today (migration 0020).
      select e.site_id, e.day, e.kind, 'pc_ref', coalesce(p.profession, u.profession, 'unknownProfession'), count(*)
        from e join referrals r on r.encounter_id = e.id
        left join encounter_professionals p on p.encounter_id = r.encounter_id and p.user_id = r.referred_by
        left join users u on u.id = r.referred_by
       group by 1, 2, 3, 5
      union all
      select e.site_id, e.day, e.kind, 'joint_m',
             t.professions || ':' || case when exists (select 1 from referrals r where r.encounter_id = e.id) then 'with' else 'without' end, count(*)
        from e cross join lateral (
          select string_agg(p.profession, '+' order by p.profession collate "C") as professions, count(*) as size
            from encounter_professionals p where p.encounter_id = e.id) t
       where t.size > 1 group by 1, 2, 3, 5
      union all
      select s.site_id, s.day, s.kind, 'sess', 'held', count(*) from s group by 1, 2, 3
      union all
      select s.site_id, s.day, s.kind, 'sess', 'hours_x100', sum(round(sp.hours * 100))::bigint
        from s join session_professionals sp on sp.session_id = s.id group by 1, 2, 3
      union all
      -- By the professional's profession today: a change of it is retracted by a trigger (migration 0020).
      select s.site_id, s.day, s.kind, 'sess', 'hours_x100:' || u.profession, sum(round(sp.hours * 100))::bigint
        from s join session_professionals sp on sp.session_id = s.id join users u on u.id = sp.user_id
       where u.profession is not null group by 1, 2, 3, 5
      union all
      select s.site_id, s.day, s.kind, 'sess', 'reception_s', sum(round(extract(epoch from s.ends_at - s.starts_at)))::bigint from s group by 1, 2, 3
      union all
      select f.site_id, f.day, f.kind, 'fb_resp', f.form_version_id::text, count(*) from f group by 1, 2, 3, 5
      union all
      select f.site_id, f.day, f.kind, 'fb_outside', f.form_version_id::text, count(*) from f where f.group_session_id is null group by 1, 2, 3, 5
      union all
      select f.site_id, f.day, f.kind, 'fb_ans', a.item_id::text || ':' || case when a.is_not_applicable then 'na' else a.score::text end, count(*)
        from f join feedback_answers a on a.response_id = f.id
       where a.score is not null or a.is_not_applicable group by 1, 2, 3, 5
    )`;
}

/**
 * Queues, for the given site-days, the difference between a recount from the base tables and what the
 * rollups will hold once the queue is folded (their day rows plus the queued deltas, expanded as the fold
 * expands them: report_rollup_delta_expanded, migration 0034): after folding,
 * those site-days equal the recount. One statement, so the recount and the queue are read in one
 * snapshot (a write commits its rows and its deltas together), without a stricter isolation level.
 * LATERAL makes the database fetch each site-day's encounters through the (site_id, occurred_at)
 * index, one Helsinki day at a time, whatever it guesses about the list's size. Run under the fold lock.
 */
export async function queueRecountCorrection(ex: Executor, batch: SiteDays): Promise<void> {
  const siteDays = siteDaysTable(batch);
  const counted = countedSql(
    sql`select e.*, t.day from (${siteDays}) t cross join lateral (
          select * from encounters e where e.site_id = t.site_id
             and e.occurred_at >= (t.day::timestamp at time zone 'Europe/Helsinki')
             and e.occurred_at < ((t.day + 1)::timestamp at time zone 'Europe/Helsinki')) e`,
    sql`select s.* from (${siteDays}) t cross join lateral (
          select * from outreach_sessions s where s.site_id = t.site_id and s.day = t.day) s`,
    sql`select f.* from (${siteDays}) t cross join lateral (
          select * from feedback_responses f where f.site_id = t.site_id and f.submitted_on = t.day) f`,
  );
  await ex.execute(sql`
    ${counted}, t as (${siteDays})
    insert into report_rollup_delta (site_id, day, session_kind, metric, key, n)
    select site_id, day, kind, metric, key, sum(n)
      from (select site_id, day, kind, metric, key, n from counted
            union all
            select r.site_id, r.period_start, r.session_kind, r.metric, r.key, -r.n
              from t join report_rollup r on r.grain = 'd' and r.site_id = t.site_id and r.period_start = t.day
            union all
            select q.site_id, q.day, q.session_kind, q.metric, q.key, -q.n
              from t join report_rollup_delta_expanded q on q.site_id = t.site_id and q.day = t.day) x
     group by site_id, day, kind, metric, key
    having sum(n) <> 0`);
}

/**
 * Recomputes every rollup row in three passes over the data (days, then months, then years), then the
 * regions' rows. The day rows are counted in the statement that empties the queue and the marks, so
 * both read one snapshot: every delta left in the queue belongs to a write the count did not see.
 * Run under the fold lock.
 */
export async function computeAllRows(ex: Executor): Promise<void> {
  await ex.execute(sql`delete from report_rollup`);
  await ex.execute(sql`
    ${countedSql(
      sql`select e.*, (e.occurred_at at time zone 'Europe/Helsinki')::date as day from encounters e`,
      sql`select * from outreach_sessions`,
      sql`select * from feedback_responses`,
    )},
    -- Run to completion though nothing reads them (as every data-modifying WITH).
    queued as (delete from report_rollup_delta returning 1),
    marked as (delete from report_rollup_dirty returning 1)
    insert into report_rollup (grain, site_id, period_start, session_kind, metric, key, n)
    select 'd', site_id, day, kind, metric, key, n from counted where n > 0`);
  for (const [grain, unit, finer] of [['m', 'month', 'd'], ['y', 'year', 'm']] as const) {
    await ex.execute(sql`
      insert into report_rollup (grain, site_id, period_start, session_kind, metric, key, n)
      select ${grain}, site_id, date_trunc(${sql.raw(`'${unit}'`)}, period_start)::date, session_kind, metric, key, sum(n)
        from report_rollup where grain = ${finer}
       group by site_id, date_trunc(${sql.raw(`'${unit}'`)}, period_start)::date, session_kind, metric, key`);
  }
  await computeAllRegionRows(ex);
}

