import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDatabase, type Database } from '../db/connect.js';

export type TestEngine = 'pglite' | 'postgres';
export const testEngine: TestEngine = process.env.SILTA_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh, migrated database for one test file: PGlite in memory loaded from the migrated template
 * that the global setup dumped, or a new PostgreSQL database cloned from the migrated template database.
 */
export async function createTestDatabase(): Promise<Database> {
  if (testEngine === 'pglite') {
    const dumpPath = inject('pgliteTemplate');
    const loadDataDir = new Blob([fs.readFileSync(dumpPath)]);
    return connectDatabase({ engine: 'pglite', loadDataDir });
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `silta_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
  // A test database lives for one file: a commit need not wait for its WAL to reach the disk (an
  // fsync per commit; the suites make thousands). What a commit does and what the other sessions see
  // stay the same; only a crash of PostgreSQL itself could lose the last commits, and nothing here
  // outlives the file. Set on the database so that every connection to it gets it (servers the tests
  // spawn, the roles of the permission tests), not only the harness's pool.
  await admin.query(`alter database ${name} set synchronous_commit = off`);
  await admin.end();
  const db = await connectDatabase({ engine: 'postgres', url: databaseUrl(base, name), poolSize: 5 });
  return {
    ...db,
    close: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}
