import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { runServer } from './server-process';
import { waitForSeeded } from './seeded';
import { demoPassword, type DemoHistory, webDir } from './server-setup';

export { demoPassword } from './server-setup';

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

/** What a test file may add to its server: settings, the data before the start, the port. */
export type ServerOptions = {
  /** More environment for the server (e.g. the OpenID Connect provider's settings). */
  env?: Record<string, string>;
  /**
   * The browser tests' own entry (main-at-test-time.js) rather than the production one: needed for
   * test-only settings the production start refuses (SILTA_OIDC_TEST_ALLOW_HTTP_ISSUER).
   */
  isTestEntry?: boolean;
  /** Runs on the copied data directory before the server starts. */
  prepare?: (dataDir: string) => Promise<void>;
  port?: number;
};

/**
 * Starts the real Silta server on a free port with the built web app and a data directory of its own:
 * a copy of the one the global setup seeded (demo accounts, and the made-up history when
 * SILTA_DEMO_HISTORY is `on`), so nothing a file writes is seen by another.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { entry, templates, seeded } = inject('e2eServer');
  if (seeded !== null) await waitForSeeded(seeded);
  // The tests set up the data they look at; the made-up history of the demo would only get in the way.
  const history: DemoHistory = (process.env.SILTA_DEMO_HISTORY ?? 'off') === 'off' ? 'off' : 'on';
  const dataDir = await mkdtemp(path.join(tmpdir(), 'silta-e2e-'));
  const removeData = () => rm(dataDir, { recursive: true, force: true });
  try {
    await cp(templates[history], dataDir, { recursive: true });
    await options.prepare?.(dataDir);
    // Both entries are bundled side by side by the global setup.
    const chosen = options.isTestEntry ? path.join(path.dirname(entry), 'main-at-test-time.js') : entry;
    const server = await runServer(chosen, {
      SILTA_DATA_DIR: dataDir,
      SILTA_WEB_DIR: webDir,
      SILTA_DEMO_PASSWORD: demoPassword,
      SILTA_DEMO_HISTORY: history,
      ...options.env,
    }, undefined, options.port);
    const stop = async (): Promise<void> => {
      await server.halt();
      await removeData();
    };
    return { baseUrl: server.baseUrl, dataDir, logs: server.logs, stop, halt: server.halt };
  } catch (error) {
    await removeData();
    throw error;
  }
}
