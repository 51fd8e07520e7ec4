// Measures /api/health throughput for Silta and for the bare node:http baseline with the same load
// generator in the same run. The servers run as child processes so the generator in this process
// never shares an event loop with the server it measures.
import { runLoad, type LoadResult } from './load.js';
import { HOST, startAndWait, stopServer, type ServerChild } from './process.js';
import { BASELINE_SCRIPT, SILTA_SCRIPT, siltaEnv } from './start-time.js';
import { ratio } from './stats.js';

export type ThroughputOptions = { concurrency: number; durationMs: number; warmupMs: number };

export type ServerLoadResult = LoadResult & {
  /** What the server printed while under load (warnings, errors); empty when it stayed quiet. */
  serverOutput: string;
  /** Whether the server was still running when the load ended (a crash under load is a finding). */
  aliveAfterLoad: boolean;
};

export type ThroughputResult = {
  options: ThroughputOptions;
  silta: ServerLoadResult;
  bare: ServerLoadResult;
  /** Silta requests/s ÷ bare requests/s (higher is better; 1 would mean Silta costs nothing). */
  ratioRps: number | null;
  /** Silta p95 ÷ bare p95 (lower is better). */
  ratioP95: number | null;
};

const START_TIMEOUT_MS = 30_000;

async function loadOne(script: string, env: Record<string, string>, options: ThroughputOptions): Promise<ServerLoadResult> {
  const { server } = await startAndWait(script, env, START_TIMEOUT_MS);
  const printedBeforeLoad = server.output().length;
  try {
    const result = await runLoad({ url: urlOf(server), ...options });
    const aliveAfterLoad = server.child.exitCode === null && server.child.signalCode === null;
    return { ...result, serverOutput: server.output().slice(printedBeforeLoad).trim().slice(0, 4_000), aliveAfterLoad };
  } finally {
    await stopServer(server);
  }
}

function urlOf(server: ServerChild): string {
  return `http://${HOST}:${server.port}/api/health`;
}

/** `dataDir` is the already-seeded Silta data dir from the start-time step. */
export async function measureThroughput(dataDir: string, options: ThroughputOptions, log: (line: string) => void): Promise<ThroughputResult> {
  log(`load: bare node:http, ${options.concurrency} connections, ${options.warmupMs} ms warm-up + ${options.durationMs} ms…`);
  const bare = await loadOne(BASELINE_SCRIPT, {}, options);
  log(`load: Silta /api/health, same load…`);
  const silta = await loadOne(SILTA_SCRIPT, siltaEnv(dataDir), options);
  return {
    options,
    silta,
    bare,
    ratioRps: ratio(silta.requestsPerSecond, bare.requestsPerSecond),
    ratioP95: ratio(silta.latencyMs.p95, bare.latencyMs.p95),
  };
}
