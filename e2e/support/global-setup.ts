// Runs once before the browser tests. Two things every test file would otherwise pay for again:
// - the server is bundled once, as `npm run build:server` does for `npm start`, so that no file waits
//   for tsx to compile the TypeScript sources at start-up;
// - a real server is started once on a fresh data directory for each demo setting (with and without
//   the made-up history), seeds it, and is stopped cleanly. Each test file then starts its own server
//   on its own copy of that directory, instead of running initdb, the migrations and the demo seed.
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleServer } from '../../scripts/server-bundle.mjs';
import type { TestProject } from 'vitest/node';
import { demoPassword, type DemoHistory, type E2eServerSetup, webDir } from './server-setup';
import { repoRoot, runServer } from './server-process';

async function bundleOnce(): Promise<string> {
  // Inside node_modules so that the bundle's external packages resolve from the repository's node_modules.
  const cacheDir = path.join(repoRoot, 'node_modules/.cache');
  mkdirSync(cacheDir, { recursive: true });
  const outdir = await mkdtemp(path.join(cacheDir, 'silta-e2e-server-'));
  // The production entry, and the same server on a clock that may pretend another date (SILTA_TEST_NOW).
  await bundleServer(outdir, { main: 'src/server/main.ts', 'main-at-test-time': 'src/server/testing/main-at-test-time.ts' });
  return outdir;
}

// Every project's global setup runs in Vitest's main process: the projects share one bundle.
let bundled: Promise<string> | null = null;
let bundleUsers = 0;
async function bundleForTests(): Promise<{ dir: string; release: () => Promise<void> }> {
  bundled ??= bundleOnce();
  bundleUsers += 1;
  const dir = await bundled;
  const release = async (): Promise<void> => {
    bundleUsers -= 1;
    if (bundleUsers === 0) await rm(dir, { recursive: true, force: true });
  };
  return { dir, release };
}

// The demo history is written before the server listens: minutes on a busy machine.
const seedWithinMs = 600_000;

async function seedDataDir(entry: string, history: DemoHistory, dataDir: string, clockEnv: Record<string, string>): Promise<void> {
  const server = await runServer(entry, {
    ...clockEnv,
    SILTA_DATA_DIR: dataDir,
    SILTA_WEB_DIR: webDir,
    SILTA_DEMO_PASSWORD: demoPassword,
    SILTA_DEMO_HISTORY: history,
  }, seedWithinMs);
  await server.halt();
  if (!existsSync(path.join(dataDir, 'pglite'))) throw new Error(`The template server left no database in ${dataDir}:\n${server.logs()}`);
}

// Projects seed one after another: two servers at once already fill the machine's two cores.
let seeding: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = seeding.then(work, work);
  seeding = turn.catch(() => undefined);
  return turn;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(path.join(webDir, 'index.html'))) {
    throw new Error(`${webDir} is missing: run \`npx vite build\` before the browser tests.`);
  }
  const bundle = await bundleForTests();
  const bundleDir = bundle.dir;
  // At a pretended date the demo history is seeded relative to that date too.
  const pretended = project.config.env?.SILTA_TEST_NOW ?? '';
  const entry = path.join(bundleDir, pretended === '' ? 'main.js' : 'main-at-test-time.js');
  const clockEnv = { SILTA_TEST_NOW: pretended, SILTA_TEST_NOW_ANCHOR: project.config.env?.SILTA_TEST_NOW_ANCHOR ?? '' };
  const made: string[] = [];
  const teardown = async (): Promise<void> => {
    await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
    await bundle.release();
  };
  try {
    const off = await mkdtemp(path.join(tmpdir(), 'silta-e2e-template-off-'));
    made.push(off);
    const on = await mkdtemp(path.join(tmpdir(), 'silta-e2e-template-on-'));
    made.push(on);
    // Both at once: each server is one busy thread, and the machine has two cores.
    // allSettled: a failure of one must not leave the other running while its directory is removed.
    const seeded = await oneAtATime(() => Promise.allSettled([seedDataDir(entry, 'off', off, clockEnv), seedDataDir(entry, 'on', on, clockEnv)]));
    for (const result of seeded) if (result.status === 'rejected') throw result.reason;
    const value: E2eServerSetup = { entry, templates: { off, on } };
    project.provide('e2eServer', value);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
