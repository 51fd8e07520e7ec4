import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Executor } from '../../db/connect.js';
import { computeCoarserRows, computeDayRows, recountRegions, type SiteDays } from './compute.js';

// Any fixed number: refreshes of all Silta processes on one database take turns.
export const REFRESH_LOCK_KEY = 7_411_020_505;
/** Site-days recomputed per statement: bounded so one statement never holds millions of rows. */
const BATCH = 2_000;
/** Up to this many site-days a refresh moves the coarser rows by deltas; above it, it recounts them. */
export const DELTA_LIMIT = 200;

function batches(pairs: { site_id: string; day: string }[]): SiteDays[] {
  const out: SiteDays[] = [];
  for (let i = 0; i < pairs.length; i += BATCH) {
    const slice = pairs.slice(i, i + BATCH);
    out.push({ siteIds: slice.map((p) => p.site_id), days: slice.map((p) => p.day) });
  }
  return out;
}

/**
 * Recomputes the given site-days at every grain, inside the caller's transaction. The month, year and
 * region rows follow by deltas when the site-days are few (the usual refresh: cost by the site-days'
 * own rows), and are recounted from the finer rows when they are many (deltas would rewrite each
 * month and year once per site-day).
 */
export async function recomputeSiteDays(tx: Executor, pairs: { site_id: string; day: string }[], onProgress?: (done: number, total: number) => void): Promise<void> {
  const parts = batches(pairs);
  const byDeltas = pairs.length <= DELTA_LIMIT;
  for (const [i, batch] of parts.entries()) {
    await computeDayRows(tx, batch, byDeltas);
    onProgress?.(Math.min((i + 1) * BATCH, pairs.length), pairs.length);
  }
  if (byDeltas) return;
  // Months and years are sums of the finer rows, so they are computed once all days are in place.
  for (const batch of parts) await computeCoarserRows(tx, 'm', batch);
  for (const batch of parts) await computeCoarserRows(tx, 'y', batch);
  for (const batch of parts) await recountRegions(tx, batch);
}

/**
 * Folds the site-days marked by the triggers into the rollups, in one transaction: the marks are
 * taken and the figures recomputed together, so a failure leaves the marks for the next try. Marks
 * written by transactions that commit meanwhile stay for the next refresh. Returns the number of
 * site-days recomputed.
 */
export async function refreshReportRollups(db: Database, onProgress?: (done: number, total: number) => void): Promise<number> {
  return db.orm.transaction((tx) => refreshWithin(tx, onProgress));
}

/** The refresh inside a transaction the caller owns. */
export async function refreshWithin(tx: Executor, onProgress?: (done: number, total: number) => void): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK_KEY})`);
  const taken = rowsOf<{ site_id: string; day: string }>(
    await tx.execute(sql`
      with taken as (delete from report_rollup_dirty returning site_id, day)
      select distinct site_id::text as site_id, to_char(day, 'YYYY-MM-DD') as day from taken order by 1, 2`),
  );
  if (taken.length === 0) return 0;
  await recomputeSiteDays(tx, taken, onProgress);
  return taken.length;
}
