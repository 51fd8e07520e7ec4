import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { Database, RawSession } from '../db/connect.js';
import { writeAudit } from '../audit/write-audit.js';
import { listTables, quoteIdent, type TableInfo } from './tables.js';
import { backupFormat, backupFormatVersion, type BackupHeader, type BackupTrailer } from './format.js';

const PAGE_ROWS = 2000;

export type BackupResult = { file: string; counts: Record<string, number> };
export type Progress = (line: string) => void;

/**
 * Writes every data table as gzipped JSON lines: a header (format, engine, migrations), the rows
 * table by table in foreign-key order, and a trailer with the row counts — a file cut short is
 * therefore detected on restore. The same file restores into either engine, so it is also the way
 * to move from the embedded database to PostgreSQL.
 */
export async function writeBackup(db: Database, file: string, at: Date, progress: Progress = () => undefined): Promise<BackupResult> {
  // The backup reads every person-level row, so it is itself audited — before the snapshot, so
  // the file contains the record of its own making.
  await db.orm.transaction((tx) =>
    writeAudit(tx, { actor: null, at, requestId: null }, { action: 'backup.create', resourceType: 'database', details: { file: path.basename(file) } }),
  );
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const gzip = createGzip();
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  try {
    const counts = await db.withRawSession(async (session) => {
      // One consistent snapshot even while the server keeps writing (PostgreSQL).
      await session.exec('begin isolation level repeatable read read only');
      try {
        const tables = await listTables(session);
        const migrations = await session.query<{ version: string; checksum: string }>('select version, checksum from schema_migrations order by version');
        const header: BackupHeader = { format: backupFormat, version: backupFormatVersion, createdAt: at.toISOString(), engine: db.engine, migrations, tables: tables.map((t) => t.name) };
        await write(header);
        const result: Record<string, number> = {};
        for (const table of tables) {
          result[table.name] = await dumpTable(session, table, write);
          progress(`${table.name}: ${result[table.name]} rows`);
        }
        return result;
      } finally {
        await session.exec('rollback');
      }
    });
    const trailer: BackupTrailer = { end: true, counts };
    await write(trailer);
    gzip.end();
    await once(out, 'close');
    // Only a complete file gets the requested name.
    fs.renameSync(partial, file);
    return { file, counts };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Pages through a table by its primary key, so a table of millions of rows never sits in memory. */
async function dumpTable(session: RawSession, table: TableInfo, write: (value: unknown) => Promise<void>): Promise<number> {
  const key = table.primaryKey.map(quoteIdent).join(', ');
  const cols = table.columns.map(quoteIdent).join(', ');
  const keyParams = table.primaryKey.map((_, i) => `$${i + 1}::${table.primaryKeyTypes[i]}`).join(', ');
  let last: string[] | null = null;
  let count = 0;
  for (;;) {
    const where = last === null ? '' : `where (${key}) > (${keyParams})`;
    const rows: { row: string; key: string }[] = await session.query<{ row: string; key: string }>(
      `select row_to_json(t)::text as row, json_build_array(${table.primaryKey.map((k) => `t.${quoteIdent(k)}::text`).join(', ')})::text as key
       from (select ${cols} from ${quoteIdent(table.name)}) t ${where} order by ${key} limit ${PAGE_ROWS}`,
      last ?? [],
    );
    for (const r of rows) await write({ t: table.name, r: JSON.parse(r.row) as unknown });
    count += rows.length;
    if (rows.length < PAGE_ROWS) return count;
    last = JSON.parse(rows[rows.length - 1]!.key) as string[];
  }
}
