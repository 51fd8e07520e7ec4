// The soak's view from the side (PostgreSQL only): a connection of its own that can stall the saves on
// purpose (a checkpoint's long sync did so by accident in a ten-minute run, and the server never
// recovered) and that samples, every few seconds, what the database is doing: the rollup delta queue
// and the server's connections (working, waiting for a lock, idle in a transaction).
import pg from 'pg';
import { percentile, sortedCopy } from '../bench/stats.js';

/** Holds the lock the saves need (they insert into encounters) for `seconds`: reads go on, writes wait. */
export async function stallWrites(url: string, seconds: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('lock table encounters in exclusive mode');
    await client.query('select pg_sleep($1)', [seconds]);
    await client.query('commit');
  } finally {
    await client.end();
  }
}

export type DbSample = { atMs: number; deltaQueue: number; active: number; lockWaits: number; idleInTransaction: number; longestActiveMs: number };

/** Samples the database every `everyMs` until stopped; `at()` is the time on the soak's own clock. */
export async function sampleDatabase(url: string, everyMs: number, at: () => number): Promise<{ stop: () => Promise<DbSample[]> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const samples: DbSample[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const atMs = at();
      try {
        const { rows } = await client.query<{ queue: string; active: string; lock_waits: string; idle_tx: string; longest_ms: string | null }>(`
          select (select count(*) from report_rollup_delta) as queue,
                 count(*) filter (where state = 'active') as active,
                 count(*) filter (where wait_event_type = 'Lock') as lock_waits,
                 count(*) filter (where state like 'idle in transaction%') as idle_tx,
                 max(extract(epoch from now() - query_start) * 1000) filter (where state = 'active') as longest_ms
            from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
        const r = rows[0]!;
        samples.push({ atMs, deltaQueue: Number(r.queue), active: Number(r.active), lockWaits: Number(r.lock_waits), idleInTransaction: Number(r.idle_tx), longestActiveMs: Math.round(Number(r.longest_ms ?? 0)) });
      } catch {
        // A sample lost under load is no reason to end the soak.
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      await client.end();
      return samples;
    },
  };
}

/** One request of the measured run: when it started (ms after the run began), its kind, how long to its final answer, and whether that was an error. */
export type Outcome = { atMs: number; kind: 'save' | 'batch' | 'read'; latencyMs: number; error: boolean; shed: number };

export type Segment = {
  /** Seconds after the measured run began. */
  fromS: number;
  reads: number;
  readP95: number;
  saveP95: number;
  errors: number;
  /** 503 busy answers (each then sent again) of the requests started in the segment. */
  shed: number;
  /** The database samples of the segment: the longest delta queue, the most connections at work or waiting for a lock. */
  deltaQueueMax: number | null;
  dbActiveMax: number | null;
  lockWaitsMax: number | null;
  /** Connections in a transaction but not running a statement: the server holds them while it does other work (or leaked them). */
  idleInTransactionMax: number | null;
};

/** The length of a segment of the run. */
export const SEGMENT_S = 10;

export function segments(outcomes: Outcome[], samples: DbSample[], durationMs: number): Segment[] {
  const segmentMs = SEGMENT_S * 1000;
  return Array.from({ length: Math.ceil(durationMs / segmentMs) }, (_, i) => {
    const inSegment = ({ atMs }: { atMs: number }) => Math.floor(atMs / segmentMs) === i;
    const mine = outcomes.filter(inSegment);
    const p95 = (kind: Outcome['kind']) => Math.round(percentile(sortedCopy(mine.filter((o) => o.kind === kind && !o.error).map((o) => o.latencyMs)), 95));
    const db = samples.filter(inSegment);
    const most = (pick: (s: DbSample) => number) => (db.length === 0 ? null : Math.max(...db.map(pick)));
    return {
      fromS: (i * segmentMs) / 1000,
      reads: mine.filter((o) => o.kind === 'read').length,
      readP95: p95('read'),
      saveP95: p95('save'),
      errors: mine.filter((o) => o.error).length,
      shed: mine.reduce((sum, o) => sum + o.shed, 0),
      deltaQueueMax: most((s) => s.deltaQueue),
      dbActiveMax: most((s) => s.active),
      lockWaitsMax: most((s) => s.lockWaits),
      idleInTransactionMax: most((s) => s.idleInTransaction),
    };
  });
}

/**
 * The read p95 a segment must keep to count as held after a stall: the target, or half as much again
 * as the worst segment before the stall when that is higher (on a machine loaded by other work the
 * target may not hold even before the stall; recovery means getting back to how it was).
 */
export function heldReadP95(segs: Segment[], stallAtS: number, targetMs: number): number {
  return Math.max(targetMs, ...segs.filter((s) => s.fromS + SEGMENT_S <= stallAtS).map((s) => Math.round(s.readP95 * 1.5)));
}

/**
 * Seconds from the end of the stall to the start of the first segment from which every later
 * segment holds: no errors, no request shed, and report reads at p95 within `readP95Ms`. Null when it
 * never held again.
 */
export function recoverySeconds(segs: Segment[], stallEndS: number, readP95Ms: number): number | null {
  const holds = (s: Segment) => s.errors === 0 && s.shed === 0 && s.readP95 <= readP95Ms;
  const after = segs.filter((s) => s.fromS + SEGMENT_S > stallEndS);
  for (let i = 0; i < after.length; i++) {
    if (after.slice(i).every(holds)) return Math.max(0, after[i]!.fromS - stallEndS);
  }
  return null;
}
