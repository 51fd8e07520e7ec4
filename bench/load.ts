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
  /**
   * What to send; called once per request, so each can carry fresh data (e.g. a new encounter id).
   * Without it every request is a plain GET of `url`.
   */
  request?: () => RequestSpec;
  /**
   * Pause after each answer before the worker's next request (default 0: back to back). With a pause
   * the C workers behave like C people using the app rather than C scripts, so latency shows the time
   * of one request instead of the queue that C back-to-back clients build up. People do not act in step:
   * each worker starts at a random moment within the first pause, and each pause is 0.5–1.5 × thinkMs.
   */
  thinkMs?: number;
};

/** One request of a load run: a path on the `url`'s origin (default: the url's own path) with headers and a JSON body. */
export type RequestSpec = { method: 'GET' | 'POST'; path?: string; headers?: Record<string, string>; body?: string };

export type LoadResult = {
  url: string;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  /** Successful (2xx) responses completed inside the measured window. */
  requests: number;
  requestsPerSecond: number;
  /**
   * Successful responses that arrived inside the window, wherever they started, per second: the
   * closed-loop throughput. `requestsPerSecond` leaves out requests that straddle either edge of the
   * window, so it reads low by about latency ÷ window — negligible at millisecond latencies, but not
   * when a busy machine makes each request take a second.
   */
  completionsPerSecond: number;
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

const GET: RequestSpec = { method: 'GET' };

/** One request on the shared keep-alive agent; always resolves, never rejects, so workers stay simple. */
export function requestOnce(agent: http.Agent, url: URL, timeoutMs: number, spec: RequestSpec = GET): Promise<Outcome> {
  return new Promise((resolve) => {
    let isSettled = false;
    const settle = (outcome: Outcome) => {
      if (isSettled) return;
      isSettled = true;
      resolve(outcome);
    };
    const target = spec.path === undefined ? url : new URL(spec.path, url);
    const headers: Record<string, string> = { accept: 'application/json', ...spec.headers };
    if (spec.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(spec.body));
    }
    const req = http.request(target, { method: spec.method, agent, headers }, (res) => {
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
    req.end(spec.body);
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
  let completions = 0;
  let warmupRequests = 0;
  let warmupErrors = 0;

  const startedAt = performance.now();
  const measureFrom = startedAt + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;

  const thinkMs = options.thinkMs ?? 0;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, Math.max(1, stopAt - performance.now()))));

  const worker = async (): Promise<void> => {
    if (thinkMs > 0) await sleep(Math.random() * thinkMs);
    // Bounded by stopAt: no new request starts after it, and each request is bounded by timeoutMs.
    while (performance.now() < stopAt) {
      const spec = options.request?.() ?? GET;
      const sentAt = performance.now();
      const outcome = await requestOnce(agent, url, timeoutMs, spec);
      const doneAt = performance.now();
      if (outcome.kind !== null) errorKinds[outcome.kind] = (errorKinds[outcome.kind] ?? 0) + 1;
      // A request counts for the window only when it both started and finished inside it, so the
      // window's length is exactly the denominator of requests/s.
      const isMeasured = sentAt >= measureFrom && doneAt <= stopAt;
      if (outcome.ok && doneAt >= measureFrom && doneAt <= stopAt) completions += 1;
      if (isMeasured) {
        if (outcome.ok) latencies.push(doneAt - sentAt);
        else errors += 1;
      } else if (sentAt < measureFrom) {
        if (outcome.ok) warmupRequests += 1;
        else warmupErrors += 1;
      }
      // A server that fails instantly (connection refused) would otherwise spin this loop hot.
      const pauseMs = Math.max(thinkMs > 0 ? thinkMs * (0.5 + Math.random()) : 0, outcome.ok ? 0 : 1);
      if (pauseMs > 0) await sleep(pauseMs);
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
    completionsPerSecond: round(completions / (options.durationMs / 1000), 1),
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
