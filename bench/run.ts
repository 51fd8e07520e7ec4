// `npm run bench`: the foundation benchmarks. Every number is reported as a ratio against a baseline
// measured in the same run on the same machine, because absolute times on a shared 2-core box are noise.
//
// Options (env or argv):
//   BENCH_QUICK=1 | --quick      short smoke run (2 starts, 0.5 s warm-up + 2 s load), written to *-quick.json
//   BENCH_STARTS=N               existing-data starts per server (default 5)
//   BENCH_CONCURRENCY=C          load-generator connections (default 20)
//   BENCH_DURATION_MS=ms         measured load window per server (default 5000)
//   BENCH_OUT=path               write the JSON somewhere else (default bench/results/<UTC date>-foundation.json)
import os from 'node:os';
import path from 'node:path';
import { cleanupAll, makeTempDir } from './process.js';
import { formatReport, machineInfo, resultsPath, writeResults, type BenchResults } from './report.js';
import { measureStartTime } from './start-time.js';
import { measureThroughput } from './throughput.js';
import { parseOptions } from './options.js';
import { buildServers } from './build.js';

// Hard stop for the whole run: a hung child or socket must never leave the bench (or CI) running.
const WATCHDOG_MS = 5 * 60_000;

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.env, process.argv.slice(2));
  const startedAt = new Date();
  const machine = machineInfo();
  log(`${options.quick ? 'quick' : 'full'} run on ${machine.cpus} CPUs, node ${machine.node}`);
  await buildServers();
  const dataDir = makeTempDir('silta-bench-');
  const startTime = await measureStartTime(dataDir, options.starts, log);
  const throughput = await measureThroughput(dataDir, options.load, log);
  machine.loadAverageEnd = Number((os.loadavg()[0] ?? 0).toFixed(2));
  const results: BenchResults = {
    suite: 'foundation',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    quick: options.quick,
    machine,
    startTime,
    throughput,
  };
  const file = options.out ?? resultsPath(startedAt, options.quick);
  writeResults(file, results);
  process.stdout.write(formatReport(results) + '\n');
  log(`results written to ${path.relative(process.cwd(), file)}`);
}

const watchdog = setTimeout(() => {
  log(`watchdog: still running after ${WATCHDOG_MS / 1000} s, giving up`);
  cleanupAll();
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

// 'exit' catches every way out (normal end, process.exit, uncaught error); signals need their own
// handlers because the default action would skip 'exit' and orphan the servers.
process.on('exit', cleanupAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping servers and removing temp dirs`);
    cleanupAll();
    process.exit(130);
  });
}

try {
  await main();
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  cleanupAll();
  process.exitCode = 1;
}
