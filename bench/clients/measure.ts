// The due-list benchmark of issue 18 item 3, per engine: a throw-away database filled with synthetic
// client work (synthetic-clients.ts), then the worker's home list (dueForWorker) and the coordinator's
// counts (dueCounts, region-wide and for one site) run in process, as the routes run them, each run
// interleaved with a raw indexed query on the same tables — the baseline of what one index read costs
// on this machine at this moment.
import { sql } from 'drizzle-orm';
import { addDays, helsinkiDay } from '../../src/domain/calendar.js';
import { DUE_SOON_DAYS } from '../../src/domain/clients/clocks.js';
import { loadActor } from '../../src/server/auth/actor-repo.js';
import { dueCounts, dueForWorker } from '../../src/server/clients/queries.js';
import type { Deps } from '../../src/server/deps.js';
import type { Actor } from '../../src/server/policy/policy.js';
import { measureOnEngines, type EngineName, type EngineTarget } from '../encounters-engines.js';
import { percentile, ratio, round, sortedCopy } from '../stats.js';
import { DEFAULT_CLIENT_SYNTHETIC, generateClients, type ClientSyntheticResult } from './synthetic-clients.js';

export type ClientBenchOptions = {
  pgliteClients: number;
  postgresClients: number;
  /** Process events per client (10: 1,000,000 events at 100,000 clients). */
  eventsPerClient: number;
  engines: EngineName[];
  runs: number;
  warmup: number;
  postgresUrl: string | null;
};

/** Issue 18's acceptance: p95 at 100,000 clients on PostgreSQL and at 20,000 on PGlite. */
export const CLIENT_TARGETS = { postgres: { clients: 100_000, p95Ms: 50 }, pglite: { clients: 20_000, p95Ms: 150 } } as const;

export type Timing = { p50: number; p95: number; max: number; runs: number };

export type CaseResult = {
  key: 'worker-home' | 'counts-region' | 'counts-site';
  label: string;
  /** What the answer held on the last run (items listed, or deadlines counted). */
  answerSize: number;
  query: Timing;
  baselineLabel: string;
  baseline: Timing;
  /** Query p95 ÷ baseline p95 of the same runs. Lower is better. */
  ratioP95: number | null;
  p95Met: boolean;
};

export type EngineClientResult = {
  engine: EngineName;
  where: string;
  generation: ClientSyntheticResult;
  cases: CaseResult[];
  targets: { p95Ms: number; atClients: number; allMet: boolean };
};

export type ClientBenchResult = { options: ClientBenchOptions; engines: { engine: EngineName; result: EngineClientResult | null; skipped: string | null }[] };

function timingOf(samples: number[]): Timing {
  const sorted = sortedCopy(samples);
  return { p50: round(percentile(sorted, 50), 1), p95: round(percentile(sorted, 95), 1), max: round(sorted.at(-1) ?? Number.NaN, 1), runs: sorted.length };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const startedAt = performance.now();
  const value = await work();
  return { ms: performance.now() - startedAt, value };
}

type Case = { key: CaseResult['key']; label: string; run: () => Promise<number>; baselineLabel: string; baseline: () => Promise<unknown> };

function cases(deps: Deps, actors: { worker: Actor; region: Actor; site: Actor }): Case[] {
  const soon = addDays(helsinkiDay(new Date()), DUE_SOON_DAYS);
  const ctx = (actor: Actor) => ({ actor, requestId: null });
  const countsSize = (counts: Awaited<ReturnType<typeof dueCounts>>) => counts.totals.reduce((sum, c) => sum + c.overdue + c.dueSoon, 0);
  // The baselines: one index read each, on the tables the query reads.
  const ownClients = () => deps.db.orm.execute(sql`select id, name from clients where own_worker_id = ${actors.worker.userId}`);
  const runningDue = () => deps.db.orm.execute(sql`select count(*) from client_process_deadlines where met_on is null and stopped_on is null and due_on <= ${soon}`);
  return [
    { key: 'worker-home', label: "worker's home: own clients' steps due soon or overdue (audited)", run: async () => (await dueForWorker(deps, ctx(actors.worker))).items.length, baselineLabel: 'select id, name from clients where own_worker_id = $1 (clients_own_worker)', baseline: ownClients },
    { key: 'counts-region', label: "region-wide coordinator's counts per site and clock", run: async () => countsSize(await dueCounts(deps, ctx(actors.region))), baselineLabel: 'count(*) of running deadlines due by today + 2 (client_process_deadlines_running)', baseline: runningDue },
    { key: 'counts-site', label: "a site coordinator's counts per clock", run: async () => countsSize(await dueCounts(deps, ctx(actors.site))), baselineLabel: 'count(*) of running deadlines due by today + 2 (client_process_deadlines_running)', baseline: runningDue },
  ];
}

async function measureCase(c: Case, runs: number, warmup: number, target: number): Promise<CaseResult> {
  let answerSize = 0;
  for (let i = 0; i < warmup; i += 1) {
    await c.baseline();
    answerSize = await c.run();
  }
  const queryMs: number[] = [];
  const baselineMs: number[] = [];
  // Interleaved, so drift on a shared machine hits both alike.
  for (let i = 0; i < runs; i += 1) {
    baselineMs.push((await timed(c.baseline)).ms);
    const run = await timed(c.run);
    queryMs.push(run.ms);
    answerSize = run.value;
  }
  const query = timingOf(queryMs);
  const baseline = timingOf(baselineMs);
  return { key: c.key, label: c.label, answerSize, query, baselineLabel: c.baselineLabel, baseline, ratioP95: ratio(query.p95, baseline.p95), p95Met: query.p95 <= target };
}

async function actorOf(deps: Deps, userId: string): Promise<Actor> {
  const actor = await loadActor(deps.db.orm, userId);
  if (!actor) throw new Error(`no actor for ${userId}`);
  return actor;
}

async function measureEngine(target: EngineTarget, clients: number, options: ClientBenchOptions, log: (line: string) => void): Promise<EngineClientResult> {
  const say = (line: string) => log(`clients/${target.engine}: ${line}`);
  const events = clients * options.eventsPerClient;
  say(`${clients.toLocaleString('en')} clients, about ${events.toLocaleString('en')} process events`);
  const deps = await target.open();
  try {
    const generation = await generateClients(deps.db, { ...DEFAULT_CLIENT_SYNTHETIC, clients, events }, say);
    say(`generated in ${(generation.ms / 1000).toFixed(0)} s: ${JSON.stringify(generation.rows)}; the worker has ${generation.worker.clients} clients, ${generation.worker.dueOrOverdue} steps due soon or overdue`);
    const actors = { worker: await actorOf(deps, generation.workerId), region: await actorOf(deps, generation.coordinatorId), site: await actorOf(deps, generation.siteCoordinatorId) };
    const goal = CLIENT_TARGETS[target.engine];
    const results: CaseResult[] = [];
    for (const c of cases(deps, actors)) {
      results.push(await measureCase(c, options.runs, options.warmup, goal.p95Ms));
      const r = results.at(-1)!;
      say(`${r.key}: p50 ${r.query.p50} ms, p95 ${r.query.p95} ms (target ${goal.p95Ms}); baseline p95 ${r.baseline.p95} ms; ratio ${r.ratioP95}; answer ${r.answerSize}`);
    }
    return {
      engine: target.engine,
      where: target.where,
      generation,
      cases: results,
      // Held only when measured at (at least) the size the target names.
      targets: { p95Ms: goal.p95Ms, atClients: goal.clients, allMet: clients >= goal.clients && results.every((r) => r.p95Met) },
    };
  } finally {
    await deps.db.close();
  }
}

export async function measureClients(options: ClientBenchOptions, log: (line: string) => void): Promise<ClientBenchResult> {
  const sizes = { pglite: options.pgliteClients, postgres: options.postgresClients };
  const engines = await measureOnEngines(options, sizes, 'clients', log, (target, size) => measureEngine(target, size, options, log));
  return { options, engines };
}

/** The table printed after a run. */
export function formatClientBench(result: ClientBenchResult, load: { start: number; end: number | null }): string {
  const lines = [`Client due lists (issue 18): load average ${load.start} at start, ${load.end ?? '—'} at end`];
  for (const { engine, result: r, skipped } of result.engines) {
    if (!r) {
      lines.push(`  ${engine}: skipped (${skipped})`);
      continue;
    }
    lines.push(`  ${engine}: ${r.generation.rows.clients.toLocaleString('en')} clients, ${r.generation.rows.events.toLocaleString('en')} events; target p95 ≤ ${r.targets.p95Ms} ms at ${r.targets.atClients.toLocaleString('en')} → ${r.targets.allMet ? 'met' : 'NOT met'}`);
    for (const c of r.cases) lines.push(`    ${c.key.padEnd(14)} p50 ${c.query.p50} ms  p95 ${c.query.p95} ms  baseline p95 ${c.baseline.p95} ms  ratio ${c.ratioP95 ?? '—'}×  (answer ${c.answerSize})`);
  }
  return lines.join('\n');
}
