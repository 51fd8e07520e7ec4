import { sql } from 'drizzle-orm';
import { useWholeTableSettings, type Database } from '../../db/connect.js';
import { computeAllRows } from './compute.js';
import { REFRESH_LOCK_KEY } from './refresh.js';

/**
 * Recomputes every rollup from the base tables: after a bulk load with the triggers switched off, or
 * to check that the incremental rollups match a fresh count. One transaction, so readers see either
 * the old or the new rollups; set-based passes over whole tables rather than site-day by site-day.
 * `onProgress` hears (1, 1) when done.
 */
export async function rebuildReportRollups(db: Database, onProgress?: (done: number, total: number) => void, at: Date = new Date()): Promise<void> {
  await db.orm.transaction(async (tx) => {
    // Lock first: a fold running meanwhile must not write rows this recount has not seen.
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK_KEY})`);
    // The recount reads whole tables, where JIT and parallel workers pay off (the pool turns them off).
    await useWholeTableSettings(tx, db.engine);
    // Queued deltas and marks the recount sees are taken with it (computeAllRows); later ones stay for the next fold.
    await computeAllRows(tx);
    await tx.execute(sql`update report_rollup_state set folded_at = ${at.toISOString()}::timestamptz`);
  });
  onProgress?.(1, 1);
}
