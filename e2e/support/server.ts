import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every demo account gets this password in the browser tests. */
export const demoPassword = 'e2e-demo-password-2025';

export type RunningServer = {
  baseUrl: string;
  /** The server's own data directory (embedded PGlite under `pglite/`). */
  dataDir: string;
  logs: () => string;
  /** Stops the server and removes its data. */
  stop: () => Promise<void>;
  /** Stops the server but keeps its data, so a test can open the database and look at what was stored. */
  halt: () => Promise<void>;
};

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// SILTA_E2E_WEB_DIR lets parallel work build the app into its own folder instead of sharing dist/web.
const webDir = process.env.SILTA_E2E_WEB_DIR ?? path.join(repoRoot, 'dist/web');
const maxLogChars = 200_000;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logs: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode} before it was ready:\n${logs()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer /api/health within ${timeoutMs} ms:\n${logs()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Starts the real Silta server on a free port with a fresh data directory and the built web app. */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(path.join(webDir, 'index.html'))) {
    throw new Error('dist/web is missing: run `npx vite build` before the browser tests.');
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'silta-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SILTA_DATA_DIR: dataDir,
      SILTA_WEB_DIR: webDir,
      SILTA_DEMO_PASSWORD: demoPassword,
      // The tests set up the data they look at; the made-up history of the demo would only get in the way.
      SILTA_DEMO_HISTORY: process.env.SILTA_DEMO_HISTORY ?? 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-maxLogChars);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const logs = (): string => output;
  const halt = (): Promise<void> => stopChild(child);
  const stop = async (): Promise<void> => {
    await halt();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, logs, 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir, logs, stop, halt };
}
