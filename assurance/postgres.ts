// Throw-away PostgreSQL databases for the assurance runs, next to whatever else the server holds.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

/** The server the runs may create databases on: ASSURE_DATABASE_URL, TEST_DATABASE_URL, or the local one. */
export const adminUrl = (): string =>
  process.env.ASSURE_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function scratchPostgres(prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withAdmin(async (c) => void (await c.query(`drop database if exists ${name} with (force)`))) };
}
