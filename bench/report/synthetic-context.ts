// What every step of the synthetic generator shares: one database session (the steps keep their
// working tables as temporary tables in it), the seed, the period and the ids made so far.
import type { RawSession } from '../../src/server/db/connect.js';
import { rand } from './sql-random.js';

export type SyntheticOptions = {
  /** Encounters to generate (1,000,000 by default in the bench; up to 10,000,000). */
  encounters: number;
  /** Sites of the one region (100 in the bench; fewer in the generator's own test). */
  sites: number;
  /** First and last day of the history ('YYYY-MM-DD'); the bench ends it yesterday. */
  firstDay: string;
  lastDay: string;
  seed: number;
  /** Encounters per chunk (one INSERT … SELECT per table and chunk). */
  chunkRows: number;
};

export type GenContext = SyntheticOptions & {
  session: RawSession;
  engine: 'pglite' | 'postgres';
  regionId: string;
  coordinatorId: string;
  log: (line: string) => void;
};

/** A uniform value in [0, 1) of the row number `key` for attribute `salt`, under the run's seed. */
export const r = (ctx: Pick<GenContext, 'seed'>, key: string, salt: number): string => rand(key, ctx.seed, salt);

/** Milliseconds since the epoch of a timestamptz expression, for time-ordered ids. */
export const millisOf = (timestamp: string): string => `(extract(epoch from ${timestamp}) * 1000)`;

/** The instant of Helsinki wall-clock `minutes` after midnight of the date expression `day`. */
export const helsinkiAt = (day: string, minutes: string): string =>
  `((${day})::timestamp + make_interval(mins => (${minutes})::int)) at time zone 'Europe/Helsinki'`;

export async function timed<T>(ctx: Pick<GenContext, 'log'>, label: string, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const startedAt = performance.now();
  const value = await work();
  const ms = performance.now() - startedAt;
  ctx.log(`${label}: ${(ms / 1000).toFixed(1)} s`);
  return { value, ms };
}

export async function countOf(session: RawSession, table: string): Promise<number> {
  const [row] = await session.query<{ n: string | number }>(`select count(*) as n from ${table}`);
  return Number(row?.n ?? 0);
}
