// `npm run bench`: the foundation benchmarks (start time, /api/health throughput), the web benchmarks
// (the first route's gzipped bytes as served, the encounter form in Chromium with a 4× slower CPU), the encounter
// benchmarks (HTTP saves vs the in-process command loop, batch outbox sync) and the report benchmark
// (a synthetic history of 1 M / 10 M encounters: report latency next to count(*), saves with and
// without rollup maintenance) on PGlite and PostgreSQL.
// Every number is reported next to a baseline measured in the same run on the same machine, because
// absolute times on a shared 2-core box are noise.
//
// Options (env or argv):
//   BENCH_QUICK=1 | --quick      short smoke run (2 starts, 0.5 s warm-up + 2 s load, 200-entry outbox), written to *-quick.json
//   BENCH_STARTS=N               existing-data starts per server (default 5)
//   BENCH_CONCURRENCY=C          load-generator connections (default 20)
//   BENCH_DURATION_MS=ms         measured load window per server and engine (default 5000)
//   BENCH_BATCH_ITEMS=N          encounters in the outbox of the batch sync (default 1000)
//   BENCH_POSTGRES_URL=url|off   server to create the throw-away PostgreSQL database on
//                                (default postgres://postgres@127.0.0.1:5432/postgres; off skips PostgreSQL)
//   BENCH_REPORT_ENCOUNTERS_PGLITE=N    encounters generated for the report bench on PGlite (default 1,000,000; quick 20,000)
//   BENCH_REPORT_ENCOUNTERS_POSTGRES=N  the same on PostgreSQL (default 10,000,000; quick 50,000)
//   BENCH_REPORT_ENGINES=pglite|postgres|both   engines of the report bench (default both)
//   BENCH_REPORT_RUNS=N          measured runs per report query (default 20; quick 5)
//   BENCH_CLIENTS_PGLITE=N       clients generated for the client due-list bench on PGlite (default 20,000; quick 2,000)
//   BENCH_CLIENTS_POSTGRES=N     the same on PostgreSQL (default 100,000; quick 10,000); 10 process events per client
//   BENCH_CLIENTS_ENGINES=pglite|postgres|both   engines of the client bench (default both)
//   BENCH_CLIENT_RUNS=N          measured runs per client query (default 100; quick 10)
//   BENCH_ONLY=foundation|web|encounters|reports|clients|chat|tray   run one part only (or a comma list)
//   BENCH_CHATS=N                chats of the chat part (default 200; quick 50), across two processes on PostgreSQL
//   BENCH_CHAT_INTERVAL_MS=ms    one message per chat this often (default 2000)
//   BENCH_CHAT_DURATION_MS=ms    measured chat load (default 30000; quick 10000); results go to <UTC date>-chat.json
//                                tray: the public service page's transfer size (≤ 60 KiB), printed, not written to a file
//   BENCH_FORM_RUNS=N            fresh-profile runs of the encounter form in Chromium (web part; default 7, quick 2)
//   BENCH_WATCHDOG_MINUTES=N     hard stop of the whole run (default from the parts and sizes, see options.ts)
//   BENCH_OUT=path               write the JSON somewhere else (default bench/results/<UTC date>-outreach.json,
//                                <UTC date>-reports.json for the report part, <UTC date>-clients.json for the client part)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanupAll, makeTempDir, runAsyncCleanups } from './process.js';
import { measureEncounters } from './encounters.js';
import { formatReport, formatReportBench, machineInfo, resultsPath, writeResults, type BenchResults, type ClientBenchResults, type ReportBenchResults, type Suite } from './report.js';
import { measureReports } from './report/measure.js';
import { formatClientBench, measureClients } from './clients/measure.js';
import { measureStartTime } from './start-time.js';
import { measureThroughput } from './throughput.js';
import { parseOptions } from './options.js';
import { buildServers } from './build.js';
import { buildWeb, measureWeb } from './web.js';
import { formatChatBench, measureChat } from './chat.js';
import { measureTray } from './tray.js';

const options = parseOptions(process.env, process.argv.slice(2));
// Hard stop for the whole run: a hung child or socket must never leave the bench (or CI) running.
// options.watchdogMs allows for the parts chosen on a busy shared machine (see watchdogMinutes).
const WATCHDOG_MS = options.watchdogMs;

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

/** BENCH_OUT names the file when one is written; with more, the report and client parts' get a `-reports` / `-clients` suffix. */
function outFile(startedAt: Date, suite: Suite, isOnlyFile: boolean): string {
  if (options.out === null) return resultsPath(startedAt, options.quick, suite);
  return isOnlyFile ? options.out : `${options.out.replace(/\.json$/, '')}-${suite}.json`;
}

async function serverParts(startedAt: Date, isOnlyFile: boolean): Promise<void> {
  const machine = machineInfo();
  await buildServers();
  const hasWeb = options.parts.includes('web');
  if (hasWeb) buildWeb();
  const hasFoundation = options.parts.includes('foundation');
  const dataDir = makeTempDir('silta-bench-');
  const startTime = hasFoundation ? await measureStartTime(dataDir, options.starts, log) : null;
  const throughput = hasFoundation ? await measureThroughput(dataDir, options.load, log) : null;
  const web = hasWeb ? await measureWeb(options.formRuns, log) : null;
  const encounters = options.parts.includes('encounters') ? await measureEncounters(options.encounters, log) : null;
  machine.loadAverageEnd = Number((os.loadavg()[0] ?? 0).toFixed(2));
  const suite = encounters === null ? 'foundation' : 'outreach';
  const results: BenchResults = {
    suite,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    quick: options.quick,
    machine,
    startTime,
    throughput,
    web,
    encounters,
  };
  const file = outFile(startedAt, suite, isOnlyFile);
  writeResults(file, results);
  process.stdout.write(formatReport(results) + '\n');
  log(`results written to ${path.relative(process.cwd(), file)}`);
}

async function reportPart(isOnlyFile: boolean): Promise<void> {
  const startedAt = new Date();
  const machine = machineInfo();
  const reports = await measureReports(options.reports, log);
  machine.loadAverageEnd = Number((os.loadavg()[0] ?? 0).toFixed(2));
  const results: ReportBenchResults = { suite: 'reports', startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), quick: options.quick, machine, reports };
  const file = outFile(startedAt, 'reports', isOnlyFile);
  writeResults(file, results);
  process.stdout.write(formatReportBench(results) + '\n');
  log(`results written to ${path.relative(process.cwd(), file)}`);
}

async function clientsPart(isOnlyFile: boolean): Promise<void> {
  const startedAt = new Date();
  const machine = machineInfo();
  const clients = await measureClients(options.clients, log);
  machine.loadAverageEnd = Number((os.loadavg()[0] ?? 0).toFixed(2));
  const results: ClientBenchResults = { suite: 'clients', startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), quick: options.quick, machine, clients };
  const file = outFile(startedAt, 'clients', isOnlyFile);
  writeResults(file, results);
  process.stdout.write(formatClientBench(clients, { start: machine.loadAverageStart, end: machine.loadAverageEnd ?? null }) + '\n');
  log(`results written to ${path.relative(process.cwd(), file)}`);
}

async function chatPart(): Promise<void> {
  const startedAt = new Date();
  const machine = machineInfo();
  await buildServers();
  const chat = await measureChat(options.chat, log);
  machine.loadAverageEnd = Number((os.loadavg()[0] ?? 0).toFixed(2));
  const results = { suite: 'chat', startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), quick: options.quick, machine, chat };
  const file = options.out ?? path.join(path.dirname(resultsPath(startedAt, options.quick, 'foundation')), `${startedAt.toISOString().slice(0, 10)}-chat${options.quick ? '-quick' : ''}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(formatChatBench(chat) + '\n');
  log(`results written to ${path.relative(process.cwd(), file)}`);
}

async function main(): Promise<void> {
  const startedAt = new Date();
  log(`${options.quick ? 'quick' : 'full'} run (${options.parts.join(', ')}) on ${os.cpus().length} CPUs, node ${process.version}; watchdog ${Math.round(WATCHDOG_MS / 60_000)} min`);
  const hasServerParts = options.parts.some((part) => part !== 'reports' && part !== 'clients' && part !== 'chat' && part !== 'tray');
  const hasReports = options.parts.includes('reports');
  const hasClients = options.parts.includes('clients');
  const files = [hasServerParts, hasReports, hasClients].filter(Boolean).length;
  if (hasServerParts) await serverParts(startedAt, files === 1);
  if (hasReports) await reportPart(files === 1);
  if (hasClients) await clientsPart(files === 1);
  if (options.parts.includes('chat')) await chatPart();
  if (options.parts.includes('tray')) {
    const tray = await measureTray(log);
    process.stdout.write(`Service tray: largest service page ${tray.largestServicePageBytes} B on the wire (budget ${tray.budgetBytes} B): ${tray.budgetMet ? 'met' : 'NOT met'}\n${JSON.stringify(tray, null, 2)}\n`);
    if (!tray.budgetMet) process.exitCode = 1;
  }
}

const watchdog = setTimeout(() => {
  log(`watchdog: still running after ${WATCHDOG_MS / 1000} s, giving up`);
  void runAsyncCleanups().finally(() => {
    cleanupAll();
    process.exit(2);
  });
}, WATCHDOG_MS);
watchdog.unref();

// 'exit' catches every way out (normal end, process.exit, uncaught error); signals need their own
// handlers because the default action would skip 'exit' and orphan the servers.
process.on('exit', cleanupAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping servers, dropping the bench database and removing temp dirs`);
    // Servers first: PostgreSQL drops a database more readily once nobody is connected to it.
    cleanupAll();
    void runAsyncCleanups().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  cleanupAll();
  await runAsyncCleanups();
  process.exitCode = 1;
}
