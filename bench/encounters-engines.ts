// The two database engines the encounter bench runs on: an embedded PGlite data dir, and a fresh
// PostgreSQL database created for the run and dropped after it. The bundled server migrates both on
// its first start; the embedded one also seeds the demo region itself (accounts with the known
// SILTA_DEMO_PASSWORD), PostgreSQL gets the same seed from this process (seedDemoIfEmpty).
import pg from 'pg';
import { loadConfig } from '../src/server/config.js';
import { connectDatabase } from '../src/server/db/connect.js';
import { hasAnyUser, seedDemo } from '../src/server/demo/seed-demo.js';
import type { Deps } from '../src/server/deps.js';
import { createDeps } from '../src/server/start.js';
import { makeTempDir, onAsyncCleanup } from './process.js';

export type EngineName = 'pglite' | 'postgres';

export const BENCH_PASSWORD = 'bench-password-123';

export type EngineTarget = {
  engine: EngineName;
  /** Where the data is, for the report (never a password: the bench's URLs have none). */
  where: string;
  /** The server's environment for this engine. */
  serverEnv: Record<string, string>;
  /**
   * Opens the database in this process, without migrating: the server did that, with the migrations it
   * was built with (another engineer's edit to src/ during the run must not make the two disagree).
   * PGlite allows one process at a time: stop the server first.
   */
  open(): Promise<Deps>;
  dispose(): Promise<void>;
};

function targetOf(engine: EngineName, where: string, serverEnv: Record<string, string>, dispose: () => Promise<void>): EngineTarget {
  // Settings from the caller's shell must not leak in: the engine is decided here alone.
  const env = { ...process.env, ...serverEnv };
  return {
    engine,
    where,
    serverEnv,
    open: async () => {
      const config = loadConfig(env);
      const db = config.databaseUrl ? await connectDatabase({ engine: 'postgres', url: config.databaseUrl }) : await connectDatabase({ engine: 'pglite', dataDir: config.dataDir });
      return createDeps(config, db);
    },
    dispose,
  };
}

export function pgliteTarget(): EngineTarget {
  const dataDir = makeTempDir('silta-bench-encounters-');
  return targetOf('pglite', 'PGlite data dir (temporary)', { SILTA_DATA_DIR: dataDir, DATABASE_URL: '', SILTA_DEMO_PASSWORD: BENCH_PASSWORD, LOG_LEVEL: 'warn' }, () => Promise.resolve());
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Creates `silta_bench_<time>_<pid>` on the server of `adminUrl` (a database to connect to for
 * CREATE/DROP DATABASE, e.g. postgres://postgres@127.0.0.1:5432/postgres). Dropped by dispose(), and
 * on Ctrl-C or the watchdog through the async clean-up.
 */
export async function postgresTarget(adminUrl: string): Promise<EngineTarget> {
  const name = `silta_bench_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    await admin.query(`create database ${quoteIdent(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let isDropped = false;
  const drop = async () => {
    if (isDropped) return;
    isDropped = true;
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      // FORCE: a server child that is still shutting down must not keep the database alive.
      await client.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    } finally {
      await client.end();
    }
  };
  const unregister = onAsyncCleanup(drop);
  return targetOf('postgres', `PostgreSQL database ${name} on ${url.host} (created and dropped by the run)`, { DATABASE_URL: url.toString(), SILTA_DEMO_PASSWORD: BENCH_PASSWORD, LOG_LEVEL: 'warn' }, async () => {
    unregister();
    await drop();
  });
}

/** Seeds the demo region on a migrated database without users, as a fresh embedded start does (PostgreSQL never seeds itself). */
export async function seedDemoIfEmpty(target: EngineTarget): Promise<void> {
  const deps = await target.open();
  try {
    if (!(await hasAnyUser(deps))) await seedDemo(deps);
  } finally {
    await deps.db.close();
  }
}

export type EngineRun<R> = { engine: EngineName; result: R | null; skipped: string | null };

/**
 * Runs a measurement on each asked engine at its size, each on a fresh database disposed afterwards;
 * PostgreSQL is skipped (with the reason) when turned off or unreachable, as a bench without it still says something.
 */
export async function measureOnEngines<R>(
  options: { engines: readonly EngineName[]; postgresUrl: string | null },
  sizes: Record<EngineName, number>,
  label: string,
  log: (line: string) => void,
  measure: (target: EngineTarget, size: number) => Promise<R>,
): Promise<EngineRun<R>[]> {
  const run = async (target: EngineTarget, size: number): Promise<R> => {
    try {
      return await measure(target, size);
    } finally {
      await target.dispose();
    }
  };
  const engines: EngineRun<R>[] = [];
  if (options.engines.includes('pglite')) engines.push({ engine: 'pglite', result: await run(pgliteTarget(), sizes.pglite), skipped: null });
  if (!options.engines.includes('postgres')) return engines;
  if (options.postgresUrl === null) {
    engines.push({ engine: 'postgres', result: null, skipped: 'BENCH_POSTGRES_URL=off' });
    return engines;
  }
  let target: EngineTarget;
  try {
    target = await postgresTarget(options.postgresUrl);
  } catch (error) {
    const reason = `PostgreSQL not reachable for CREATE DATABASE: ${error instanceof Error ? error.message : String(error)}`;
    log(`${label}/postgres: skipped (${reason})`);
    engines.push({ engine: 'postgres', result: null, skipped: reason });
    return engines;
  }
  engines.push({ engine: 'postgres', result: await run(target, sizes.postgres), skipped: null });
  return engines;
}
