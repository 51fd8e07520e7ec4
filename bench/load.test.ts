// The load generator is the bench's measuring instrument: these tests check it counts what it should,
// including failures, so a broken server can never show up as "fast".
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad } from './load.js';
import { parseOptions } from './options.js';
import { parseStartMs } from './start-time.js';
import { percentile } from './stats.js';

const servers: http.Server[] = [];

async function serve(status: number): Promise<string> {
  const server = http.createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: status === 200 ? 'ok' : 'error' }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  }));
});

describe('runLoad', () => {
  it('counts successful requests and orders the latency percentiles', async () => {
    const result = await runLoad({ url: await serve(200), concurrency: 4, durationMs: 1_000, warmupMs: 100 });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.requestsPerSecond).toBeGreaterThan(0);
    // Completions also count requests that started before the window, so never fewer.
    expect(result.completionsPerSecond).toBeGreaterThanOrEqual(result.requestsPerSecond);
    expect(result.errors).toBe(0);
    expect(result.errorKinds).toEqual({});
    expect(result.latencyMs.p50).toBeLessThanOrEqual(result.latencyMs.p95);
    expect(result.latencyMs.p95).toBeLessThanOrEqual(result.latencyMs.p99);
    expect(result.latencyMs.p99).toBeLessThanOrEqual(result.latencyMs.max);
  });

  it('sends what the request factory makes, fresh for every request (POST with headers and a JSON body)', async () => {
    const seen: { method: string; url: string; type: string; marker: string; body: string }[] = [];
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        seen.push({ method: request.method ?? '', url: request.url ?? '', type: request.headers['content-type'] ?? '', marker: String(request.headers['x-marker']), body });
        response.writeHead(201).end('{}');
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    let made = 0;
    const result = await runLoad({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`,
      concurrency: 3,
      durationMs: 300,
      warmupMs: 0,
      request: () => ({ method: 'POST', path: '/api/encounters', headers: { 'x-marker': 'm' }, body: JSON.stringify({ n: ++made }) }),
    });
    expect(result.requests).toBeGreaterThan(0);
    expect(seen.length).toBe(made);
    expect(new Set(seen.map((s) => s.body)).size).toBe(made);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/encounters', type: 'application/json', marker: 'm' });
  });

  it('pauses thinkMs after each answer, so C workers send about C × window ÷ thinkMs requests', async () => {
    const url = await serve(200);
    const paced = await runLoad({ url, concurrency: 2, durationMs: 600, warmupMs: 0, thinkMs: 200 });
    const flat = await runLoad({ url, concurrency: 2, durationMs: 600, warmupMs: 0 });
    // 2 workers × 600 ms ÷ 200 ms = 6 requests on average; pauses of 0.5–1.5 × 200 ms and a random
    // start allow at most 2 × (1 + 600 ÷ 100) = 14, and back to back sends far more.
    expect(paced.requests).toBeGreaterThan(0);
    expect(paced.requests).toBeLessThanOrEqual(14);
    expect(flat.requests).toBeGreaterThan(paced.requests * 3);
  });

  it('counts 500 responses as errors, not as requests', async () => {
    const result = await runLoad({ url: await serve(500), concurrency: 2, durationMs: 500, warmupMs: 0 });
    expect(result.requests).toBe(0);
    expect(result.completionsPerSecond).toBe(0);
    expect(result.errors).toBeGreaterThan(0);
    expect(result.errorKinds['status 500']).toBeGreaterThan(0);
  });

  it('counts refused connections as errors and still stops on time', async () => {
    const url = await serve(200);
    const server = servers.pop();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    const startedAt = performance.now();
    const result = await runLoad({ url, concurrency: 2, durationMs: 300, warmupMs: 0, requestTimeoutMs: 1_000 });
    expect(result.requests).toBe(0);
    expect(result.errors).toBeGreaterThan(0);
    expect(result.errorKinds.ECONNREFUSED).toBeGreaterThan(0);
    expect(performance.now() - startedAt).toBeLessThan(2_000);
  });
});

describe('percentile', () => {
  it('uses nearest rank, so it returns observed values', () => {
    const sorted = [1, 2, 3, 4, 5];
    expect(percentile(sorted, 50)).toBe(3);
    expect(percentile(sorted, 95)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('parseOptions', () => {
  it('shortens the run for BENCH_QUICK=1 and rejects nonsense numbers', () => {
    expect(parseOptions({ BENCH_QUICK: '1' }, []).load.durationMs).toBe(2_000);
    expect(parseOptions({}, ['--quick']).starts).toBe(2);
    expect(parseOptions({}, []).load).toEqual({ concurrency: 20, durationMs: 5_000, warmupMs: 1_000 });
    expect(() => parseOptions({ BENCH_STARTS: '0' }, [])).toThrow(/BENCH_STARTS/);
  });

  it("selects the client due-list part with BENCH_ONLY=clients, at the acceptance's sizes unless told otherwise", () => {
    const only = parseOptions({ BENCH_ONLY: 'clients' }, []);
    expect(only.parts).toEqual(['clients']);
    expect([only.clients.postgresClients, only.clients.pgliteClients, only.clients.eventsPerClient, only.clients.engines]).toEqual([100_000, 20_000, 10, ['pglite', 'postgres']]);
    expect(parseOptions({}, []).parts).toContain('clients');
    expect(parseOptions({ BENCH_ONLY: 'clients', BENCH_CLIENTS_ENGINES: 'postgres', BENCH_CLIENTS_POSTGRES: '5000' }, []).clients).toMatchObject({ engines: ['postgres'], postgresClients: 5_000 });
    expect(() => parseOptions({ BENCH_CLIENTS_ENGINES: 'mysql' }, [])).toThrow(/BENCH_CLIENTS_ENGINES/);
  });
});

describe('parseStartMs', () => {
  it("reads Silta's listening log line and ignores everything else", () => {
    const log = ['Demo data created', '{"level":30,"startMs":812,"msg":"Silta is listening"}'].join('\n');
    expect(parseStartMs(log)).toBe(812);
    expect(parseStartMs('no "startMs" json here')).toBeNull();
  });
});
