import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { connectDatabase } from '../../src/server/db/connect';
import { migrate } from '../../src/server/db/migrate';
import { seedDemo } from '../../src/server/demo/seed-demo';
import { createDeps } from '../../src/server/start';
import { runServer, type ServerProcess } from './server-process';
import { demoPassword, webDir } from './server-setup';

/**
 * The PostgreSQL variant of the browser tests' server: a fresh database on the PostgreSQL that
 * TEST_DATABASE_URL names (migrated and seeded with the demo accounts here, as `npm run admin` would),
 * and several Silta processes on it, as a region runs them behind a load balancer. Each process runs
 * the tests' entry, so all of them share one pretended clock when `now` is given.
 */
export const postgresUrl = (): string | null => process.env.TEST_DATABASE_URL ?? null;

export type PostgresServers = {
  databaseUrl: string;
  servers: ServerProcess[];
  /** Starts one more process on the same database (e.g. at another pretended time). */
  add(env?: Record<string, string>): Promise<ServerProcess>;
  stop(): Promise<void>;
};

function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `now`: the ISO instant (with offset) the processes pretend it is; the real time otherwise. */
export async function startPostgresServers(count: number, now?: string): Promise<PostgresServers> {
  const base = postgresUrl();
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `silta_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const databaseUrl = withDatabase(base, name);
  const db = await connectDatabase({ engine: 'postgres', url: databaseUrl, poolSize: 2 });
  try {
    await migrate(db);
    const config = loadConfig({ DATABASE_URL: databaseUrl, SILTA_DEMO_PASSWORD: demoPassword, SILTA_DEMO_HISTORY: 'off' });
    await seedDemo(createDeps(config, db));
  } finally {
    await db.close();
  }
  const { entry } = inject('e2eServer');
  const testEntry = path.join(path.dirname(entry), 'main-at-test-time.js');
  const clock: Record<string, string> = now ? { SILTA_TEST_NOW: now, SILTA_TEST_NOW_ANCHOR: String(Date.now()) } : {};
  const servers: ServerProcess[] = [];
  const add = async (env: Record<string, string> = {}) => {
    const server = await runServer(testEntry, { DATABASE_URL: databaseUrl, SILTA_WEB_DIR: webDir, SILTA_DEMO_HISTORY: 'off', ...clock, ...env });
    servers.push(server);
    return server;
  };
  for (let i = 0; i < count; i++) await add();
  return {
    databaseUrl,
    servers,
    add,
    async stop() {
      for (const server of servers) await server.halt();
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
