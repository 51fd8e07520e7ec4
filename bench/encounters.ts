// Encounter saves, per engine: (a) HTTP POST /api/encounters from C concurrent signed-in clients,
// (b) the same number of encounters through the same command (recordEncounter) in a loop in this
// process, on the same database in the same run, and (c) an offline outbox of N encounters synced
// through POST /api/encounters/batch exactly as the web outbox splits it, then sent again.
import http from 'node:http';
import { encounterCreateSchema } from '../src/server/encounters/schemas.js';
import { recordEncounter } from '../src/server/encounters/create-encounter.js';
import { loadActor } from '../src/server/auth/actor-repo.js';
import type { EncounterBatchItemResult } from '../src/domain/encounter-batch.js';
import { planSends, type OutboxEntry } from '../src/web/offline/outbox.js';
import { authHeaders, encounterMaker, encounterRequests, firstServiceId, requestJson, signInAs, type Session } from './encounters-client.js';
import { BENCH_PASSWORD, pgliteTarget, postgresTarget, seedDemoIfEmpty, type EngineName, type EngineTarget } from './encounters-engines.js';
import { runLoad } from './load.js';
import { HOST, startAndWait, stopServer, type ServerChild } from './process.js';
import { SILTA_SCRIPT } from './start-time.js';
import { percentile, ratio, round, sortedCopy } from './stats.js';
import type { ServerLoadResult, ThroughputOptions } from './throughput.js';

export type EncounterBenchOptions = {
  load: ThroughputOptions;
  /** Encounters in the outbox of the batch sync (1,000 in a full run). */
  batchItems: number;
  /** Where to create the PostgreSQL database; null skips PostgreSQL. */
  postgresUrl: string | null;
};

/** The acceptance targets of issue 3, checked against each engine's figures. */
export const ENCOUNTER_TARGETS = { p95Ms: 25, minRatio: 0.7 } as const;

type Latency = { p50: number; p95: number; p99: number; max: number; mean: number };

export type InProcessResult = {
  /** Counted encounters: as many as the HTTP run stored in its measured window. */
  encounters: number;
  /** Saved first and not counted (JIT, caches), as the HTTP run's warm-up. */
  warmup: number;
  elapsedMs: number;
  perSecond: number;
  latencyMs: Latency;
};

export type SyncRun = {
  items: number;
  requests: number;
  totalMs: number;
  itemsPerSecond: number;
  /** Per request: for the batch sync one batch, for one by one a single encounter. */
  requestMs: { p50: number; p95: number; max: number };
  statuses: Record<string, number>;
};

export type BatchSyncResult = {
  /** How the web outbox splits the queue (src/web/offline/outbox.ts planSends). */
  batchSizes: number[];
  /** First sync: every encounter new. */
  first: SyncRun;
  /** The same outbox sent again (a lost answer, a second tab): nothing may be stored twice. */
  resend: SyncRun;
  /** New encounters one request each, as the outbox sent them before the batch route (at most ONE_BY_ONE_MAX, to keep the run short). */
  oneByOne: SyncRun;
  /** Meetings counted by the server before and after the first sync and the resend: must differ by `items`. */
  meetingsAdded: number;
  exactlyOnce: boolean;
};

export type EngineEncounterResult = {
  engine: EngineName;
  where: string;
  /** Closed loop: 20 clients back to back, the server's capacity. p95 here is mostly queueing (see README). */
  http: ServerLoadResult;
  /** The same 20 clients, each pausing `thinkMs` after every answer: the latency of one save with 20 people at work. */
  httpPaced: ServerLoadResult & { thinkMs: number };
  inProcess: InProcessResult;
  /** HTTP saves/s (completionsPerSecond) ÷ in-process saves/s. Higher is better; the target is ≥ 0.7. */
  ratioRps: number | null;
  /** p95Met: closed loop (the literal reading); pacedP95Met: paced clients (latency of one save). */
  targets: { p95Ms: number; p95Met: boolean; pacedP95Met: boolean; minRatio: number; ratioMet: boolean };
  batchSync: BatchSyncResult;
};

export type EncounterBenchResult = {
  options: EncounterBenchOptions & { postgresUrl: string | null };
  engines: { engine: EngineName; result: EngineEncounterResult | null; skipped: string | null }[];
};

const START_TIMEOUT_MS = 120_000;
const IN_PROCESS_WARMUP = 50;
// Each of the 20 paced clients saves once a second: 20 saves/s, far more than people in an outreach
// session make, and well under what either engine can take, so no queue builds up.
const THINK_MS = 1_000;
const ONE_BY_ONE_MAX = 200;

function latencyOf(samples: number[]): Latency {
  const sorted = sortedCopy(samples);
  const mean = sorted.length === 0 ? Number.NaN : sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return {
    p50: round(percentile(sorted, 50), 3),
    p95: round(percentile(sorted, 95), 3),
    p99: round(percentile(sorted, 99), 3),
    max: round(sorted[sorted.length - 1] ?? Number.NaN, 3),
    mean: round(mean, 3),
  };
}

const baseOf = (server: ServerChild) => `http://${HOST}:${server.port}`;

/** Meetings the server counts at the site around today (a count-only read; no person-level data). */
async function meetings(base: string, session: Session): Promise<number> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const answer = await requestJson<{ meetings: number }>(false, base, 'GET', `/api/sites/${session.siteId}/encounters/summary?from=${day(-1)}&to=${day(1)}`, undefined, authHeaders(session));
  if (answer.status !== 200) throw new Error(`summary failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.meetings;
}

/** Sends the planned requests one after another on one keep-alive connection, as a phone would. */
async function sync(base: string, session: Session, sends: { path: string; body: unknown; items: number }[]): Promise<SyncRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const statuses: Record<string, number> = {};
  const requestMs: number[] = [];
  let items = 0;
  const startedAt = performance.now();
  try {
    for (const send of sends) {
      const sentAt = performance.now();
      const answer = await requestJson<{ results?: EncounterBatchItemResult[] }>(agent, base, 'POST', send.path, send.body, authHeaders(session));
      requestMs.push(performance.now() - sentAt);
      items += send.items;
      if (send.path.endsWith('/batch') && answer.status === 200 && answer.body.results) {
        for (const result of answer.body.results) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      } else {
        const key = `status ${answer.status}`;
        statuses[key] = (statuses[key] ?? 0) + send.items;
      }
    }
  } finally {
    agent.destroy();
  }
  const totalMs = performance.now() - startedAt;
  const sorted = sortedCopy(requestMs);
  return {
    items,
    requests: sends.length,
    totalMs: round(totalMs, 1),
    itemsPerSecond: round(items / (totalMs / 1000), 1),
    requestMs: { p50: round(percentile(sorted, 50), 1), p95: round(percentile(sorted, 95), 1), max: round(sorted[sorted.length - 1] ?? Number.NaN, 1) },
    statuses,
  };
}

async function measureBatchSync(base: string, session: Session, make: () => Record<string, unknown>, items: number): Promise<BatchSyncResult> {
  const createdAt = Date.now();
  const entries: OutboxEntry[] = Array.from({ length: items }, (_, index) => {
    const body = make();
    return { id: String(body.id), userId: session.userId, kind: 'encounter', method: 'POST', path: '/api/encounters', body, createdAt: new Date(createdAt + index).toISOString() };
  });
  const plan = planSends(entries).map((send) => ({ path: '/api/encounters/batch', body: { encounters: send.entries.map((e) => e.body) }, items: send.entries.length }));
  const before = await meetings(base, session);
  const first = await sync(base, session, plan);
  const resend = await sync(base, session, plan);
  const meetingsAdded = (await meetings(base, session)) - before;
  const singles = Array.from({ length: Math.min(items, ONE_BY_ONE_MAX) }, () => ({ path: '/api/encounters', body: make(), items: 1 }));
  const oneByOne = await sync(base, session, singles);
  return {
    batchSizes: plan.map((p) => p.items),
    first,
    resend,
    oneByOne,
    meetingsAdded,
    exactlyOnce: meetingsAdded === items && first.statuses.created === items && resend.statuses.exists === items,
  };
}

/** The in-process baseline: parse + recordEncounter, one after another, no HTTP. The server must be stopped (PGlite). */
async function measureInProcess(target: EngineTarget, session: Session, make: () => Record<string, unknown>, count: number): Promise<InProcessResult> {
  const deps = await target.open();
  try {
    const actor = await loadActor(deps.db.orm, session.userId);
    if (!actor) throw new Error('the signed-in nurse has no actor');
    const ctx = { actor, requestId: null };
    const save = async () => {
      await recordEncounter(deps, ctx, encounterCreateSchema.parse(make()));
    };
    for (let i = 0; i < IN_PROCESS_WARMUP; i += 1) await save();
    const samples: number[] = [];
    const startedAt = performance.now();
    for (let i = 0; i < count; i += 1) {
      const sentAt = performance.now();
      await save();
      samples.push(performance.now() - sentAt);
    }
    const elapsedMs = performance.now() - startedAt;
    return { encounters: count, warmup: IN_PROCESS_WARMUP, elapsedMs: round(elapsedMs, 1), perSecond: round(count / (elapsedMs / 1000), 1), latencyMs: latencyOf(samples) };
  } finally {
    await deps.db.close();
  }
}

async function measureEngine(target: EngineTarget, options: EncounterBenchOptions, log: (line: string) => void): Promise<EngineEncounterResult> {
  const name = target.engine;
  log(`encounters/${name}: fresh start (migrate${name === 'pglite' ? ' + seed' : ''})…`);
  const { server } = await startAndWait(SILTA_SCRIPT, target.serverEnv, START_TIMEOUT_MS);
  let http: ServerLoadResult;
  let httpPaced: EngineEncounterResult['httpPaced'];
  let batchSync: BatchSyncResult;
  let session: Session;
  let make: () => Record<string, unknown>;
  try {
    // PostgreSQL can be used by two processes at once; PGlite seeded itself on the start above.
    if (target.engine === 'postgres') await seedDemoIfEmpty(target);
    const base = baseOf(server);
    session = await signInAs(base, 'demo.nurse', BENCH_PASSWORD);
    make = encounterMaker(session.siteId, await firstServiceId(base, session));
    log(`encounters/${name}: HTTP saves, ${options.load.concurrency} clients, ${options.load.warmupMs} ms warm-up + ${options.load.durationMs} ms…`);
    const printedBeforeLoad = server.output().length;
    const load = await runLoad({ url: `${base}/api/encounters`, ...options.load, request: encounterRequests(session, make) });
    const aliveAfterLoad = server.child.exitCode === null && server.child.signalCode === null;
    http = { ...load, serverOutput: server.output().slice(printedBeforeLoad).trim().slice(0, 4_000), aliveAfterLoad };
    log(`encounters/${name}: ${http.completionsPerSecond} saves/s, p95 ${http.latencyMs.p95} ms; paced clients (${THINK_MS} ms pause)…`);
    const printedBeforePaced = server.output().length;
    const paced = await runLoad({ url: `${base}/api/encounters`, ...options.load, warmupMs: 500, thinkMs: THINK_MS, request: encounterRequests(session, make) });
    httpPaced = { ...paced, thinkMs: THINK_MS, serverOutput: server.output().slice(printedBeforePaced).trim().slice(0, 4_000), aliveAfterLoad: server.child.exitCode === null && server.child.signalCode === null };
    log(`encounters/${name}: paced p95 ${httpPaced.latencyMs.p95} ms; batch sync of ${options.batchItems}…`);
    batchSync = await measureBatchSync(base, session, make, options.batchItems);
  } finally {
    await stopServer(server);
  }
  // As many as HTTP stored in its measured window (at least 50, so a failed HTTP run still gets a baseline).
  const count = Math.max(50, Math.round((http.completionsPerSecond * options.load.durationMs) / 1000));
  log(`encounters/${name}: in-process loop of ${count} saves…`);
  const inProcess = await measureInProcess(target, session, make, count);
  const ratioRps = ratio(http.completionsPerSecond, inProcess.perSecond);
  log(`encounters/${name}: in-process ${inProcess.perSecond}/s → ratio ${ratioRps}`);
  return {
    engine: name,
    where: target.where,
    http,
    httpPaced,
    inProcess,
    ratioRps,
    targets: {
      p95Ms: ENCOUNTER_TARGETS.p95Ms,
      p95Met: http.errors === 0 && http.latencyMs.p95 <= ENCOUNTER_TARGETS.p95Ms,
      pacedP95Met: httpPaced.errors === 0 && httpPaced.latencyMs.p95 <= ENCOUNTER_TARGETS.p95Ms,
      minRatio: ENCOUNTER_TARGETS.minRatio,
      ratioMet: ratioRps !== null && ratioRps >= ENCOUNTER_TARGETS.minRatio,
    },
    batchSync,
  };
}

async function withTarget(target: EngineTarget, options: EncounterBenchOptions, log: (line: string) => void) {
  try {
    return await measureEngine(target, options, log);
  } finally {
    await target.dispose();
  }
}

export async function measureEncounters(options: EncounterBenchOptions, log: (line: string) => void): Promise<EncounterBenchResult> {
  const engines: EncounterBenchResult['engines'] = [];
  engines.push({ engine: 'pglite', result: await withTarget(pgliteTarget(), options, log), skipped: null });
  if (options.postgresUrl === null) {
    engines.push({ engine: 'postgres', result: null, skipped: 'BENCH_POSTGRES_URL=off' });
  } else {
    const url = options.postgresUrl;
    let target: EngineTarget | null = null;
    try {
      target = await postgresTarget(url);
    } catch (error) {
      // No PostgreSQL here is a fact about the machine, not a failed bench: say so in the report.
      const reason = `PostgreSQL not reachable for CREATE DATABASE: ${error instanceof Error ? error.message : String(error)}`;
      log(`encounters/postgres: skipped (${reason})`);
      engines.push({ engine: 'postgres', result: null, skipped: reason });
    }
    if (target !== null) engines.push({ engine: 'postgres', result: await withTarget(target, options, log), skipped: null });
  }
  return { options, engines };
}
