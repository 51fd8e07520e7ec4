import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';

// The region rollups (migration 0006_report_rollups_region_feedback.sql): recounted from the site rows
// of the same grain after a rebuild or a refresh of many site-days; a usual refresh moves them by
// deltas instead (deltas.ts).

/**
 * Each day row counts once at each grain: in its day, its month and its year. The grains are typed as
 * the tables' char(1) column: as text they would cast the column instead, and no index would be used.
 */
export const grainStarts = sql`
  cross join (values ('d'::char(1)), ('m'::char(1)), ('y'::char(1))) as g (grain)
  cross join lateral (select case g.grain when 'd' then r.period_start
                                          when 'm' then date_trunc('month', r.period_start)::date
                                          else date_trunc('year', r.period_start)::date end as start) as p`;

/** The (grain, region, period start) of the region rows that hold the given site-days. */
export const regionPeriods = (siteDays: SQL): SQL => sql`
  select distinct g.grain, s.region_id, p.start
    from (select t.site_id, t.day as period_start from (${siteDays}) t) r
    join sites s on s.id = r.site_id
    ${grainStarts}`;

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
