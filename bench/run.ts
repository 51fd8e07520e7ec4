// `npm run bench`: the foundation benchmarks (start time, /api/health throughput) and the encounter
// benchmarks (HTTP saves vs the in-process command loop, batch outbox sync) on PGlite and PostgreSQL.
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
//   BENCH_ONLY=foundation|encounters   run one part only
//   BENCH_OUT=path               write the JSON somewhere else (default bench/results/<UTC date>-outreach.json)
import os from 'node:os';
import path from 'node:path';
import { cleanupAll, makeTempDir, runAsyncCleanups } from './process.js';
import { measureEncounters } from './encounters.js';
import { formatReport, machineInfo, resultsPath, writeResults, type BenchResults } from './report.js';
import { measureStartTime } from './start-time.js';
import { measureThroughput } from './throughput.js';
import { parseOptions } from './options.js';
import { buildServers } from './build.js';

// Hard stop for the whole run: a hung child or socket must never leave the bench (or CI) running.
// A full run takes about 3–4 minutes on the shared 2-core box; this leaves room for a busy shared machine, where it can take three times as long.
const WATCHDOG_MS = 12 * 60_000;

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.env, process.argv.slice(2));
  const startedAt = new Date();
  const machine = machineInfo();
  log(`${options.quick ? 'quick' : 'full'} run on ${machine.cpus} CPUs, node ${machine.node}`);
  await buildServers();
  const hasFoundation = options.parts.includes('foundation');
  const dataDir = makeTempDir('silta-bench-');
  const startTime = hasFoundation ? await measureStartTime(dataDir, options.starts, log) : null;
  const throughput = hasFoundation ? await measureThroughput(dataDir, options.load, log) : null;
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
    encounters,
  };
  const file = options.out ?? resultsPath(startedAt, options.quick, suite);
  writeResults(file, results);
  process.stdout.write(formatReport(results) + '\n');
  log(`results written to ${path.relative(process.cwd(), file)}`);
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
