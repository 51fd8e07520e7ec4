import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connect.js';
import { grainStarts, regionPeriods } from './region.js';

// The usual refresh (a few site-days) moves the coarser rows by deltas: it subtracts a site-day's day
// rows before recomputing them and adds the new ones after, to the site's month and year rows and to
// the region's day, month and year rows. The work is proportional to the site-day's own rows, not to
// its month (about thirty days of rows) or its region, so the hot day of a busy site stays cheap.

/** Adds (+1) or subtracts (-1) the day rows of `siteDays` to their site's month and year rows and their region's rows. */
export async function applyDayRowsDelta(ex: Executor, siteDays: SQL, sign: 1 | -1): Promise<void> {
  const dayRows = sql`
      from (${siteDays}) t
      join report_rollup r on r.grain = 'd' and r.site_id = t.site_id and r.period_start = t.day`;
  await ex.execute(sql`
    insert into report_rollup (grain, site_id, period_start, session_kind, metric, key, n)
    select g.grain, r.site_id, p.start, r.session_kind, r.metric, r.key, ${sign}::bigint * sum(r.n)
      ${dayRows}
      ${grainStarts}
     where g.grain <> 'd'
     group by g.grain, r.site_id, p.start, r.session_kind, r.metric, r.key
    on conflict (grain, site_id, period_start, session_kind, metric, key)
      do update set n = report_rollup.n + excluded.n`);
  await ex.execute(sql`
    insert into report_rollup_region (grain, region_id, period_start, session_kind, metric, key, n)
    select g.grain, s.region_id, p.start, r.session_kind, r.metric, r.key, ${sign}::bigint * sum(r.n)
      ${dayRows}
      join sites s on s.id = r.site_id
      ${grainStarts}
     group by g.grain, s.region_id, p.start, r.session_kind, r.metric, r.key
    on conflict (grain, region_id, period_start, session_kind, metric, key)
      do update set n = report_rollup_region.n + excluded.n`);
}

/** Deletes the month, year and region rows that reached zero in the periods holding `siteDays` (a recount writes none). */
export async function dropEmptyRows(ex: Executor, siteDays: SQL): Promise<void> {
  await ex.execute(sql`
    delete from report_rollup x
     using (select distinct g.grain, r.site_id, p.start
              from (select t.site_id, t.day as period_start from (${siteDays}) t) r ${grainStarts} where g.grain <> 'd') a
     where x.grain = a.grain and x.site_id = a.site_id and x.period_start = a.start and x.n = 0`);
  await ex.execute(sql`
    delete from report_rollup_region x using (${regionPeriods(siteDays)}) a
     where x.grain = a.grain and x.region_id = a.region_id and x.period_start = a.start and x.n = 0`);
}
