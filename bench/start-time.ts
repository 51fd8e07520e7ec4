// Measures "embedded start (existing data) to listening": spawn → first 200 from /api/health, for Silta on
// an already-seeded PGlite data dir and for the trivial baseline server, interleaved in the same run.
import { startAndWait, stopServer } from './process.js';
import { ratio, round, summarize, type Summary } from './stats.js';

// Both are bundled by bench/build.ts first, so that neither pays for TypeScript at start-up and the
// Silta side is exactly what `npm start` runs.
export const SILTA_SCRIPT = 'dist/server/main.js';
export const BASELINE_SCRIPT = 'dist/bench/baseline-server.js';
export const START_BUDGET_MS = 1_500;
/** The median's budget (on a quiet machine), beside the p95's. */
export const START_MEDIAN_BUDGET_MS = 1_000;

/** The env the brief prescribes; LOG_LEVEL=warn keeps logging cost out of the measurement. */
export function siltaEnv(dataDir: string): Record<string, string> {
  return { SILTA_DATA_DIR: dataDir, SILTA_DEMO_PASSWORD: 'bench-password-123', LOG_LEVEL: 'warn' };
}

export type StartTimeResult = {
  /** First start on an empty data dir: creates the database, migrates and seeds demo data. */
  freshStartMs: number;
  freshStopMs: number | null;
  runs: number;
  siltaMs: number[];
  baselineMs: number[];
  silta: Summary;
  baseline: Summary;
  /** Silta median ÷ baseline median, and the same for p95. */
  ratioMedian: number | null;
  ratioP95: number | null;
  /** Silta graceful-stop times (SIGTERM → exit); null entries were SIGKILLed after the grace period. */
  siltaStopMs: (number | null)[];
  budgetMs: number;
  medianBudgetMs: number;
  /** Median ≤ 1.0 s and p95 ≤ 1.5 s (with few runs p95 is the slowest start). */
  budgetMet: boolean;
  /** What Silta printed on the existing-data starts (at LOG_LEVEL=warn); empty when it was quiet. */
  siltaOutput: string[];
  /**
   * One extra start at LOG_LEVEL=info (not in the samples above): Silta logs `startMs`, measured from
   * serve.ts's evaluation, i.e. after main.ts's light imports and serve.ts's own (the database code)
   * have loaded. spawn→200 minus that splits the start into "node + those imports" and "database open +
   * migrations + the HTTP app's modules and build + listen" (the engine's files are read and compiled
   * from main.ts on, across both).
   */
  breakdown: { spawnToOkMs: number; inProcessStartMs: number | null; beforeMainMs: number | null };
};

const FRESH_TIMEOUT_MS = 120_000;
const START_TIMEOUT_MS = 30_000;

function roundAll(values: readonly number[]): number[] {
  return values.map((value) => round(value, 1));
}

function roundSummary(summary: Summary): Summary {
  return {
    count: summary.count,
    min: round(summary.min, 1),
    median: round(summary.median, 1),
    p95: round(summary.p95, 1),
    max: round(summary.max, 1),
    mean: round(summary.mean, 1),
  };
}

/**
 * `dataDir` must be empty; it is seeded by the first start and reused by every later start.
 * `log` reports progress, because a 2-core machine makes this step take tens of seconds.
 */
export async function measureStartTime(dataDir: string, runs: number, log: (line: string) => void): Promise<StartTimeResult> {
  log('start: fresh start (create + migrate + seed)…');
  const fresh = await startAndWait(SILTA_SCRIPT, siltaEnv(dataDir), FRESH_TIMEOUT_MS);
  const freshStopMs = await stopServer(fresh.server);
  if (freshStopMs === null) throw new Error('Silta did not stop within the grace period after SIGTERM on the fresh start');

  const siltaMs: number[] = [];
  const baselineMs: number[] = [];
  const siltaStopMs: (number | null)[] = [];
  const siltaOutput: string[] = [];
  // Interleaved (baseline, Silta, baseline, Silta…) so background load on a shared machine hits both alike.
  for (let run = 1; run <= runs; run += 1) {
    const baseline = await startAndWait(BASELINE_SCRIPT, {}, START_TIMEOUT_MS);
    await stopServer(baseline.server);
    baselineMs.push(baseline.readyMs);

    const silta = await startAndWait(SILTA_SCRIPT, siltaEnv(dataDir), START_TIMEOUT_MS);
    siltaStopMs.push(await stopServer(silta.server));
    siltaMs.push(silta.readyMs);
    const printed = silta.server.output().trim();
    if (printed !== '') siltaOutput.push(`run ${run}: ${printed.slice(0, 2_000)}`);
    log(`start: run ${run}/${runs}: baseline ${round(baseline.readyMs, 0)} ms, Silta ${round(silta.readyMs, 0)} ms`);
  }

  const breakdown = await measureBreakdown(dataDir);
  log(`start: breakdown: ${round(breakdown.spawnToOkMs, 0)} ms to 200, of which ${breakdown.inProcessStartMs ?? '?'} ms after imports`);

  const silta = summarize(siltaMs);
  const baseline = summarize(baselineMs);
  return {
    freshStartMs: round(fresh.readyMs, 1),
    freshStopMs: round(freshStopMs, 1),
    runs,
    siltaMs: roundAll(siltaMs),
    baselineMs: roundAll(baselineMs),
    silta: roundSummary(silta),
    baseline: roundSummary(baseline),
    ratioMedian: ratio(silta.median, baseline.median),
    ratioP95: ratio(silta.p95, baseline.p95),
    siltaStopMs: siltaStopMs.map((value) => (value === null ? null : round(value, 1))),
    budgetMs: START_BUDGET_MS,
    medianBudgetMs: START_MEDIAN_BUDGET_MS,
    budgetMet: silta.p95 <= START_BUDGET_MS && silta.median <= START_MEDIAN_BUDGET_MS,
    siltaOutput,
    breakdown,
  };
}

/** Finds the `startMs` field of Silta's JSON "listening" log line; null when the log format changed. */
export function parseStartMs(output: string): number | null {
  for (const line of output.split('\n')) {
    if (!line.includes('"startMs"')) continue;
    try {
      const value = (JSON.parse(line) as { startMs?: unknown }).startMs;
      if (typeof value === 'number') return value;
    } catch {
      // A non-JSON line that happens to contain the word: keep looking.
    }
  }
  return null;
}

async function measureBreakdown(dataDir: string): Promise<StartTimeResult['breakdown']> {
  const { server, readyMs } = await startAndWait(SILTA_SCRIPT, { ...siltaEnv(dataDir), LOG_LEVEL: 'info' }, START_TIMEOUT_MS);
  await stopServer(server);
  const inProcessStartMs = parseStartMs(server.output());
  return {
    spawnToOkMs: round(readyMs, 1),
    inProcessStartMs,
    beforeMainMs: inProcessStartMs === null ? null : round(readyMs - inProcessStartMs, 1),
  };
}
