import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Executor } from '../../db/connect.js';
import { queueRecountCorrection, type SiteDays } from './compute.js';
import { foldQueueBatch, FOLD_BATCH } from './fold.js';

// Any fixed number: folds of all Silta processes on one database take turns. Report reads never take
// it: they read what is folded (MVCC needs no lock), and only try to fold first when no one else is.
export const REFRESH_LOCK_KEY = 7_411_020_505;
/** Site-days recounted per statement: bounded so one statement never holds millions of rows. */
const BATCH = 2_000;

function batches(pairs: { site_id: string; day: string }[]): SiteDays[] {
  const out: SiteDays[] = [];
  for (let i = 0; i < pairs.length; i += BATCH) {
    const slice = pairs.slice(i, i + BATCH);
    out.push({ siteIds: slice.map((p) => p.site_id), days: slice.map((p) => p.day) });
  }
  return out;
}

/**
 * Site-days marked in report_rollup_dirty (by the triggers before migration 0019, or on purpose by a
 * backfill) are recounted: the difference to the rollups is queued and folded like any write.
 */
async function queueMarkedSiteDays(tx: Executor, onProgress?: (done: number, total: number) => void): Promise<number> {
  const taken = rowsOf<{ site_id: string; day: string }>(
    await tx.execute(sql`
      with taken as (delete from report_rollup_dirty returning site_id, day)
      select distinct site_id::text as site_id, to_char(day, 'YYYY-MM-DD') as day from taken order by 1, 2`),
  );
  for (const [i, batch] of batches(taken).entries()) {
    await queueRecountCorrection(tx, batch);
    onProgress?.(Math.min((i + 1) * BATCH, taken.length), taken.length);
  }
  return taken.length;
}

/**
 * One fold transaction: recounts marked site-days, folds up to FOLD_BATCH queued deltas and, when the
 * queue is drained, records `at` as the time the figures are complete up to. Null when `wait` is false
 * and another process holds the lock.
 */
async function foldOnce(db: Database, at: Date, wait: boolean, onProgress?: (done: number, total: number) => void) {
  return db.orm.transaction(async (tx) => {
    if (wait) await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK_KEY})`);
    else {
      const [lock] = rowsOf<{ got: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${REFRESH_LOCK_KEY}) as got`));
      if (!lock!.got) return null;
    }
    const recounted = await queueMarkedSiteDays(tx, onProgress);
    const folded = await foldQueueBatch(tx);
    const drained = folded < FOLD_BATCH;
    if (drained) await tx.execute(sql`update report_rollup_state set folded_at = ${at.toISOString()}::timestamptz`);
    return { changes: recounted + folded, drained };
  });
}

/**
 * Folds the queued changes into the rollups, waiting for a fold elsewhere to finish. A failure leaves
 * the queue as it was for the next try. `at` (now by default) must be taken before the call: every
 * change committed before it is folded. Returns the number of queue rows and marked site-days taken.
 */
export async function refreshReportRollups(db: Database, onProgress?: (done: number, total: number) => void, at: Date = new Date()): Promise<number> {
  let changes = 0;
  for (;;) {
    const step = (await foldOnce(db, at, true, onProgress))!;
    changes += step.changes;
    if (step.drained) return changes;
  }
}

/** What a try to fold found: someone else folding, everything queued folded, or more left (a backlog). */
export type FoldOutcome = 'busy' | 'drained' | 'more';

/**
 * One batch of the fold, only when no other fold is running and never waiting for one. The report
 * folds one batch at most; the server's job keeps going while there is more.
 */
export async function foldIfFree(db: Database, at: Date): Promise<FoldOutcome> {
  const step = await foldOnce(db, at, false);
  return step === null ? 'busy' : step.drained ? 'drained' : 'more';
}

/**
 * Queue rows a report read folds itself at most: one fold batch, as before this limit, so a reader
 * still sees their own save and a known-answer dataset is folded by its first read. A longer queue is a
 * backlog (a long stall of the writes, a restore, a backfill): a read that folded it would make every
 * read do the background job's work while the writes pile up. The report says how fresh its figures
 * are instead, and the job folds the backlog. (The soak's stalls queued at most ~4,300 rows, so this is
 * a safeguard, not what the PostgreSQL soak's collapse was.)
 */
export const INLINE_FOLD_LIMIT = FOLD_BATCH;

/**
 * What a report read folds first: the queue when it is short and no one else is folding; nothing
 * (`backlog`) when it is longer than INLINE_FOLD_LIMIT or site-days are marked for a recount. The
 * look at the queue reads at most INLINE_FOLD_LIMIT + 1 rows and takes no lock.
 */
export async function foldForRead(db: Database, at: Date): Promise<FoldOutcome | 'backlog'> {
  const [queue] = rowsOf<{ n: number; marked: boolean }>(
    await db.orm.execute(sql`
      select (select count(*)::int from (select 1 from report_rollup_delta limit ${INLINE_FOLD_LIMIT + 1}) q) as n,
             exists (select 1 from report_rollup_dirty) as marked`),
  );
  if (queue!.n > INLINE_FOLD_LIMIT || queue!.marked) return 'backlog';
  return foldIfFree(db, at);
}

/** The time the figures are complete up to (every change committed before it is folded), or null before the first fold. */
export async function foldedAt(ex: Executor): Promise<string | null> {
  const [row] = rowsOf<{ at: string | null }>(await ex.execute(sql`select to_char(folded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at from report_rollup_state`));
  return row?.at ?? null;
}
