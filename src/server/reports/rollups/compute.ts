import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { applyDayRowsDelta, dropEmptyRows } from './deltas.js';
import { computeAllRegionRows, recountRegionPeriods } from './region.js';

/** Site-days as two parallel comma lists: array parameters differ between the drivers, text does not. */
export type SiteDays = { siteIds: string[]; days: string[] };

const siteDaysTable = (batch: SiteDays): SQL => sql`
  select s::uuid as site_id, d::date as day
    from unnest(string_to_array(${batch.siteIds.join(',')}, ','), string_to_array(${batch.days.join(',')}, ',')) as u(s, d)`;

/**
 * The day rows (migration 0005 lists the metrics) of the encounters and sessions a source gives:
 * `encounters` yields encounter rows with their Helsinki `day`, `sessions` session rows and
 * `feedback` feedback responses.
 */
function dayRowsSql(encounterSource: SQL, sessionSource: SQL, feedbackSource: SQL): SQL {
  return sql`
    with e as (
      select e.id, e.site_id, e.day, coalesce(os.kind, '') as kind, e.visitor_code is null as anonymous, e.is_urgent,
             e.is_first_visit, e.age_band,
             extract(isodow from e.occurred_at at time zone 'Europe/Helsinki')::int as dow,
             extract(hour from e.occurred_at at time zone 'Europe/Helsinki')::int as hr,
             (select count(*) from encounter_professionals p where p.encounter_id = e.id)::int as contacts
        from (${encounterSource}) e
        left join outreach_sessions os on os.id = e.session_id
    ),
    s as (select s.id, s.site_id, s.day, s.kind from (${sessionSource}) s where not s.is_cancelled),
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
          ('enc', 'first', (e.is_first_visit is true)::int), ('enc', 'repeat', (e.is_first_visit is false)::int),
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
      select s.site_id, s.day, s.kind, 'sess', 'held', count(*) from s group by 1, 2, 3
      union all
      select s.site_id, s.day, s.kind, 'sess', 'hours_x100', sum(round(sp.hours * 100))::bigint
        from s join session_professionals sp on sp.session_id = s.id group by 1, 2, 3
      union all
      select f.site_id, f.day, f.kind, 'fb_resp', f.form_version_id::text, count(*) from f group by 1, 2, 3, 5
      union all
      select f.site_id, f.day, f.kind, 'fb_outside', f.form_version_id::text, count(*) from f where f.group_session_id is null group by 1, 2, 3, 5
      union all
      select f.site_id, f.day, f.kind, 'fb_ans', a.item_id::text || ':' || case when a.is_not_applicable then 'na' else a.score::text end, count(*)
        from f join feedback_answers a on a.response_id = f.id
       where a.score is not null or a.is_not_applicable group by 1, 2, 3, 5
    )
    insert into report_rollup (grain, site_id, period_start, session_kind, metric, key, n)
    select 'd', site_id, day, kind, metric, key, n from counted where n > 0`;
}

/**
 * Recomputes the day rows of the given site-days from the base tables, and with `byDeltas` moves the
 * sites' month and year rows and the regions' rows by the difference (deltas.ts). LATERAL makes the database
 * fetch each site-day's encounters through the (site_id, occurred_at) index, one Helsinki day at a
 * time, whatever it guesses about the list's size.
 */
export async function computeDayRows(ex: Executor, batch: SiteDays, byDeltas: boolean): Promise<void> {
  const siteDays = siteDaysTable(batch);
  if (byDeltas) await applyDayRowsDelta(ex, siteDays, -1);
  await ex.execute(sql`
    delete from report_rollup r using (${siteDays}) t
     where r.grain = 'd' and r.site_id = t.site_id and r.period_start = t.day`);
  await ex.execute(dayRowsSql(
    sql`select e.*, t.day from (${siteDays}) t cross join lateral (
          select * from encounters e where e.site_id = t.site_id
             and e.occurred_at >= (t.day::timestamp at time zone 'Europe/Helsinki')
             and e.occurred_at < ((t.day + 1)::timestamp at time zone 'Europe/Helsinki')) e`,
    sql`select s.* from (${siteDays}) t cross join lateral (
          select * from outreach_sessions s where s.site_id = t.site_id and s.day = t.day) s`,
    sql`select f.* from (${siteDays}) t cross join lateral (
          select * from feedback_responses f where f.site_id = t.site_id and f.submitted_on = t.day) f`,
  ));
  if (byDeltas) {
    await applyDayRowsDelta(ex, siteDays, 1);
    await dropEmptyRows(ex, siteDays);
  }
}

/** Recounts the region rows of the periods holding the given site-days (see recountRegionPeriods). */
export async function recountRegions(ex: Executor, batch: SiteDays): Promise<void> {
  await recountRegionPeriods(ex, siteDaysTable(batch));
}

/** Recomputes every rollup row in three passes over the data (days, then months, then years), then the regions' rows. */
export async function computeAllRows(ex: Executor): Promise<void> {
  await ex.execute(sql`delete from report_rollup`);
  await ex.execute(dayRowsSql(
    sql`select e.*, (e.occurred_at at time zone 'Europe/Helsinki')::date as day from encounters e`,
    sql`select * from outreach_sessions`,
    sql`select * from feedback_responses`,
  ));
  for (const [grain, unit, finer] of [['m', 'month', 'd'], ['y', 'year', 'm']] as const) {
    await ex.execute(sql`
      insert into report_rollup (grain, site_id, period_start, session_kind, metric, key, n)
      select ${grain}, site_id, date_trunc(${sql.raw(`'${unit}'`)}, period_start)::date, session_kind, metric, key, sum(n)
        from report_rollup where grain = ${finer}
       group by site_id, date_trunc(${sql.raw(`'${unit}'`)}, period_start)::date, session_kind, metric, key`);
  }
  await computeAllRegionRows(ex);
}

/**
 * Recomputes the month rows ('m', from day rows) or year rows ('y', from month rows) of the periods
 * holding the given site-days. Run months before years.
 */
export async function computeCoarserRows(ex: Executor, grain: 'm' | 'y', batch: SiteDays): Promise<void> {
  const unit = grain === 'm' ? sql.raw(`'month'`) : sql.raw(`'year'`);
  const finer = grain === 'm' ? 'd' : 'm';
  const periods = sql`select distinct site_id, date_trunc(${unit}, day)::date as start from (${siteDaysTable(batch)}) t`;
  await ex.execute(sql`
    delete from report_rollup r using (${periods}) p
     where r.grain = ${grain} and r.site_id = p.site_id and r.period_start = p.start`);
  await ex.execute(sql`
    insert into report_rollup (grain, site_id, period_start, session_kind, metric, key, n)
    select ${grain}, p.site_id, p.start, r.session_kind, r.metric, r.key, sum(r.n)
      from (${periods}) p
      join report_rollup r on r.grain = ${finer} and r.site_id = p.site_id
       and r.period_start >= p.start and r.period_start < (p.start + ${grain === 'm' ? sql`interval '1 month'` : sql`interval '1 year'`})::date
     group by p.site_id, p.start, r.session_kind, r.metric, r.key`);
}
