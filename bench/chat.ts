// `BENCH_ONLY=chat npm run bench`: 200 concurrent chats across two Silta processes on one PostgreSQL,
// each sending a message every 2 s (visitor and worker in turn, each on a different process), and
// the delivery time from the send to the other side's stream (p50/p95/p99), beside a bare LISTEN/NOTIFY
// round trip measured at the same rate during the same load. Both numbers come from this one process,
// which also drives 400 streams: its own event loop is part of both.
import { percentile, round, sortedCopy } from './stats.js';
import { measureBareNotify, runChatLoad, startChatCluster } from './chat-load.js';

export type ChatBenchOptions = { chats: number; intervalMs: number; durationMs: number; postgresUrl: string | null };
export type Percentiles = { count: number; p50: number; p95: number; p99: number; max: number };
export type ChatBenchResult = {
  skipped: string | null;
  chats: number;
  processes: number;
  intervalMs: number;
  durationMs: number;
  delivery: Percentiles | null;
  bareNotify: Percentiles | null;
  sent: number;
  acknowledged: number;
  lost: number;
  duplicates: number;
  failedSends: number;
};

function percentiles(samples: number[]): Percentiles {
  const sorted = sortedCopy(samples);
  return { count: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted[sorted.length - 1] ?? Number.NaN) };
}

export async function measureChat(options: ChatBenchOptions, log: (line: string) => void): Promise<ChatBenchResult> {
  const base = { chats: options.chats, processes: 2, intervalMs: options.intervalMs, durationMs: options.durationMs };
  if (options.postgresUrl === null) return { ...base, skipped: 'BENCH_POSTGRES_URL=off', delivery: null, bareNotify: null, sent: 0, acknowledged: 0, lost: 0, duplicates: 0, failedSends: 0 };
  const cluster = await startChatCluster(options.postgresUrl, 2);
  try {
    const databaseUrl = cluster.target.serverEnv.DATABASE_URL!;
    // The bare round trip runs during the chat load, at the chats' own message rate.
    const rate = Math.max(1, Math.round((options.chats * 1000) / options.intervalMs));
    const bare: { samples: Promise<number[]> | null } = { samples: null };
    const load = await runChatLoad(cluster, 2, {
      ...options,
      drainMs: 10_000,
      log,
      during: (elapsed) => {
        if (bare.samples === null && elapsed > 2_000) bare.samples = measureBareNotify(databaseUrl, rate, Math.max(1_000, options.durationMs - 4_000));
      },
    });
    const bareSamples = bare.samples === null ? [] : await bare.samples;
    const result: ChatBenchResult = {
      ...base,
      skipped: null,
      delivery: percentiles(load.latenciesMs),
      bareNotify: percentiles(bareSamples),
      sent: load.sent,
      acknowledged: load.acknowledged,
      lost: load.lost,
      duplicates: load.duplicates,
      failedSends: load.failedSends,
    };
    log(`chat delivery p50/p95/p99 ${result.delivery?.p50}/${result.delivery?.p95}/${result.delivery?.p99} ms; bare LISTEN/NOTIFY ${result.bareNotify?.p50}/${result.bareNotify?.p95}/${result.bareNotify?.p99} ms`);
    return result;
  } finally {
    await cluster.stop();
  }
}

export function formatChatBench(result: ChatBenchResult): string {
  if (result.skipped) return `Chat: skipped (${result.skipped})`;
  const row = (name: string, p: Percentiles | null) => (p ? `| ${name} | ${p.count} | ${p.p50} | ${p.p95} | ${p.p99} | ${p.max} |` : `| ${name} | – | – | – | – | – |`);
  return [
    `## Chat: ${result.chats} chats across ${result.processes} processes on PostgreSQL, a message every ${result.intervalMs / 1000} s per chat, ${result.durationMs / 1000} s`,
    '',
    '| ms | samples | p50 | p95 | p99 | max |',
    '|---|---|---|---|---|---|',
    row('send → other side\'s stream', result.delivery),
    row('bare LISTEN/NOTIFY round trip (same run)', result.bareNotify),
    '',
    `sent ${result.sent}, acknowledged ${result.acknowledged}, failed sends ${result.failedSends}, lost ${result.lost}, duplicates ${result.duplicates}`,
  ].join('\n');
}
