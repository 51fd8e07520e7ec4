// Bulk-load helpers: secondary indexes dropped before the load and recreated from their own
// definitions afterwards (so they come back exactly as the migrations made them), and session
// settings that make big INSERT … SELECTs and index builds faster.
import type { RawSession } from '../../src/server/db/connect.js';

/** The tables the generator fills with millions of rows. */
export const BULK_TABLES = ['encounters', 'encounter_professionals', 'encounter_codes', 'referrals', 'visitor_codes'] as const;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export type SavedIndex = { name: string; table: string; definition: string };

/**
 * Non-unique secondary indexes of `tables` (primary keys and unique indexes stay: they enforce the
 * constraints the load must satisfy). Their definitions come from pg_get_indexdef, the database's own
 * canonical text of each index.
 */
export async function dropSecondaryIndexes(session: RawSession, tables: readonly string[]): Promise<SavedIndex[]> {
  const rows = await session.query<{ name: string; table: string; definition: string }>(
    `select quote_ident(ns.nspname) || '.' || quote_ident(ic.relname) as name, c.relname as table, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_class ic on ic.oid = i.indexrelid
       join pg_namespace ns on ns.oid = c.relnamespace
      where ns.nspname = current_schema() and c.relname = any($1::text[]) and not i.indisprimary and not i.indisunique
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
      order by c.relname, ic.relname`,
    [tables],
  );
  for (const row of rows) await session.exec(`drop index ${row.name}`);
  return rows;
}

export type SavedForeignKey = { table: string; name: string; definition: string };

/**
 * Foreign keys of `tables`. A row-by-row check costs an index probe per key and row (five per
 * encounter); adding the constraint back after the load checks every row at once with one anti-join,
 * so the loaded rows are held to exactly the same constraints.
 */
export async function dropForeignKeys(session: RawSession, tables: readonly string[]): Promise<SavedForeignKey[]> {
  const rows = await session.query<SavedForeignKey>(
    `select c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_namespace ns on ns.oid = c.relnamespace
      where ns.nspname = current_schema() and k.contype = 'f' and c.relname = any($1::text[])
      order by c.relname, k.conname`,
    [tables],
  );
  for (const row of rows) await session.exec(`alter table ${quoteIdent(row.table)} drop constraint ${quoteIdent(row.name)}`);
  return rows;
}

export async function restoreForeignKeys(session: RawSession, saved: readonly SavedForeignKey[], log: (line: string) => void): Promise<void> {
  for (const key of saved) {
    const startedAt = performance.now();
    await session.exec(`alter table ${quoteIdent(key.table)} add constraint ${quoteIdent(key.name)} ${key.definition}`);
    log(`foreign key ${key.table}.${key.name} checked and restored in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  }
}

export async function restoreIndexes(session: RawSession, saved: readonly SavedIndex[], log: (line: string) => void): Promise<void> {
  for (const index of saved) {
    const startedAt = performance.now();
    await session.exec(index.definition);
    log(`index ${index.name} rebuilt in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  }
}

/**
 * Settings for this session only. PostgreSQL: no wait for the WAL flush on each statement (a crash
 * loses a throw-away database at worst), no JIT, room for temporary tables and index builds. PGlite runs in
 * a 32-bit WebAssembly heap, so it gets smaller buffers.
 */
export async function bulkSettings(session: RawSession, engine: 'pglite' | 'postgres'): Promise<void> {
  if (engine === 'postgres') {
    // JIT compiles each big statement anew (about 0.7 s here), more than it saves on these simple expressions.
    await session.exec("set synchronous_commit = off; set jit = off; set temp_buffers = '512MB'; set work_mem = '128MB'; set maintenance_work_mem = '1GB'");
  } else {
    await session.exec("set temp_buffers = '128MB'; set work_mem = '32MB'; set maintenance_work_mem = '256MB'");
  }
}
