// Runs once before the browser tests. Two things every test file would otherwise pay for again:
// - the server is bundled once, as `npm run build:server` does for `npm start`, so that no file waits
//   for tsx to compile the TypeScript sources at start-up;
// - a real server is started once on a fresh data directory for each demo setting (with and without
//   the made-up history), seeds it, and is stopped cleanly. Each test file then starts its own server
//   on its own copy of that directory, instead of running initdb, the migrations and the demo seed.
// Vitest runs every project's global setup before the first test, and the files of the projects at
// pretended dates after those of the project at the real date (its sequencer orders by project name).
// So only the real date's project seeds before the tests; the others seed in the background while
// the first project's files run, and their files wait for their templates (./seeded.ts).
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleServer } from '../../scripts/server-bundle.mjs';
import type { TestProject } from 'vitest/node';
import { demoPassword, type DemoHistory, type E2eServerSetup, webDir } from './server-setup';
import { repoRoot, runServer } from './server-process';
import { seededFailed, seededOk } from './seeded';

async function bundleOnce(): Promise<string> {
  // Inside node_modules so that the bundle's external packages resolve from the repository's node_modules.
  const cacheDir = path.join(repoRoot, 'node_modules/.cache');
  mkdirSync(cacheDir, { recursive: true });
  const outdir = await mkdtemp(path.join(cacheDir, 'silta-e2e-server-'));
  // The production entry, and the same server on a clock that may pretend another date (SILTA_TEST_NOW).
  await bundleServer(outdir, { main: 'src/server/main.ts', 'main-at-test-time': 'src/server/testing/main-at-test-time.ts' });
  return outdir;
}

// Every project's global setup runs in Vitest's main process, but each project loads this module
// anew (its own module runner): what the projects share is kept on globalThis, not in module variables.
type SharedState = {
  bundled: Promise<string> | null;
  bundleUsers: number;
  seeding: Promise<unknown>;
  /** Settles once the real date's project has seeded (or failed to): the background seeds wait for it. */
  realDateSeeded: Promise<void>;
  realDateDone: () => void;
};
const sharedKey = Symbol.for('silta.e2e.global-setup');
const shared: SharedState = ((globalThis as Record<symbol, SharedState | undefined>)[sharedKey] ??= newSharedState());

function newSharedState(): SharedState {
  let realDateDone = (): void => undefined;
  const realDateSeeded = new Promise<void>((resolve) => (realDateDone = resolve));
  return { bundled: null, bundleUsers: 0, seeding: Promise.resolve(), realDateSeeded, realDateDone };
}

// The projects share one bundle.
async function bundleForTests(): Promise<{ dir: string; release: () => Promise<void> }> {
  shared.bundled ??= bundleOnce();
  shared.bundleUsers += 1;
  const dir = await shared.bundled;
  const release = async (): Promise<void> => {
    shared.bundleUsers -= 1;
    if (shared.bundleUsers === 0) {
      shared.bundled = null;
      await rm(dir, { recursive: true, force: true });
    }
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
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = shared.seeding.then(work, work);
  shared.seeding = turn.catch(() => undefined);
  return turn;
}

/**
 * Seeds both templates, one pair of servers at a time across projects; rejects if either failed.
 * Resolves to a line for the log: how long the pair took once its turn came.
 */
async function seedTemplates(project: string, entry: string, templates: Record<DemoHistory, string>, clockEnv: Record<string, string>): Promise<string> {
  const seeded = await oneAtATime(async () => {
    const started = performance.now();
    // Both at once: each server is one busy thread, and the machine has two cores.
    // allSettled: a failure of one must not leave the other running while its directory is removed.
    const results = await Promise.allSettled([seedDataDir(entry, 'off', templates.off, clockEnv), seedDataDir(entry, 'on', templates.on, clockEnv)]);
    return { results, seconds: (performance.now() - started) / 1000 };
  });
  for (const result of seeded.results) if (result.status === 'rejected') throw result.reason;
  return `${project}: demo templates seeded in ${seeded.seconds.toFixed(0)} s`;
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
  let background: Promise<unknown> = Promise.resolve();
  const teardown = async (): Promise<void> => {
    // A background seed still running (a run that failed early) must end before its directory goes.
    await background;
    await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
    await bundle.release();
  };
  try {
    const templates = {
      off: await mkdtemp(path.join(tmpdir(), 'silta-e2e-template-off-')),
      on: await mkdtemp(path.join(tmpdir(), 'silta-e2e-template-on-')),
    };
    made.push(templates.off, templates.on);
    if (pretended === '') {
      try {
        process.stderr.write(`${await seedTemplates(project.name, entry, templates, clockEnv)}\n`);
      } finally {
        shared.realDateDone();
      }
      project.provide('e2eServer', { entry, templates, seeded: null } satisfies E2eServerSetup);
    } else {
      const seeded = await mkdtemp(path.join(tmpdir(), 'silta-e2e-seeded-'));
      made.push(seeded);
      // Vitest may call this project's setup before the real date's: its files run first and need their
      // templates first, so when it is part of the run the background seeds queue up behind its seed.
      const realDateRuns = project.vitest.projects.some((other) => (other.config.env?.SILTA_TEST_NOW ?? '') === '');
      const turn = realDateRuns ? shared.realDateSeeded : Promise.resolve();
      background = turn.then(() => seedTemplates(project.name, entry, templates, clockEnv)).then(
        (line) => seededOk(seeded, line),
        (error: unknown) => seededFailed(seeded, `${project.name}: seeding the demo templates failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      );
      project.provide('e2eServer', { entry, templates, seeded } satisfies E2eServerSetup);
    }
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
