// Saving encounters with and without rollup maintenance, on the generated database: the in-process
// command (encounterCreateSchema.parse + recordEncounter, as the encounter bench's in-process loop)
// back to back, in rounds that alternate the two modes (ABBA, so drift and warm caches hit both).
// "With": the rollup triggers on and refreshReportRollups every second in this process (the server
// folds every 5 s, so this is the harsher case). "Without": the triggers off and no refresh. Each mode saves at its own site of about the
// same size, so the "without" rows (which no trigger marked) never make the "with" site's rollups stale.
import { setImmediate } from 'node:timers/promises';
import { recordEncounter } from '../../src/server/encounters/create-encounter.js';
import { encounterCreateSchema } from '../../src/server/encounters/schemas.js';
import type { Deps } from '../../src/server/deps.js';
import type { Actor } from '../../src/server/policy/policy.js';
import { encounterMaker } from '../encounters-client.js';
import { percentile, ratio, round, sortedCopy } from '../stats.js';
import { refreshReportRollups } from '../../src/server/reports/rollups/refresh.js';
import { setRollupTriggers } from './rollups.js';

export type SaveMode = 'with' | 'without';
export type SaveSetup = { siteId: string; actor: Actor };
export type SaveOptions = { rounds: number; roundMs: number; refreshEveryMs: number; warmup: number };

export type ModeResult = {
  saves: number;
  elapsedMs: number;
  perSecond: number;
  latencyMs: { p50: number; p95: number; max: number };
  /**
   * "with" only: refreshes run during the rounds, what they folded and the time they took. Since
   * migration 0019 `refreshedSiteDays` counts queued delta rows folded (and site-days recounted, if any
   * were marked); the name stays for the results' history.
   */
  refreshes: number;
  refreshedSiteDays: number;
  refreshMs: number;
};

export type SaveThroughputResult = {
  options: SaveOptions;
  order: SaveMode[];
  with: ModeResult;
  without: ModeResult;
  /** with ÷ without saves per second. Higher is better; the target is ≥ 0.8. */
  ratio: number | null;
};

/** ABBA ABBA …: every mode runs as often first as second in a pair. */
export function roundOrder(rounds: number): SaveMode[] {
  const order: SaveMode[] = [];
  for (let i = 0; i < rounds; i += 1) order.push(...(i % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const)));
  return order;
}

type Tally = { saves: number; elapsedMs: number; samples: number[]; refreshes: number; refreshedSiteDays: number; refreshMs: number };
const emptyTally = (): Tally => ({ saves: 0, elapsedMs: 0, samples: [], refreshes: 0, refreshedSiteDays: 0, refreshMs: 0 });

/** Refreshes every `everyMs` until stopped, one at a time (a slow refresh is not overlapped by the next). */
function startRefresher(deps: Deps, everyMs: number, tally: Tally): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = (async () => {
      const startedAt = performance.now();
      tally.refreshedSiteDays += await refreshReportRollups(deps.db);
      tally.refreshMs += performance.now() - startedAt;
      tally.refreshes += 1;
    })().finally(() => {
      if (!stopped) timer = setTimeout(tick, everyMs);
    });
  };
  timer = setTimeout(tick, everyMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

async function saveLoop(deps: Deps, setup: SaveSetup, make: () => Record<string, unknown>, untilMs: number, tally: Tally): Promise<void> {
  const ctx = { actor: setup.actor, requestId: null };
  const startedAt = performance.now();
  while (performance.now() - startedAt < untilMs) {
    const sentAt = performance.now();
    await recordEncounter(deps, ctx, encounterCreateSchema.parse(make()));
    tally.samples.push(performance.now() - sentAt);
    tally.saves += 1;
    // PGlite answers without real I/O, so an await chain of saves never lets a timer run: yield once per
    // save, as a server does between requests, so the refresh gets its turn (both modes alike).
    await setImmediate();
  }
  tally.elapsedMs += performance.now() - startedAt;
}

function resultOf(t: Tally): ModeResult {
  const sorted = sortedCopy(t.samples);
  return {
    saves: t.saves,
    elapsedMs: round(t.elapsedMs, 1),
    perSecond: round(t.saves / (t.elapsedMs / 1000), 1),
    latencyMs: { p50: round(percentile(sorted, 50), 2), p95: round(percentile(sorted, 95), 2), max: round(sorted[sorted.length - 1] ?? Number.NaN, 2) },
    refreshes: t.refreshes,
    refreshedSiteDays: t.refreshedSiteDays,
    refreshMs: round(t.refreshMs, 1),
  };
}

export async function measureSaveThroughput(deps: Deps, sites: Record<SaveMode, SaveSetup>, serviceId: string, options: SaveOptions, log: (line: string) => void): Promise<SaveThroughputResult> {
  const makers = { with: encounterMaker(sites.with.siteId, serviceId), without: encounterMaker(sites.without.siteId, serviceId) };
  const tallies = { with: emptyTally(), without: emptyTally() };
  const order = roundOrder(options.rounds);
  try {
    for (const mode of ['with', 'without'] as const) {
      await setRollupTriggers(deps.db, mode === 'with');
      const ctx = { actor: sites[mode].actor, requestId: null };
      for (let i = 0; i < options.warmup; i += 1) await recordEncounter(deps, ctx, encounterCreateSchema.parse(makers[mode]()));
    }
    await refreshReportRollups(deps.db);
    for (const [index, mode] of order.entries()) {
      await setRollupTriggers(deps.db, mode === 'with');
      const tally = tallies[mode];
      const stop = mode === 'with' ? startRefresher(deps, options.refreshEveryMs, tally) : () => Promise.resolve();
      const before = tally.saves;
      try {
        await saveLoop(deps, sites[mode], makers[mode], options.roundMs, tally);
      } finally {
        await stop();
      }
      log(`saves round ${index + 1}/${order.length} (${mode} rollup maintenance): ${Math.round((tally.saves - before) / (options.roundMs / 1000))}/s`);
    }
  } finally {
    await setRollupTriggers(deps.db, true);
  }
  const withResult = resultOf(tallies.with);
  const withoutResult = resultOf(tallies.without);
  return { options, order, with: withResult, without: withoutResult, ratio: ratio(withResult.perSecond, withoutResult.perSecond) };
}
