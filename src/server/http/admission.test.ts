import Fastify from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors.js';
import { BUSY_RETRY_AFTER_SECONDS, createAdmissionGate, MAX_RETRY_AFTER_SECONDS, registerAdmission } from './admission.js';
import { registerErrorHandler } from './error-handler.js';

afterEach(() => void vi.useRealTimers());

const isBusy = (error: unknown) => error instanceof AppError && error.code === 'busy' && error.status === 503;

describe('admission gate', () => {
  it('admits up to its concurrency, lines up the rest, and passes a freed slot to the first in line', async () => {
    const gate = createAdmissionGate({ concurrency: 2, maxWaitMs: 1000, maxQueue: 10 });
    const first = await gate.enter();
    await gate.enter();
    const order: string[] = [];
    const third = gate.enter().then((release) => (order.push('third'), release));
    const fourth = gate.enter().then((release) => (order.push('fourth'), release));
    expect([gate.active, gate.waiting]).toEqual([2, 2]);
    first();
    first(); // a second release of the same slot gives nothing back
    await third;
    expect(order).toEqual(['third']);
    expect([gate.active, gate.waiting]).toEqual([2, 1]);
    (await third)();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
    expect([gate.active, gate.waiting]).toEqual([2, 0]);
  });

  it('answers busy to a request that waited its bound, while the slots are still held, and forgets it', async () => {
    vi.useFakeTimers();
    const gate = createAdmissionGate({ concurrency: 1, maxWaitMs: 3000, maxQueue: 10 });
    const held = await gate.enter();
    const waiting = gate.enter();
    const outcome = waiting.then(() => 'admitted', (error: unknown) => (isBusy(error) ? 'busy' : 'other'));
    await vi.advanceTimersByTimeAsync(2999);
    expect(gate.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe('busy');
    expect(gate.waiting).toBe(0);
    // The slot it never got is not given back on its behalf: the held one is still the only one.
    held();
    await vi.advanceTimersByTimeAsync(0);
    expect(gate.active).toBe(0);
  });

  it('answers busy, when a slot frees, to whoever waited past the bound even if its timer has not fired yet (a busy event loop)', async () => {
    let clock = 0;
    const gate = createAdmissionGate({ concurrency: 1, maxWaitMs: 3000, maxQueue: 10 }, () => clock);
    const held = await gate.enter();
    const stale = gate.enter().then(() => 'admitted', (error: unknown) => (isBusy(error) ? 'busy' : 'other'));
    clock = 2500;
    const fresh = gate.enter();
    clock = 3000; // the first waited its 3 s; its timer has not fired (real timers, 3 s away)
    held();
    expect(await stale).toBe('busy');
    // The next within its bound got the slot, and gives it back.
    (await fresh)();
    await new Promise((resolve) => setImmediate(resolve));
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  it('refuses at once, with a longer Retry-After, a request the line would not serve within the bound at the recent pace', async () => {
    let clock = 0;
    const gate = createAdmissionGate({ concurrency: 1, maxWaitMs: 1000, maxQueue: 100 }, () => clock);
    // One request held its slot 800 ms: the pace the line is judged by.
    const first = await gate.enter();
    clock = 800;
    first();
    await new Promise((resolve) => setImmediate(resolve));
    const held = await gate.enter();
    // One in line would start after about 800 ms: it may wait.
    const waiting = gate.enter().then(() => 'admitted', (error: unknown) => (isBusy(error) ? 'busy' : 'other'));
    expect(gate.waiting).toBe(1);
    // A second would wait about 1,600 ms, past the bound: refused now, not after a second in line.
    const refused = await gate.enter().then(() => null, (error: unknown) => error);
    expect(refused).toSatisfy(isBusy);
    expect(gate.waiting).toBe(1);
    // Asked to come back once the line ahead would have gone (1.6 s → 2 s) and the usual 2 s after.
    expect((refused as AppError).retryAfterSeconds).toBe(4);
    held();
    expect(await waiting).toBe('admitted');
  });

  it('asks for at most MAX_RETRY_AFTER_SECONDS however long the slots were held', async () => {
    let clock = 0;
    const gate = createAdmissionGate({ concurrency: 1, maxWaitMs: 100, maxQueue: 100 }, () => clock);
    const first = await gate.enter();
    clock = 60_000; // a minute's hold (a stalled commit)
    first();
    await new Promise((resolve) => setImmediate(resolve));
    await gate.enter();
    const refused = await gate.enter().then(() => null, (error: unknown) => error);
    expect((refused as AppError).retryAfterSeconds).toBe(MAX_RETRY_AFTER_SECONDS);
  });

  it('answers busy at once when the line is full', async () => {
    const gate = createAdmissionGate({ concurrency: 1, maxWaitMs: 60_000, maxQueue: 1 });
    await gate.enter();
    void gate.enter().catch(() => undefined);
    await expect(gate.enter()).rejects.toSatisfy(isBusy);
    expect(gate.waiting).toBe(1);
  });
});

describe('admission over HTTP', () => {
  async function appWithHeldRoute() {
    // Idle keep-alive connections closed at once, so that closing the app does not wait for them.
    const app = Fastify({ forceCloseConnections: true });
    registerErrorHandler(app);
    registerAdmission(app, createAdmissionGate({ concurrency: 1, maxWaitMs: 50, maxQueue: 10 }));
    let releaseHeld = () => undefined as void;
    let markEntered = () => undefined as void;
    const held = new Promise<void>((resolve) => (releaseHeld = resolve));
    const entered = new Promise<void>((resolve) => (markEntered = resolve));
    app.get('/api/held', async () => {
      markEntered();
      await held;
      return { done: true };
    });
    app.get('/api/quick', (_request, reply) => reply.send({ done: true }));
    app.get('/api/health', (_request, reply) => reply.send({ status: 'ok' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    return { app, base, releaseHeld, entered };
  }

  it('a request that waits past the bound gets 503 busy with Retry-After before the slow one ends; the health check never waits', async () => {
    const { app, base, releaseHeld, entered } = await appWithHeldRoute();
    try {
      const slow = fetch(`${base}/api/held`);
      await entered;
      // The slow request holds the only slot until we let it go, so this answer cannot be its end.
      const shed = await fetch(`${base}/api/quick`);
      expect(shed.status).toBe(503);
      expect(shed.headers.get('retry-after')).toBe(String(BUSY_RETRY_AFTER_SECONDS));
      expect(((await shed.json()) as { error: { code: string } }).error.code).toBe('busy');
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
      releaseHeld();
      expect((await slow).status).toBe(200);
      // The slot came back with the answer: the next request is admitted.
      expect((await fetch(`${base}/api/quick`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('writes held up together leave slots for reads: a write beyond the write limit is shed while a read is admitted', async () => {
    const app = Fastify({ forceCloseConnections: true });
    registerErrorHandler(app);
    registerAdmission(app, createAdmissionGate({ concurrency: 3, maxWaitMs: 50, maxQueue: 10 }), createAdmissionGate({ concurrency: 1, maxWaitMs: 50, maxQueue: 10 }));
    let releaseHeld = () => undefined as void;
    let markEntered = () => undefined as void;
    const held = new Promise<void>((resolve) => (releaseHeld = resolve));
    const entered = new Promise<void>((resolve) => (markEntered = resolve));
    app.post('/api/stalled-write', async () => {
      markEntered();
      await held;
      return { done: true };
    });
    app.post('/api/write', (_request, reply) => reply.send({ done: true }));
    app.get('/api/read', (_request, reply) => reply.send({ done: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      const stalled = fetch(`${base}/api/stalled-write`, { method: 'POST' });
      await entered;
      expect((await fetch(`${base}/api/write`, { method: 'POST' })).status).toBe(503);
      expect((await fetch(`${base}/api/read`)).status).toBe(200);
      releaseHeld();
      expect((await stalled).status).toBe(200);
      // Both of the stalled write's slots came back: the next write is admitted.
      await vi.waitFor(async () => expect((await fetch(`${base}/api/write`, { method: 'POST' })).status).toBe(200));
    } finally {
      await app.close();
    }
  });

  it('a client that hangs up gives its slot back', async () => {
    const { app, base, releaseHeld, entered } = await appWithHeldRoute();
    try {
      const controller = new AbortController();
      const slow = fetch(`${base}/api/held`, { signal: controller.signal }).catch(() => 'aborted');
      await entered;
      expect((await fetch(`${base}/api/quick`)).status).toBe(503);
      controller.abort();
      expect(await slow).toBe('aborted');
      await vi.waitFor(async () => expect((await fetch(`${base}/api/quick`)).status).toBe(200));
      releaseHeld();
    } finally {
      await app.close();
    }
  });
});
