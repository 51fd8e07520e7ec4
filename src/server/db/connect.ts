import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import { schema, type Schema } from './schema.js';
import { lockDataDir } from './data-dir-lock.js';
import { describeConnectionError } from './connection-errors.js';
import type { PgliteAssets } from './pglite-assets.js';
import { listenPglite, listenPostgres, type ListenHandlers, type Listener } from './listen.js';

export type Engine = 'pglite' | 'postgres';
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a repository can run queries on: the database or an open transaction. */
export type Executor = Db | Tx;

/** A single connection used for work that must not interleave (migrations, advisory locks). */
export type RawSession = {
  exec(sqlText: string): Promise<void>;
  query<T>(sqlText: string, params?: unknown[]): Promise<T[]>;
};

export type Database = {
  engine: Engine;
  orm: Db;
  ping(): Promise<void>;
  withRawSession<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * LISTENs on a channel on a connection of its own (PostgreSQL: never a pooled one; PGlite: its own
   * listen support). Used by the chat's fan-out between processes (src/server/chat/bus.ts).
   */
  listen(channel: string, handlers: ListenHandlers): Promise<Listener>;
  /** The pool's connections (PostgreSQL only): for the load sample an operator or the soak reads in the log. */
  poolStats?: () => { total: number; idle: number; waiting: number };
};

export type ConnectOptions =
  | {
      engine: 'pglite';
      /** undefined = in memory (tests) */ dataDir?: string;
      /** start from a dump (tests) */ loadDataDir?: Blob;
      /** the engine's files, read early by preloadPgliteAssets(); PGlite reads them itself otherwise */
      assets?: Promise<PgliteAssets | undefined>;
    }
  | { engine: 'postgres'; url: string; poolSize?: number };

// Tests and the backup command need the underlying PGlite (to dump its data directory).
const pgliteClients = new WeakMap<object, PGlite>();
export const pgliteOf = (db: Database): PGlite | undefined => pgliteClients.get(db.orm);

export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  return options.engine === 'pglite' ? connectPglite(options) : connectPostgres(options.url, options.poolSize ?? 10);
}

async function connectPglite({ dataDir, loadDataDir, assets }: Extract<ConnectOptions, { engine: 'pglite' }>): Promise<Database> {
  const release = dataDir ? lockDataDir(dataDir) : () => undefined;
  let client: PGlite;
  try {
    const engine = await assets;
    client = await PGlite.create({
      ...(dataDir ? { dataDir: path.join(dataDir, 'pglite') } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      ...(engine ? { pgliteWasmModule: engine.wasmModule, fsBundle: engine.fsBundle } : {}),
    });
  } catch (error) {
    release();
    throw error;
  }
  const orm = drizzlePglite({ client, schema }) as unknown as Db;
  pgliteClients.set(orm, client);
  const raw: RawSession = {
    exec: async (sqlText) => void (await client.exec(sqlText)),
    query: async <T>(sqlText: string, params?: unknown[]) => (await client.query<T>(sqlText, params)).rows,
  };
  return {
    engine: 'pglite',
    orm,
    ping: async () => void (await client.query('select 1')),
    withRawSession: (fn) => fn(raw),
    listen: (channel, handlers) => listenPglite(client, channel, handlers),
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * Settings for every pooled connection. Silta's requests read a few thousand rows at most through
 * indexes (the reports read the rollups), where JIT compilation and parallel workers only add start-up
 * cost: on the 10 M bench database, JIT took a one-site-day refresh from 41 to 97 ms, and two parallel
 * workers took the headline report's rollup read from 30 to 120 ms on two cores (bench/results/README.md).
 * The full rollup rebuild, which does read whole tables, turns both back on for its transaction.
 */
export const REQUEST_SETTINGS = '-c jit=off -c max_parallel_workers_per_gather=0';

/**
 * PostgreSQL's own defaults for JIT and parallel workers again, for the rest of the caller's
 * transaction: for work that reads whole tables (the rollup rebuild, the bench's raw count baseline).
 */
export async function useWholeTableSettings(tx: Executor, engine: Database['engine']): Promise<void> {
  if (engine === 'postgres') await tx.execute(sql`select set_config('jit', 'on', true), set_config('max_parallel_workers_per_gather', '2', true)`);
}

async function connectPostgres(url: string, poolSize: number): Promise<Database> {
  // Loaded only for PostgreSQL: node-postgres takes about a tenth of the embedded engine's start to load.
  const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000, options: REQUEST_SETTINGS });
  // An idle client losing its server (a database restart) must not crash the process.
  pool.on('error', () => undefined);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw describeConnectionError(error, url);
  }
  const orm = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    engine: 'postgres',
    orm,
    ping: async () => void (await pool.query('select 1')),
    listen: (channel, handlers) => listenPostgres(url, channel, handlers),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    withRawSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (sqlText) => void (await client.query(sqlText)),
          query: async <T>(sqlText: string, params?: unknown[]) => (await client.query(sqlText, params)).rows as T[],
        });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** The rows of a raw `execute(sql…)`: both drivers answer with `{ rows }`, typed loosely by Drizzle. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
