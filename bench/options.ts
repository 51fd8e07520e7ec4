// Bench options from env/argv, kept apart from run.ts so they can be imported without starting a run.
import path from 'node:path';
import type { EncounterBenchOptions } from './encounters.js';
import type { ThroughputOptions } from './throughput.js';
import type { EngineName } from './encounters-engines.js';
import type { ReportBenchOptions } from './report/measure.js';
import type { ClientBenchOptions } from './clients/measure.js';
import type { ChatBenchOptions } from './chat.js';

/** Which parts run: all (default), or one of them while working on it. */
export type BenchPart = 'foundation' | 'web' | 'encounters' | 'reports' | 'clients' | 'chat' | 'tray';
const ALL_PARTS: BenchPart[] = ['foundation', 'web', 'encounters', 'reports', 'clients', 'chat', 'tray'];

export type BenchOptions = {
  quick: boolean;
  starts: number;
  load: ThroughputOptions;
  encounters: EncounterBenchOptions;
  reports: ReportBenchOptions;
  clients: ClientBenchOptions;
  chat: ChatBenchOptions;
  parts: BenchPart[];
  /** Fresh-profile runs of the encounter form in Chromium (web part). */
  formRuns: number;
  /** The run's hard stop, from the parts and sizes chosen (BENCH_WATCHDOG_MINUTES overrides it). */
  watchdogMs: number;
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
  if (raw === undefined || raw === '' || raw === 'all') return ALL_PARTS;
  const parts = raw.split(',').map((p) => p.trim());
  const unknown = parts.filter((p) => !ALL_PARTS.includes(p as BenchPart));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY must be foundation, web, encounters, reports, clients, chat, tray (or a comma list of them) or all, got "${raw}"`);
  return ALL_PARTS.filter((p) => parts.includes(p));
}

function enginesOf(raw: string | undefined, name = 'BENCH_REPORT_ENGINES'): EngineName[] {
  if (raw === undefined || raw === '' || raw === 'both') return ['pglite', 'postgres'];
  if (raw === 'pglite' || raw === 'postgres') return [raw];
  throw new Error(`${name} must be pglite, postgres or both, got "${raw}"`);
}

/**
 * Minutes the run may take: the foundation and encounter parts as before (a full run 3–4 minutes on
 * the shared 2-core box, three times that when it is busy), plus the report part by its sizes: about
 * twice what the runs of 2026-11-23 took on the busy box (PGlite 1 M: 21 minutes; PostgreSQL 10 M:
 * see bench/results/README.md), most of it generating the data and rebuilding the rollups.
 */
function watchdogMinutes(parts: BenchPart[], reports: ReportBenchOptions, clients: ClientBenchOptions): number {
  let minutes = parts.some((p) => p !== 'reports' && p !== 'clients' && p !== 'chat' && p !== 'tray') ? 12 : 0;
  // The chat part: two servers, 200 chats set up one by one, the load and its drain.
  if (parts.includes('chat')) minutes += 8;
  if (parts.includes('tray')) minutes += 3;
  // The client part: generating 100,000 clients and 1,000,000 events took 1–2 minutes on PostgreSQL on
  // the busy box (2026-12-07), PGlite about as long for a fifth of it; then a few hundred short reads.
  if (parts.includes('clients')) {
    minutes += 5;
    if (clients.engines.includes('pglite')) minutes += 10 * (clients.pgliteClients / 20_000);
    if (clients.engines.includes('postgres') && clients.postgresUrl !== null) minutes += 6 * (clients.postgresClients / 100_000);
  }
  if (parts.includes('reports')) {
    const engines = reports.engines;
    minutes += 10;
    if (engines.includes('pglite')) minutes += 40 * (reports.pgliteEncounters / 1_000_000);
    if (engines.includes('postgres') && reports.postgresUrl !== null) minutes += 20 * (reports.postgresEncounters / 1_000_000);
  }
  return Math.ceil(minutes);
}

export function parseOptions(env: NodeJS.ProcessEnv, argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick') || env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  const load = {
    concurrency: positiveInt('BENCH_CONCURRENCY', env.BENCH_CONCURRENCY, 20),
    durationMs: positiveInt('BENCH_DURATION_MS', env.BENCH_DURATION_MS, quick ? 2_000 : 5_000),
    warmupMs: quick ? 500 : 1_000,
  };
  const postgres = env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  const postgresUrl = postgres === 'off' || postgres === '' ? null : postgres;
  const parts = partsOf(env.BENCH_ONLY);
  const reports: ReportBenchOptions = {
    pgliteEncounters: positiveInt('BENCH_REPORT_ENCOUNTERS_PGLITE', env.BENCH_REPORT_ENCOUNTERS_PGLITE, quick ? 20_000 : 1_000_000),
    postgresEncounters: positiveInt('BENCH_REPORT_ENCOUNTERS_POSTGRES', env.BENCH_REPORT_ENCOUNTERS_POSTGRES, quick ? 50_000 : 10_000_000),
    engines: enginesOf(env.BENCH_REPORT_ENGINES),
    runs: positiveInt('BENCH_REPORT_RUNS', env.BENCH_REPORT_RUNS, quick ? 5 : 20),
    warmup: quick ? 1 : 3,
    save: { rounds: quick ? 2 : 4, roundMs: quick ? 2_000 : 5_000, refreshEveryMs: 1_000, warmup: quick ? 10 : 50 },
    postgresUrl,
  };
  const clients: ClientBenchOptions = {
    pgliteClients: positiveInt('BENCH_CLIENTS_PGLITE', env.BENCH_CLIENTS_PGLITE, quick ? 2_000 : 20_000),
    postgresClients: positiveInt('BENCH_CLIENTS_POSTGRES', env.BENCH_CLIENTS_POSTGRES, quick ? 10_000 : 100_000),
    eventsPerClient: 10,
    engines: enginesOf(env.BENCH_CLIENTS_ENGINES, 'BENCH_CLIENTS_ENGINES'),
    runs: positiveInt('BENCH_CLIENT_RUNS', env.BENCH_CLIENT_RUNS, quick ? 10 : 100),
    warmup: quick ? 2 : 5,
    postgresUrl,
  };
  return {
    quick,
    starts: positiveInt('BENCH_STARTS', env.BENCH_STARTS, quick ? 2 : 5),
    load,
    encounters: {
      // A longer warm-up than /api/health: the first saves open connections and compile the write path.
      load: { ...load, warmupMs: quick ? 1_000 : 2_000 },
      batchItems: positiveInt('BENCH_BATCH_ITEMS', env.BENCH_BATCH_ITEMS, quick ? 100 : 1_000),
      postgresUrl,
    },
    reports,
    parts,
    formRuns: positiveInt('BENCH_FORM_RUNS', env.BENCH_FORM_RUNS, quick ? 2 : 7),
    out: env.BENCH_OUT && env.BENCH_OUT !== '' ? path.resolve(env.BENCH_OUT) : null,
    clients,
    chat: {
      chats: positiveInt('BENCH_CHATS', env.BENCH_CHATS, quick ? 50 : 200),
      intervalMs: positiveInt('BENCH_CHAT_INTERVAL_MS', env.BENCH_CHAT_INTERVAL_MS, 2_000),
      durationMs: positiveInt('BENCH_CHAT_DURATION_MS', env.BENCH_CHAT_DURATION_MS, quick ? 10_000 : 30_000),
      postgresUrl,
    },
    watchdogMs: positiveInt('BENCH_WATCHDOG_MINUTES', env.BENCH_WATCHDOG_MINUTES, watchdogMinutes(parts, reports, clients)) * 60_000,
  };
}
