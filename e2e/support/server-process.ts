import { type ChildProcess, spawn } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

// Used both by the global setup (in Vitest's main process) and by the test files, so it must not
// import anything from 'vitest'.

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const maxLogChars = 200_000;

/** A Silta server process started by the browser tests. */
export type ServerProcess = {
  baseUrl: string;
  logs: () => string;
  /** Stops the process (SIGTERM, so it closes its database cleanly; SIGKILL after 10 s). */
  halt: () => Promise<void>;
};

export async function freePort(): Promise<number> {
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
    await new Promise((resolve) => setTimeout(resolve, 50));
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

/**
 * Runs `node <entry>` (the bundled server, as `npm start` runs it) on a free port (or the one given,
 * when something must know the address before the server starts) with the given environment, and
 * resolves once /api/health answers.
 */
export async function runServer(entry: string, env: Record<string, string>, readyWithinMs = 90_000, givenPort?: number): Promise<ServerProcess> {
  const port = givenPort ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-maxLogChars);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const logs = (): string => output;
  const halt = (): Promise<void> => stopChild(child);
  try {
    await waitForHealth(baseUrl, child, logs, readyWithinMs);
  } catch (error) {
    await halt();
    throw error;
  }
  return { baseUrl, logs, halt };
}
