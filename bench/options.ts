// Bench options from env/argv, kept apart from run.ts so they can be imported without starting a run.
import path from 'node:path';
import type { ThroughputOptions } from './throughput.js';

export type BenchOptions = { quick: boolean; starts: number; load: ThroughputOptions; out: string | null };

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1, got "${raw}"`);
  return value;
}

export function parseOptions(env: NodeJS.ProcessEnv, argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick') || env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  return {
    quick,
    starts: positiveInt('BENCH_STARTS', env.BENCH_STARTS, quick ? 2 : 5),
    load: {
      concurrency: positiveInt('BENCH_CONCURRENCY', env.BENCH_CONCURRENCY, 20),
      durationMs: positiveInt('BENCH_DURATION_MS', env.BENCH_DURATION_MS, quick ? 2_000 : 5_000),
      warmupMs: quick ? 500 : 1_000,
    },
    out: env.BENCH_OUT && env.BENCH_OUT !== '' ? path.resolve(env.BENCH_OUT) : null,
  };
}
