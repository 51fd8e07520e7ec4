// Child-process plumbing for the bench: free ports, spawning servers, waiting for their first 200,
// stopping them, and a last-resort cleanup so no server or temp dir outlives the bench.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HOST = '127.0.0.1';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const liveChildren = new Set<ChildProcess>();
const tempDirs = new Set<string>();
const asyncCleanups = new Set<() => Promise<void>>();

/**
 * Clean-up that needs I/O (dropping a PostgreSQL database): run by runAsyncCleanups() on Ctrl-C and by
 * the watchdog, since process 'exit' cannot wait for it. Returns a function that unregisters it.
 */
export function onAsyncCleanup(cleanup: () => Promise<void>): () => void {
  asyncCleanups.add(cleanup);
  return () => asyncCleanups.delete(cleanup);
}

/** Runs every registered async clean-up, each failure ignored, all bounded by `timeoutMs`. */
export async function runAsyncCleanups(timeoutMs = 5_000): Promise<void> {
  const all = [...asyncCleanups].map((cleanup) => cleanup().catch(() => undefined));
  asyncCleanups.clear();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(all), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}

/** Registers a temp dir for removal by cleanupAll(), also on a crash or Ctrl-C. */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), prefix));
  tempDirs.add(dir);
  return dir;
}

/**
 * Synchronous on purpose: it runs from process 'exit', where async work never completes.
 * SIGKILL, not SIGTERM, because at this point nobody is left to wait for a graceful stop.
 */
export function cleanupAll(): void {
  for (const child of liveChildren) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  liveChildren.clear();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** Asks the OS for a free port. A tiny race with other programs remains; the bench then fails loudly. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

export type ServerChild = {
  child: ChildProcess;
  port: number;
  /** performance.now() just before spawn(): the zero point of "time to first 200". */
  spawnedAt: number;
  /** Everything the child printed, capped, for diagnostics and for spotting warnings under load. */
  output: () => string;
};

const OUTPUT_CAP = 64 * 1024;

/**
 * Spawns the script directly with node (not via npx), so the measured process is the server itself:
 * built JavaScript as `npm start` runs it, TypeScript through tsx.
 */
export function spawnServer(script: string, port: number, extraEnv: Record<string, string>, logFile?: string): ServerChild {
  let output = '';
  // The whole output, uncapped, when the caller keeps a log (the soak: its errors are read afterwards).
  const log = logFile === undefined ? null : fs.createWriteStream(logFile, { flags: 'a' });
  const append = (chunk: Buffer) => {
    log?.write(chunk);
    output += chunk.toString('utf8');
    if (output.length > OUTPUT_CAP) output = output.slice(-OUTPUT_CAP);
  };
  const env = { ...process.env, ...extraEnv, PORT: String(port), HOST };
  const spawnedAt = performance.now();
  const args = script.endsWith('.js') ? [script] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  liveChildren.add(child);
  child.on('exit', () => liveChildren.delete(child));
  // 'close' comes after the child's output has all been read.
  child.on('close', () => log?.end());
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return { child, port, spawnedAt, output: () => output };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Single GET with its own connection (agent: false), so a start-time probe never reuses a socket. */
function probe(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/**
 * Polls GET `pathname` every `intervalMs` until it answers 200, and returns ms since spawn.
 * Fails fast when the child exits (a crash should not look like a slow start) and after `timeoutMs`.
 */
export async function waitForOk(server: ServerChild, pathname: string, timeoutMs: number, intervalMs = 20): Promise<number> {
  const url = `http://${HOST}:${server.port}${pathname}`;
  const deadline = server.spawnedAt + timeoutMs;
  while (performance.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`server exited (code ${server.child.exitCode}, signal ${server.child.signalCode}) before answering 200:\n${server.output().slice(-2000)}`);
    }
    const status = await probe(url, Math.max(50, Math.min(1_000, deadline - performance.now())));
    if (status === 200) return performance.now() - server.spawnedAt;
    await sleep(intervalMs);
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms:\n${server.output().slice(-2000)}`);
}

/** SIGTERM, then SIGKILL after `graceMs`. Resolves with the ms the graceful stop took (or null if killed). */
export async function stopServer(server: ServerChild, graceMs = 10_000): Promise<number | null> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return 0;
  const startedAt = performance.now();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const outcome = await Promise.race([exited.then(() => 'exited' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'exited') return performance.now() - startedAt;
  child.kill('SIGKILL');
  await exited;
  return null;
}

/** Convenience: spawn, wait for the first 200, and stop the child again if it never gets there. */
export async function startAndWait(script: string, extraEnv: Record<string, string>, timeoutMs: number, pathname = '/api/health'): Promise<{ server: ServerChild; readyMs: number }> {
  const server = spawnServer(script, await freePort(), extraEnv);
  try {
    const readyMs = await waitForOk(server, pathname, timeoutMs);
    return { server, readyMs };
  } catch (error) {
    await stopServer(server, 2_000);
    throw error;
  }
}
