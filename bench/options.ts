// Bench options from env/argv, kept apart from run.ts so they can be imported without starting a run.
import path from 'node:path';
import type { EncounterBenchOptions } from './encounters.js';
import type { ThroughputOptions } from './throughput.js';

/** Which parts run: both (default), or one of them while working on it. */
export type BenchPart = 'foundation' | 'encounters';

export type BenchOptions = {
  quick: boolean;
  starts: number;
  load: ThroughputOptions;
  encounters: EncounterBenchOptions;
  parts: BenchPart[];
  out: string | null;
};

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1, got "${raw}"`);
  return value;
}

function partsOf(raw: string | undefined): BenchPart[] {
  if (raw === undefined || raw === '' || raw === 'all') return ['foundation', 'encounters'];
  if (raw === 'foundation' || raw === 'encounters') return [raw];
  throw new Error(`BENCH_ONLY must be foundation, encounters or all, got "${raw}"`);
}

export function parseOptions(env: NodeJS.ProcessEnv, argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick') || env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  const load = {
    concurrency: positiveInt('BENCH_CONCURRENCY', env.BENCH_CONCURRENCY, 20),
    durationMs: positiveInt('BENCH_DURATION_MS', env.BENCH_DURATION_MS, quick ? 2_000 : 5_000),
    warmupMs: quick ? 500 : 1_000,
  };
  const postgres = env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  return {
    quick,
    starts: positiveInt('BENCH_STARTS', env.BENCH_STARTS, quick ? 2 : 5),
    load,
    encounters: {
      // A longer warm-up than /api/health: the first saves open connections and compile the write path.
      load: { ...load, warmupMs: quick ? 1_000 : 2_000 },
      batchItems: positiveInt('BENCH_BATCH_ITEMS', env.BENCH_BATCH_ITEMS, quick ? 100 : 1_000),
      postgresUrl: postgres === 'off' || postgres === '' ? null : postgres,
    },
    parts: partsOf(env.BENCH_ONLY),
    out: env.BENCH_OUT && env.BENCH_OUT !== '' ? path.resolve(env.BENCH_OUT) : null,
  };
}
