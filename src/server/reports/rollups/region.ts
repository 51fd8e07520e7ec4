import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';

// The region rollups (migration 0006_report_rollups_region_feedback.sql) follow the site rollups by deltas: a refresh subtracts a
// site-day's day rows before recomputing them and adds the new ones after, at every grain. The work is
// proportional to the site-day, not to the region, so the hot day of a busy region stays cheap.

/** Each day row counts once at each grain: in its day, its month and its year. */
const grainStarts = sql`
  cross join (values ('d'), ('m'), ('y')) as g (grain)
  cross join lateral (select case g.grain when 'd' then r.period_start
                                          when 'm' then date_trunc('month', r.period_start)::date
                                          else date_trunc('year', r.period_start)::date end as start) as p`;

/** Adds (+1) or subtracts (-1) the site day rows of `siteDays` to their regions' rows at every grain. */
export async function applyDayRowsToRegions(ex: Executor, siteDays: SQL, sign: 1 | -1): Promise<void> {
  await ex.execute(sql`
    insert into report_rollup_region (grain, region_id, period_start, session_kind, metric, key, n)
    select g.grain, s.region_id, p.start, r.session_kind, r.metric, r.key, ${sign}::bigint * sum(r.n)
      from (${siteDays}) t
      join report_rollup r on r.grain = 'd' and r.site_id = t.site_id and r.period_start = t.day
      join sites s on s.id = r.site_id
      ${grainStarts}
     group by g.grain, s.region_id, p.start, r.session_kind, r.metric, r.key
    on conflict (grain, region_id, period_start, session_kind, metric, key)
      do update set n = report_rollup_region.n + excluded.n`);
}

/** The (grain, region, period start) of the region rows that hold the given site-days. */
const regionPeriods = (siteDays: SQL): SQL => sql`
  select distinct g.grain, s.region_id, p.start
    from (select t.site_id, t.day as period_start from (${siteDays}) t) r
    join sites s on s.id = r.site_id
    ${grainStarts}`;

/** Deletes the region rows that reached zero in the periods holding `siteDays` (a rebuild has none). */
export async function dropEmptyRegionRows(ex: Executor, siteDays: SQL): Promise<void> {
  await ex.execute(sql`
    delete from report_rollup_region x using (${regionPeriods(siteDays)}) a
     where x.grain = a.grain and x.region_id = a.region_id and x.period_start = a.start and x.n = 0`);
}

/**
 * Recounts the region rows of the periods holding `siteDays` from the site rows of the same grain
 * (which must be current). For a refresh of many site-days at once (a migration's backfill, a restore),
 * where deltas would update the same region rows over and over.
 */
export async function recountRegionPeriods(ex: Executor, siteDays: SQL): Promise<void> {
  await ex.execute(sql`
    delete from report_rollup_region x using (${regionPeriods(siteDays)}) a
     where x.grain = a.grain and x.region_id = a.region_id and x.period_start = a.start`);
  await ex.execute(sql`
    insert into report_rollup_region (grain, region_id, period_start, session_kind, metric, key, n)
    select a.grain, a.region_id, a.start, r.session_kind, r.metric, r.key, sum(r.n)
      from (${regionPeriods(siteDays)}) a
      join sites s on s.region_id = a.region_id
      join report_rollup r on r.grain = a.grain and r.site_id = s.id and r.period_start = a.start
     group by a.grain, a.region_id, a.start, r.session_kind, r.metric, r.key`);
}

/** Recounts every region row from the site rows (after computeAllRows). */
export async function computeAllRegionRows(ex: Executor): Promise<void> {
  await ex.execute(sql`delete from report_rollup_region`);
  await ex.execute(sql`
    insert into report_rollup_region (grain, region_id, period_start, session_kind, metric, key, n)
    select r.grain, s.region_id, r.period_start, r.session_kind, r.metric, r.key, sum(r.n)
      from report_rollup r join sites s on s.id = r.site_id
     group by r.grain, s.region_id, r.period_start, r.session_kind, r.metric, r.key`);
}
