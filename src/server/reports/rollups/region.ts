import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';

// The region rollups (migration 0006_report_rollups_region_feedback.sql): recounted from the site rows
// of the same grain after a rebuild; the fold moves them by the queued deltas (fold.ts).

/**
 * Each day row counts once at each grain: in its day, its month and its year. The grains are typed as
 * the tables' char(1) column: as text they would cast the column instead, and no index would be used.
 */
export const grainStarts = sql`
  cross join (values ('d'::char(1)), ('m'::char(1)), ('y'::char(1))) as g (grain)
  cross join lateral (select case g.grain when 'd' then r.period_start
                                          when 'm' then date_trunc('month', r.period_start)::date
                                          else date_trunc('year', r.period_start)::date end as start) as p`;

/** Recounts every region row from the site rows (after computeAllRows). */
export async function computeAllRegionRows(ex: Executor): Promise<void> {
  await ex.execute(sql`delete from report_rollup_region`);
  await ex.execute(sql`
    insert into report_rollup_region (grain, region_id, period_start, session_kind, metric, key, n)
    select r.grain, s.region_id, r.period_start, r.session_kind, r.metric, r.key, sum(r.n)
      from report_rollup r join sites s on s.id = r.site_id
     group by r.grain, s.region_id, r.period_start, r.session_kind, r.metric, r.key`);
}
