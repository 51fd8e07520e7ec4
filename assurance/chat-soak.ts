// The chat soak (issue 19 item 3): 200 chats across two Silta processes on one PostgreSQL, a message
// every 2 s per chat, for 10 minutes; halfway one process is killed (SIGKILL) and started again. Its
// streams reconnect to the other process from their last seq, its sends go there meanwhile. Passes
// when no acknowledged message is lost, none is delivered twice, and both processes' memory stays
// within the stated bound. Not part of `npm run assure -- --short` (CI): it takes minutes.
//
//   npx tsx assurance/chat-soak.ts [--seconds=600] [--chats=200] [--interval-ms=2000] [--bound-mib=512] [--out=path]
//   BENCH_POSTGRES_URL / TEST_DATABASE_URL: the PostgreSQL to create the throw-away database on.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runChatLoad, startChatCluster } from '../bench/chat-load.js';
import { cleanupAll, REPO_ROOT, runAsyncCleanups } from '../bench/process.js';
import { percentile, sortedCopy } from '../bench/stats.js';

const log = (line: string) => process.stderr.write(`[chat-soak] ${line}\n`);
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

/** A Node process serving 200 streams holds its heap, the streams' buffers and a pool: well under this. */
const DEFAULT_BOUND_MIB = 512;

export type ChatSoakResult = {
  startedAt: string;
  seconds: number;
  chats: number;
  intervalMs: number;
  killedAtSeconds: number;
  restartSeconds: number;
  sent: number;
  acknowledged: number;
  failedSends: number;
  failures: Record<string, number>;
  delivered: number;
  lost: number;
  duplicates: number;
  reconnects: number;
  deliveryMs: { p50: number; p95: number; p99: number };
  memory: { peakMiB: number[]; boundMiB: number; withinBound: boolean };
  passed: boolean;
};

async function main(): Promise<void> {
  const seconds = Number(option('seconds') ?? 600);
  const chats = Number(option('chats') ?? 200);
  const intervalMs = Number(option('interval-ms') ?? 2000);
  const boundMiB = Number(option('bound-mib') ?? DEFAULT_BOUND_MIB);
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const startedAt = new Date();
  const cluster = await startChatCluster(adminUrl, 2);
  const peak = [0, 0];
  const killAt = seconds / 2;
  let killed = false;
  let restartSeconds = 0;
  try {
    const load = await runChatLoad(cluster, 2, {
      chats,
      intervalMs,
      durationMs: seconds * 1000,
      drainMs: 30_000,
      log,
      during: async (elapsed) => {
        cluster.rssMiB().forEach((mib, i) => (peak[i] = Math.max(peak[i]!, mib)));
        if (killed || elapsed < killAt * 1000) return;
        killed = true;
        log(`killing process 1 at ${Math.round(elapsed / 1000)} s`);
        cluster.kill(1);
        const t0 = performance.now();
        await cluster.restart(1);
        restartSeconds = Math.round((performance.now() - t0) / 100) / 10;
        log(`process 1 answers again after ${restartSeconds} s`);
      },
    });
    const sorted = sortedCopy(load.latenciesMs);
    const withinBound = peak.every((mib) => mib <= boundMiB);
    const result: ChatSoakResult = {
      startedAt: startedAt.toISOString(),
      seconds,
      chats,
      intervalMs,
      killedAtSeconds: killAt,
      restartSeconds,
      sent: load.sent,
      acknowledged: load.acknowledged,
      failedSends: load.failedSends,
      failures: load.failures,
      delivered: load.delivered,
      lost: load.lost,
      duplicates: load.duplicates,
      reconnects: load.reconnects,
      deliveryMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) },
      memory: { peakMiB: peak, boundMiB, withinBound },
      passed: killed && load.lost === 0 && load.duplicates === 0 && withinBound,
    };
    const out = option('out') ?? path.join(REPO_ROOT, `assurance/results/${startedAt.toISOString().slice(0, 10)}-chat-soak.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    log(`${result.passed ? 'PASSED' : 'FAILED'}: sent ${result.sent}, acknowledged ${result.acknowledged}, lost ${result.lost}, duplicates ${result.duplicates}, reconnects ${result.reconnects}, peak RSS ${peak.join(' / ')} MiB (bound ${boundMiB}); written to ${path.relative(process.cwd(), out)}`);
    process.exitCode = result.passed ? 0 : 1;
  } finally {
    await cluster.stop();
  }
}

process.on('exit', cleanupAll);
try {
  await main();
} catch (error) {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  cleanupAll();
  await runAsyncCleanups();
  process.exitCode = 1;
}
