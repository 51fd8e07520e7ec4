// The chat load shared by the bench (`BENCH_ONLY=chat`) and the assurance soak (assurance/chat-soak.ts):
// Silta processes on one throw-away PostgreSQL database, chats whose visitor is on one process and
// whose worker is on another, a message every `intervalMs` per chat, and every event counted on
// arrival (latency, losses, duplicates). Streams and sends move to a live process when theirs is gone.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { ChatEvent } from '../src/domain/chat/schemas.js';
import { readChatStream, type StreamReader } from '../src/server/testing/chat-stream-client.js';
import { BENCH_PASSWORD, postgresTarget, seedDemoIfEmpty, type EngineTarget } from './encounters-engines.js';
import { freePort, HOST, REPO_ROOT, spawnServer, stopServer, waitForOk, type ServerChild } from './process.js';

export const SERVER_SCRIPT = path.join(REPO_ROOT, 'dist/server/main.js');
const WORKERS = ['demo.nurse', 'demo.socialworker', 'demo.staff', 'demo.coordinator'];

export type ChatCluster = {
  target: EngineTarget;
  servers: (ServerChild | null)[];
  urlOf(index: number): string;
  /** A live process's URL, the preferred one when it is up. */
  liveUrl(preferred: number): string;
  kill(index: number): void;
  restart(index: number): Promise<void>;
  rssMiB(): number[];
  stop(): Promise<void>;
};

export async function startChatCluster(adminUrl: string, count: number, env: Record<string, string> = {}): Promise<ChatCluster> {
  if (!fs.existsSync(SERVER_SCRIPT)) throw new Error(`${SERVER_SCRIPT} is missing: npm run build:server first`);
  const target = await postgresTarget(adminUrl);
  const ports: number[] = [];
  const servers: (ServerChild | null)[] = [];
  const spawnAt = async (index: number) => {
    const server = spawnServer(SERVER_SCRIPT, ports[index]!, { ...target.serverEnv, SILTA_MAX_CHAT_STREAMS: '2000', ...env });
    await waitForOk(server, '/api/health', 120_000);
    // Only a process that answers is offered to the streams and sends (liveUrl).
    servers[index] = server;
  };
  for (let i = 0; i < count; i++) {
    ports.push(await freePort());
    await spawnAt(i);
    // The first process migrated the database: the demo accounts go in before the others start.
    if (i === 0) await seedDemoIfEmpty(target);
  }
  const urlOf = (index: number) => `http://${HOST}:${ports[index]}`;
  return {
    target,
    servers,
    urlOf,
    liveUrl(preferred) {
      for (let k = 0; k < count; k++) {
        const index = (preferred + k) % count;
        if (servers[index]) return urlOf(index);
      }
      return urlOf(preferred);
    },
    kill(index) {
      servers[index]?.child.kill('SIGKILL');
      servers[index] = null;
    },
    restart: (index) => spawnAt(index),
    rssMiB: () => servers.map((s) => {
      if (!s?.child.pid) return 0;
      try {
        const line = fs.readFileSync(`/proc/${s.child.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
        return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : 0;
      } catch {
        return 0;
      }
    }),
    async stop() {
      for (const server of servers) if (server) await stopServer(server);
      await target.dispose();
    },
  };
}

type Staff = { cookie: string; csrf: string; userId: string };

async function signIn(url: string, username: string): Promise<Staff> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: BENCH_PASSWORD }) });
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  const cookie = /silta_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  const body = (await response.json()) as { csrfToken: string; user: { id: string } };
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `silta_session=${cookie}`, csrf: body.csrfToken, userId: body.user.id };
}

async function call(url: string, method: string, pathname: string, staff: Staff | null, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (staff) Object.assign(headers, { cookie: staff.cookie, 'x-csrf-token': staff.csrf });
  return fetch(`${url}${pathname}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

export type ChatLoadOptions = { chats: number; intervalMs: number; durationMs: number; drainMs: number; log: (line: string) => void; during?: (elapsedMs: number) => Promise<void> | void };
export type ChatLoadResult = {
  chats: number;
  sent: number;
  acknowledged: number;
  failedSends: number;
  /** Why sends failed: HTTP status, or 'network' when no answer came (a process killed). */
  failures: Record<string, number>;
  delivered: number;
  lost: number;
  duplicates: number;
  reconnects: number;
  latenciesMs: number[];
};

type Side = { reader: StreamReader; seen: Set<number> };

/** Sets up the chats (visitor on process i, worker on the next), runs the message load and counts what arrived. */
export async function runChatLoad(cluster: ChatCluster, count: number, options: ChatLoadOptions): Promise<ChatLoadResult> {
  const coordinator = await signIn(cluster.urlOf(0), 'demo.coordinator');
  const staff = await Promise.all(WORKERS.map((name, i) => signIn(cluster.urlOf(i % count), name)));
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '24:00' }));
  const settings = await call(cluster.urlOf(0), 'PUT', '/api/chat/settings', coordinator, { weeklyHours: allDay, readyAnswers: [], rota: staff.map((s) => s.userId) });
  if (!settings.ok) throw new Error(`chat settings: ${settings.status} ${await settings.text()}`);
  for (const [i, s] of staff.entries()) await call(cluster.urlOf(i % count), 'POST', '/api/chat/presence', s, { isOnline: true });

  const sentAt = new Map<string, number>();
  const acknowledged = new Set<string>();
  const delivered = new Set<string>();
  const latenciesMs: number[] = [];
  let duplicates = 0;
  let sent = 0;
  let failedSends = 0;
  const failures: Record<string, number> = {};
  const fail = (why: string) => {
    failedSends += 1;
    failures[why] = (failures[why] ?? 0) + 1;
  };
  const sides: Side[] = [];
  const onEvent = (side: Side) => (event: ChatEvent) => {
    if (side.seen.has(event.seq)) duplicates += 1;
    side.seen.add(event.seq);
    if (event.kind !== 'visitor' && event.kind !== 'worker') return;
    const marker = event.body;
    const t0 = sentAt.get(marker);
    // Each message is counted at the other side's stream: the visitor's at the worker's and back.
    const isOtherSide = (side as Side & { role?: string }).role !== event.kind;
    if (t0 !== undefined && isOtherSide && !delivered.has(marker)) {
      delivered.add(marker);
      latenciesMs.push(performance.now() - t0);
    }
  };
  const chats: { token: string; chatId: string; visitorAt: number; workerAt: number; worker: Staff }[] = [];
  for (let i = 0; i < options.chats; i++) {
    const visitorAt = i % count;
    const workerAt = (i + 1) % count;
    const started = await call(cluster.urlOf(visitorAt), 'POST', `/api/public/chat/regions/${await regionOf(cluster, coordinator)}/chats`, null, {});
    if (started.status !== 201) throw new Error(`start chat ${i}: ${started.status} ${await started.text()}`);
    const { token, chatId } = (await started.json()) as { token: string; chatId: string };
    const worker = staff[i % staff.length]!;
    const accepted = await call(cluster.urlOf(workerAt), 'POST', `/api/chat/chats/${chatId}/accept`, worker);
    if (!accepted.ok) throw new Error(`accept chat ${i}: ${accepted.status}`);
    chats.push({ token, chatId, visitorAt, workerAt, worker });
    const visitorSide = { seen: new Set<number>(), role: 'visitor' } as Side & { role: string };
    visitorSide.reader = readChatStream({ url: () => `${cluster.liveUrl(visitorAt)}/api/public/chat/visits/${token}/stream`, onEvent: onEvent(visitorSide), retryMs: 300 });
    const workerSide = { seen: new Set<number>(), role: 'worker' } as Side & { role: string };
    workerSide.reader = readChatStream({ url: () => `${cluster.liveUrl(workerAt)}/api/chat/chats/${chatId}/stream`, headers: { cookie: worker.cookie }, onEvent: onEvent(workerSide), retryMs: 300 });
    sides.push(visitorSide, workerSide);
  }
  options.log(`${options.chats} chats started across ${count} processes; ${options.chats * 2} streams open`);

  // Each chat sends every intervalMs, visitor and worker in turn, from a random offset.
  const started = performance.now();
  let stopping = false;
  const senders = chats.map(async (chat, i) => {
    await sleep(Math.random() * options.intervalMs);
    for (let n = 0; !stopping; n++) {
      const isVisitor = n % 2 === 0;
      const marker = `m:${i}:${n}`;
      sentAt.set(marker, performance.now());
      sent += 1;
      try {
        const response = isVisitor
          ? await call(cluster.liveUrl(chat.visitorAt), 'POST', `/api/public/chat/visits/${chat.token}/messages`, null, { body: marker })
          : await call(cluster.liveUrl(chat.workerAt), 'POST', `/api/chat/chats/${chat.chatId}/messages`, chat.worker, { body: marker });
        if (response.status === 201) acknowledged.add(marker);
        else fail(String(response.status));
        await response.body?.cancel();
      } catch {
        fail('network');
      }
      const next = started + (n + 1) * options.intervalMs + (i * options.intervalMs) / chats.length;
      await sleep(Math.max(0, next - performance.now()));
    }
  });
  const tick = setInterval(() => void options.during?.(performance.now() - started), 1000);
  await sleep(options.durationMs);
  stopping = true;
  clearInterval(tick);
  await Promise.all(senders);
  // What was acknowledged must still arrive (after a reconnect, from the table by seq).
  const drainUntil = performance.now() + options.drainMs;
  while (performance.now() < drainUntil && [...acknowledged].some((m) => !delivered.has(m))) await sleep(200);
  const reconnects = sides.reduce((n, s) => n + s.reader.reconnects, 0);
  for (const side of sides) side.reader.close();
  return {
    chats: options.chats,
    sent,
    acknowledged: acknowledged.size,
    failedSends,
    failures,
    delivered: delivered.size,
    lost: [...acknowledged].filter((m) => !delivered.has(m)).length,
    duplicates,
    reconnects,
    latenciesMs,
  };
}

let regionId: string | null = null;
async function regionOf(cluster: ChatCluster, coordinator: Staff): Promise<string> {
  if (regionId) return regionId;
  const me = (await (await call(cluster.urlOf(0), 'GET', '/api/auth/me', coordinator)).json()) as { user: { regionId: string } };
  regionId = me.user.regionId;
  return regionId;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The bare round trip the chat's delivery is compared with: NOTIFY on one connection, heard on another. */
export async function measureBareNotify(databaseUrl: string, ratePerSecond: number, durationMs: number): Promise<number[]> {
  const listener = new pg.Client({ connectionString: databaseUrl });
  const sender = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([listener.connect(), sender.connect()]);
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  listener.on('notification', (message) => {
    const t0 = sentAt.get(message.payload ?? '');
    if (t0 !== undefined) samples.push(performance.now() - t0);
  });
  await listener.query('listen bench_round_trip');
  const started = performance.now();
  for (let n = 0; performance.now() - started < durationMs; n++) {
    const id = String(n);
    sentAt.set(id, performance.now());
    await sender.query('select pg_notify($1, $2)', ['bench_round_trip', id]);
    await sleep(Math.max(0, started + ((n + 1) * 1000) / ratePerSecond - performance.now()));
  }
  await sleep(500);
  await Promise.all([listener.end(), sender.end()]);
  return samples;
}
