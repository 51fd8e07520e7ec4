import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, RawSession } from './connect.js';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any fixed number works; it only has to be the same for every Silta process on one database.
const MIGRATION_LOCK_KEY = 7_411_020_501;

export type Migration = { version: string; name: string; sql: string; checksum: string };
export type MigrationStatus = { version: string; name: string; appliedAt: Date | null };

export function readMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.replace(/^\d{4}_/, '').replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

async function ensureTable(session: RawSession): Promise<void> {
  await session.exec(`create table if not exists schema_migrations (
    version text primary key, name text not null, checksum text not null, applied_at timestamptz not null default now())`);
}

async function applyPending(session: RawSession, migrations: Migration[]): Promise<string[]> {
  await ensureTable(session);
  const applied = new Map(
    (await session.query<{ version: string; checksum: string }>('select version, checksum from schema_migrations')).map((r) => [r.version, r.checksum]),
  );
  const done: string[] = [];
  for (const migration of migrations) {
    const checksum = applied.get(migration.version);
    if (checksum !== undefined) {
      if (checksum !== migration.checksum) {
        throw new Error(`Migration ${migration.version}_${migration.name} was edited after it was applied; add a new migration instead.`);
      }
      continue;
    }
    await session.exec('begin');
    try {
      await session.exec(migration.sql);
      await session.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [migration.version, migration.name, migration.checksum]);
      await session.exec('commit');
    } catch (error) {
      await session.exec('rollback');
      throw error;
    }
    done.push(`${migration.version}_${migration.name}`);
  }
  return done;
}

/**
 * Applies pending migrations in order, each in its own transaction, and records them. On PostgreSQL a
 * session-level advisory lock makes concurrent starts of several Silta processes wait for each other.
 */
export async function migrate(db: Database, migrations = readMigrations()): Promise<string[]> {
  return db.withRawSession(async (session) => {
    if (db.engine === 'pglite') return applyPending(session, migrations);
    await session.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await applyPending(session, migrations);
    } finally {
      await session.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

export async function migrationStatus(db: Database, migrations = readMigrations()): Promise<MigrationStatus[]> {
  return db.withRawSession(async (session) => {
    // Read only: listing must work for a server role that may not create the table.
    const [table] = await session.query<{ present: boolean }>("select to_regclass('schema_migrations') is not null as present");
    const rows = table?.present ? await session.query<{ version: string; applied_at: Date }>('select version, applied_at from schema_migrations') : [];
    const appliedAt = new Map(rows.map((r) => [r.version, new Date(r.applied_at)]));
    return migrations.map((m) => ({ version: m.version, name: m.name, appliedAt: appliedAt.get(m.version) ?? null }));
  });
}
