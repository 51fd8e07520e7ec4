// Closed-loop HTTP load generator: C workers, each sends a request, waits for the full response, and
// immediately sends the next. Closed loop (rather than a fixed arrival rate) keeps a slow server from
// being buried under a queue the generator itself created, and matches "N concurrent clients".
import http from 'node:http';
import { percentile, round, sortedCopy } from './stats.js';

export type LoadOptions = {
  /** Absolute URL, e.g. http://127.0.0.1:4000/api/health. Only http: is supported on purpose. */
  url: string;
  concurrency: number;
  /** Measured window, after the warm-up. */
  durationMs: number;
  /** Requests during the warm-up are sent but not recorded (JIT, connection set-up, caches). */
  warmupMs: number;
  /** Per-request bound, so one stuck request cannot keep the run going forever. */
  requestTimeoutMs?: number;
};

export type LoadResult = {
  url: string;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  /** Successful (2xx) responses completed inside the measured window. */
  requests: number;
  requestsPerSecond: number;
  /** Failed requests in the measured window: non-2xx status, socket error or timeout. */
  errors: number;
  /** Why requests failed, e.g. { "status 500": 12, "ECONNRESET": 1 }, over all phases (warm-up, window, tail). */
  errorKinds: Record<string, number>;
  warmupRequests: number;
  warmupErrors: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
};

type Outcome = { ok: boolean; kind: string | null };

const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;

/** One GET on the shared keep-alive agent; always resolves, never rejects, so workers stay simple. */
function requestOnce(agent: http.Agent, url: URL, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    let isSettled = false;
    const settle = (outcome: Outcome) => {
      if (isSettled) return;
      isSettled = true;
      resolve(outcome);
    };
    const req = http.request(url, { method: 'GET', agent, headers: { accept: 'application/json' } }, (res) => {
      const status = res.statusCode ?? 0;
      // The body must be consumed fully, otherwise the keep-alive socket is never reused.
      res.resume();
      res.on('end', () => settle(status >= 200 && status < 300 ? { ok: true, kind: null } : { ok: false, kind: `status ${status}` }));
      res.on('error', (error: NodeJS.ErrnoException) => settle({ ok: false, kind: error.code ?? error.message }));
    });
    req.setTimeout(timeoutMs, () => {
      settle({ ok: false, kind: 'timeout' });
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) => settle({ ok: false, kind: error.code ?? error.message }));
    req.end();
  });
}

/** Runs the load and returns counts and latency percentiles for the measured window only. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  if (url.protocol !== 'http:') throw new Error(`runLoad only speaks plain http, got ${url.protocol}`);
  if (options.concurrency < 1 || options.durationMs <= 0 || options.warmupMs < 0) {
    throw new Error('runLoad needs concurrency ≥ 1, durationMs > 0 and warmupMs ≥ 0');
  }
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  // maxSockets = concurrency: exactly one connection per worker, like C real clients.
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  let errors = 0;
  let warmupRequests = 0;
  let warmupErrors = 0;

  const startedAt = performance.now();
  const measureFrom = startedAt + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;

  const worker = async (): Promise<void> => {
    // Bounded by stopAt: no new request starts after it, and each request is bounded by timeoutMs.
    while (performance.now() < stopAt) {
      const sentAt = performance.now();
      const outcome = await requestOnce(agent, url, timeoutMs);
      const doneAt = performance.now();
      if (outcome.kind !== null) errorKinds[outcome.kind] = (errorKinds[outcome.kind] ?? 0) + 1;
      // A request counts for the window only when it both started and finished inside it, so the
      // window's length is exactly the denominator of requests/s.
      const isMeasured = sentAt >= measureFrom && doneAt <= stopAt;
      if (isMeasured) {
        if (outcome.ok) latencies.push(doneAt - sentAt);
        else errors += 1;
      } else if (sentAt < measureFrom) {
        if (outcome.ok) warmupRequests += 1;
        else warmupErrors += 1;
      }
      // A server that fails instantly (connection refused) would otherwise spin this loop hot.
      if (!outcome.ok) await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };

  try {
    await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  } finally {
    agent.destroy();
  }

  const sorted = sortedCopy(latencies);
  const mean = sorted.length === 0 ? Number.NaN : sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return {
    url: options.url,
    concurrency: options.concurrency,
    durationMs: options.durationMs,
    warmupMs: options.warmupMs,
    requests: sorted.length,
    requestsPerSecond: round(sorted.length / (options.durationMs / 1000), 1),
    errors,
    errorKinds,
    warmupRequests,
    warmupErrors,
    latencyMs: {
      p50: round(percentile(sorted, 50), 3),
      p95: round(percentile(sorted, 95), 3),
      p99: round(percentile(sorted, 99), 3),
      max: round(sorted[sorted.length - 1] ?? Number.NaN, 3),
      mean: round(mean, 3),
    },
  };
}
