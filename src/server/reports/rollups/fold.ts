import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/connect.js';
import { grainStarts } from './region.js';

// The queue (migration 0019_rollup_delta_queue.sql) holds each write's change of the day figures (in
// fewer rows since migration 0034, expanded here into the rollup keys); a fold adds a batch of it to
// the site's day, month and year rows and to the region's, summed per key first, so a busy day's hot
// rows are written once per fold rather than once per save. The work is proportional to what changed,
// never to the size of the day.

/** Queue rows taken per statement: bounded so a backlog (a restore, a backfill) folds in steps. */
export const FOLD_BATCH = 20_000;

/** Folds up to FOLD_BATCH queued deltas into the rollups, inside the caller's transaction (which holds the fold lock). Returns how many it took. */
export async function foldQueueBatch(ex: Executor): Promise<number> {
  const [taken] = rowsOf<{ n: number }>(await ex.execute(sql`
    with taken as (
      delete from report_rollup_delta
       where ctid in (select ctid from report_rollup_delta limit ${FOLD_BATCH})
      returning site_id, day, session_kind, metric, key, n
    ),
    queued as (
      select site_id, day, session_kind, metric, key, sum(n) as n
        from taken group by site_id, day, session_kind, metric, key having sum(n) <> 0
    ),
    -- The queue's own keys (x_e, x_p, x_c: migration 0034) stand for several rollup keys each; expanded
    -- after the first sum, so a busy day's saves are expanded once per distinct queued key.
    summed as (
      select q.site_id, q.day as period_start, q.session_kind, x.metric, x.key, sum(q.n * x.k) as n
        from queued q cross join lateral rollup_expand(q.metric, q.key) x
       group by q.site_id, q.day, q.session_kind, x.metric, x.key having sum(q.n * x.k) <> 0
    ),
    site_rows as (
      insert into report_rollup (grain, site_id, period_start, session_kind, metric, key, n)
      select g.grain, r.site_id, p.start, r.session_kind, r.metric, r.key, sum(r.n)
        from summed r ${grainStarts}
       group by g.grain, r.site_id, p.start, r.session_kind, r.metric, r.key
      on conflict (grain, site_id, period_start, session_kind, metric, key)
        do update set n = report_rollup.n + excluded.n
    ),
    region_rows as (
      insert into report_rollup_region (grain, region_id, period_start, session_kind, metric, key, n)
      select g.grain, s.region_id, p.start, r.session_kind, r.metric, r.key, sum(r.n)
        from summed r join sites s on s.id = r.site_id ${grainStarts}
       group by g.grain, s.region_id, p.start, r.session_kind, r.metric, r.key
      on conflict (grain, region_id, period_start, session_kind, metric, key)
        do update set n = report_rollup_region.n + excluded.n
    )
    select count(*)::int as n from taken`));
  // A recount writes no zero rows, so neither does the fold (the partial indexes find them).
  await ex.execute(sql`delete from report_rollup where n = 0`);
  await ex.execute(sql`delete from report_rollup_region where n = 0`);
  return taken!.n;
}
