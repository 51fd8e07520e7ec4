// Soak: a realistic mix of work at a steady, stated rate for a long while — encounter saves, outbox
// batch syncs and report reads — on one server, counting every error, the latency of each kind of
// request, and the server's memory (resident set size) from start to end, to catch leaks.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { freePort, stopServer } from '../bench/process.js';
import { heldReadP95, recoverySeconds, sampleDatabase, segments, stallWrites, type DbSample, type Outcome, type Segment } from './soak-probe.js';
import { percentile, sortedCopy, summarize, type Summary } from '../bench/stats.js';
import { addRegionSites, randomEncounter, seededRandom, signedRequest, signInAs, type Answer, type SignedIn } from './client.js';
import { DEMO_PASSWORD, prepareEngine, start } from './crash.js';
import { helsinkiDay } from '../src/domain/calendar/time-zone.js';

export type SoakOptions = {
  engine: 'pglite' | 'postgres';
  durationMs: number;
  ratePerSecond: number;
  seed: number;
  log: (line: string) => void;
  /** Where the server's whole output is kept (appended). */
  serverLog: string;
  /** Stall the saves on purpose (PostgreSQL: a side connection holds the encounters table) at this second of the measured run, for `seconds`. */
  stall?: { atSeconds: number; seconds: number };
};

type Kind = 'save' | 'batch' | 'read';
export type SoakResult = {
  engine: 'pglite' | 'postgres';
  durationMs: number;
  ratePerSecond: number;
  /** The region's sites the saves spread over. */
  sites: number;
  /** Batches carry encounters recorded offline: dated at random over this many past days. */
  batchWithinDays: number;
  mix: Record<Kind, number>;
  /**
   * `shed`: answers 503 `busy` (the server at capacity), each sent again after its Retry-After, as the
   * outbox does; the latency runs from the first try to the final answer.
   */
  requests: Record<Kind, { count: number; errors: number; shed: number; latencyMs: Summary & { p99: number } }>;
  /**
   * Report reads per minute of the measured run (by when they started): the target holds from the
   * first minute to the last, and a whole-run p95 would hide a slope. Optional: older runs lack it.
   */
  readsByMinute?: { minute: number; count: number; p95: number; p99: number }[];
  /** The machine's 1-minute load average at the start and the end of the measured run (other work inflates latency). */
  loadAverage?: { start: number; end: number };
  /** A request still shed after this many tries counts as an error. */
  maxTries: number;
  /** The longest a shed try waited for its 503: the server's bound (3 s) plus the time to answer. */
  slowestShedMs: number;
  errors: number;
  /** Examples of the first errors (status and path), for the note when something failed. */
  errorSamples: string[];
  memory: { startMiB: number; endMiB: number; peakMiB: number; growthMiB: number; boundMiB: number; withinBound: boolean };
  /** The server's output (stdout and stderr) of the run. */
  serverLog?: string;
  /**
   * The stall injected on purpose, if any, and how long after its end the run held again (null: never):
   * no errors, nothing shed and reads within `heldReadP95Ms` (soak-probe.ts: heldReadP95).
   */
  stall?: { atSeconds: number; seconds: number; recoverySeconds: number | null; heldReadP95Ms: number };
  /** The run in 10 s segments: latency, errors and sheds, and what the database was doing (PostgreSQL). */
  segments?: Segment[];
};

// Of every ten requests: seven single saves, one outbox batch of 20, two report reads.
const MIX: Record<Kind, number> = { save: 0.7, batch: 0.1, read: 0.2 };
const BATCH_ITEMS = 20;
// A region's load lands on its sites, each with its own day: on one site-day alone, the 54 encounters
// a second of the soak would make a single day centre's day a hundred times its real size, and each
// report refresh recomputes a changed site-day from all of its encounters.
const SITES = 10;
const BATCH_WITHIN_DAYS = 7;
const WARM_UP_MS = 10_000;
/** Report reads "hold" at this p95 (issue 16's target for the soak on PostgreSQL). */
const READ_P95_TARGET_MS = 300;
const MAX_TRIES = 10;
/** Memory may grow by this much over a run (caches, the JIT, connection pools) before it counts as a leak. */
const growthBound = (startMiB: number) => Math.round(32 + startMiB * 0.25);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 'NaN');
  return Math.round((kib / 1024) * 10) / 10;
}

const isShed = (answer: Answer): boolean => {
  if (answer.status !== 503) return false;
  try {
    return (JSON.parse(answer.text) as { error?: { code?: string } }).error?.code === 'busy';
  } catch {
    return false;
  }
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The last three months as a report period, in Helsinki days. */
function reportPath(s: SignedIn, hasReports: boolean): string {
  const day = (d: Date) => helsinkiDay(d);
  const to = day(new Date());
  const from = day(new Date(Date.now() - 90 * 86_400_000));
  return hasReports ? `/api/reports?from=${from}&to=${to}` : `/api/sites/${s.siteIds[0]}/encounters/summary?from=${from}&to=${to}`;
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const random = seededRandom(options.seed);
  const target = await prepareEngine(options.engine);
  const port = await freePort();
  options.log(`soak on ${options.engine}: the server's output goes to ${options.serverLog}`);
  // Warnings too: each shed request is one line, and the server samples its admission line and pool every 2 s.
  const server = await start(port, { ...target.env, SILTA_DEMO_PASSWORD: DEMO_PASSWORD, LOG_LEVEL: 'warn', SILTA_LOAD_SAMPLE_MS: '2000' }, options.serverLog);
  const pid = server.child.pid!;
  const samples: Record<Kind, number[]> = { save: [], batch: [], read: [] };
  // [ms after the measured run began, latency] of each measured read, for the per-minute figures.
  const readTimes: [number, number][] = [];
  const outcomes: Outcome[] = [];
  let dbSamples: DbSample[] = [];
  const stall = options.stall && options.engine === 'postgres' ? options.stall : undefined;
  if (options.stall && !stall) options.log(`soak on ${options.engine}: no stall (it needs a second connection to the database, which the embedded engine has not)`);
  let measuredFrom = 0;
  const loadAverage = { start: 0, end: 0 };
  const errors: Record<Kind, number> = { save: 0, batch: 0, read: 0 };
  const shed: Record<Kind, number> = { save: 0, batch: 0, read: 0 };
  let slowestShedMs = 0;
  const errorSamples: string[] = [];
  const memory: number[] = [];
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    const nurse = await signInAs(baseUrl, await addRegionSites(baseUrl, DEMO_PASSWORD, SITES, DEMO_PASSWORD), DEMO_PASSWORD);
    // The evaluation report when this version has it; the site's encounter summary otherwise.
    const hasReports = (await signedRequest(nurse, 'GET', reportPath(nurse, true))).status === 200;
    // Sent again with the same body (the same ids) while the server sheds it, as the outbox does.
    const withRetries = async (kind: Kind, measured: boolean, sheds: { n: number }, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> => {
      for (let tries = 1; ; tries++) {
        const sentAt = performance.now();
        const answer = await signedRequest(nurse, method, path, body);
        if (!isShed(answer) || tries === MAX_TRIES) return answer;
        sheds.n += 1;
        if (measured) {
          shed[kind] += 1;
          slowestShedMs = Math.max(slowestShedMs, performance.now() - sentAt);
        }
        await sleep((answer.retryAfterSeconds ?? 1) * 1000 * (1 + random()));
      }
    };
    const one = async (kind: Kind, measured: boolean): Promise<void> => {
      const startedAt = performance.now();
      let path = '';
      const sheds = { n: 0 };
      const outcome = (error: boolean) => measured && outcomes.push({ atMs: startedAt - measuredFrom, kind, latencyMs: performance.now() - startedAt, error, shed: sheds.n });
      try {
        let answer: Answer;
        if (kind === 'save') {
          path = '/api/encounters';
          answer = await withRetries(kind, measured, sheds, 'POST', path, randomEncounter(nurse, random));
        } else if (kind === 'batch') {
          path = '/api/encounters/batch';
          answer = await withRetries(kind, measured, sheds, 'POST', path, { encounters: Array.from({ length: BATCH_ITEMS }, () => randomEncounter(nurse, random, { withinDays: BATCH_WITHIN_DAYS })) });
        } else {
          path = reportPath(nurse, hasReports);
          answer = await withRetries(kind, measured, sheds, 'GET', path);
        }
        if (answer.status < 200 || answer.status >= 300) throw new Error(`${answer.status} ${answer.text.slice(0, 120)}`);
        // A batch answers 200 with a result per item: an item refused is an error too.
        if (kind === 'batch' && (JSON.parse(answer.text) as { results: { status: string }[] }).results.some((r) => r.status !== 'created')) throw new Error('an item was not created');
        outcome(false);
        if (measured) samples[kind].push(performance.now() - startedAt);
        if (measured && kind === 'read') readTimes.push([startedAt - measuredFrom, performance.now() - startedAt]);
      } catch (error) {
        if (!measured) return;
        outcome(true);
        errors[kind] += 1;
        if (errorSamples.length < 10) errorSamples.push(`${kind} ${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const pick = (): Kind => {
      const r = random();
      return r < MIX.save ? 'save' : r < MIX.save + MIX.batch ? 'batch' : 'read';
    };
    // Open loop: requests start on schedule whether or not earlier ones have finished, as real users do.
    const drive = async (ms: number, measured: boolean): Promise<void> => {
      const inFlight = new Set<Promise<void>>();
      const interval = 1000 / options.ratePerSecond;
      const startedAt = performance.now();
      let next = startedAt;
      let lastSample = 0;
      while (performance.now() - startedAt < ms) {
        const p = one(pick(), measured).finally(() => inFlight.delete(p));
        inFlight.add(p);
        if (measured && performance.now() - lastSample >= 1000) {
          memory.push(rssMiB(pid));
          lastSample = performance.now();
        }
        next += interval;
        await sleep(Math.max(0, next - performance.now()));
      }
      await Promise.all(inFlight);
    };
    options.log(`soak on ${options.engine}: warm-up ${WARM_UP_MS / 1000} s, then ${options.durationMs / 1000} s at ${options.ratePerSecond} requests/s`);
    await drive(WARM_UP_MS, false);
    measuredFrom = performance.now();
    loadAverage.start = os.loadavg()[0]!;
    const url = target.env.DATABASE_URL;
    const sampler = url === undefined ? null : await sampleDatabase(url, 2000, () => performance.now() - measuredFrom);
    const stalled = stall && url !== undefined
      ? new Promise((resolve) => setTimeout(resolve, stall.atSeconds * 1000)).then(() => {
          options.log(`soak on ${options.engine}: stalling the saves for ${stall.seconds} s`);
          return stallWrites(url, stall.seconds);
        })
      : Promise.resolve();
    await drive(options.durationMs, true);
    await stalled;
    dbSamples = (await sampler?.stop()) ?? [];
    loadAverage.end = os.loadavg()[0]!;
    memory.push(rssMiB(pid));
  } finally {
    await stopServer(server);
    await target.dispose();
  }
  const window = Math.max(1, Math.min(5, Math.floor(memory.length / 4)));
  const startMiB = median(memory.slice(0, window));
  const endMiB = median(memory.slice(-window));
  const boundMiB = growthBound(startMiB);
  const requests = Object.fromEntries(
    (Object.keys(MIX) as Kind[]).map((kind) => [kind, { count: samples[kind].length + errors[kind], errors: errors[kind], shed: shed[kind], latencyMs: { ...summarize(samples[kind]), p99: percentile(sortedCopy(samples[kind]), 99) } }]),
  ) as SoakResult['requests'];
  const readsByMinute = Array.from({ length: Math.ceil(options.durationMs / 60_000) }, (_, minute) => {
    const latencies = sortedCopy(readTimes.filter(([at]) => Math.floor(at / 60_000) === minute).map(([, latency]) => latency));
    return { minute: minute + 1, count: latencies.length, p95: Math.round(percentile(latencies, 95)), p99: Math.round(percentile(latencies, 99)) };
  });
  const segs = segments(outcomes, dbSamples, options.durationMs);
  const heldP95 = stall ? heldReadP95(segs, stall.atSeconds, READ_P95_TARGET_MS) : READ_P95_TARGET_MS;
  const recovery = stall ? recoverySeconds(segs, stall.atSeconds + stall.seconds, heldP95) : null;
  for (const seg of segs) {
    const db = seg.deltaQueueMax === null ? '' : `; delta queue ≤ ${seg.deltaQueueMax}, db active ≤ ${seg.dbActiveMax}, lock waits ≤ ${seg.lockWaitsMax}, idle in transaction ≤ ${seg.idleInTransactionMax}`;
    options.log(`soak on ${options.engine}: ${seg.fromS} s: reads ${seg.reads} p95 ${seg.readP95} ms, saves p95 ${seg.saveP95} ms, errors ${seg.errors}, shed ${seg.shed}${db}`);
  }
  if (stall) options.log(`soak on ${options.engine}: stall at ${stall.atSeconds} s for ${stall.seconds} s; held again (no errors, nothing shed, reads p95 ≤ ${heldP95} ms) ${recovery === null ? 'never' : `${recovery} s after it`}`);
  options.log(`soak on ${options.engine}: report reads by minute ${readsByMinute.map((m) => `${m.minute}: p95 ${m.p95} ms, p99 ${m.p99} ms (${m.count})`).join('; ')}; load average ${loadAverage.start.toFixed(1)} → ${loadAverage.end.toFixed(1)}`);
  return {
    engine: options.engine,
    durationMs: options.durationMs,
    readsByMinute,
    loadAverage,
    ratePerSecond: options.ratePerSecond,
    sites: SITES,
    batchWithinDays: BATCH_WITHIN_DAYS,
    mix: MIX,
    requests,
    maxTries: MAX_TRIES,
    slowestShedMs: Math.round(slowestShedMs),
    errors: errors.save + errors.batch + errors.read,
    errorSamples,
    serverLog: options.serverLog,
    ...(stall ? { stall: { ...stall, recoverySeconds: recovery, heldReadP95Ms: heldP95 } } : {}),
    segments: segs,
    memory: { startMiB, endMiB, peakMiB: Math.max(...memory), growthMiB: Math.round((endMiB - startMiB) * 10) / 10, boundMiB, withinBound: endMiB - startMiB <= boundMiB },
  };
}
