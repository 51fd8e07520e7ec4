import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Database, RawSession } from '../db/connect.js';
import { migrate, readMigrations } from '../db/migrate.js';
import { writeAudit } from '../audit/write-audit.js';
import { listTables, quoteIdent, type TableInfo } from './tables.js';
import { backupFormat, backupFormatVersion, type BackupHeader, type BackupRow, type BackupTrailer } from './format.js';
import type { Progress } from './backup.js';

const BATCH_ROWS = 500;

/** A restore that cannot go ahead, with a message meant for the operator. */
export class RestoreError extends Error {}

/**
 * Restores a backup into an empty database: applies exactly the migrations the backup was made
 * with, inserts every row in one transaction (so a broken or truncated file leaves nothing
 * behind), checks the row counts against the trailer, then applies any newer migrations.
 */
export async function restoreBackup(db: Database, file: string, at: Date, progress: Progress = () => undefined): Promise<Record<string, number>> {
  if (!fs.existsSync(file)) throw new RestoreError(`No such file: ${file}`);
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  try {
    const header = parseHeader(await iterator.next());
    await applyBackupMigrations(db, header);
    const counts = await db.withRawSession(async (session) => {
      await session.exec('begin');
      try {
        const result = await insertAll(session, header, iterator, progress);
        await session.exec('commit');
        return result;
      } catch (error) {
        await session.exec('rollback');
        throw error;
      }
    });
    await migrate(db);
    await db.orm.transaction((tx) =>
      writeAudit(tx, { actor: null, at, requestId: null }, { action: 'backup.restore', resourceType: 'database', details: { createdAt: header.createdAt, rows: Object.values(counts).reduce((a, b) => a + b, 0) } }),
    );
    return counts;
  } catch (error) {
    if (error instanceof Error && /incorrect header check|unexpected end of file/i.test(error.message)) {
      throw new RestoreError(`${file} is not a complete Silta backup (${error.message}). Nothing was restored.`);
    }
    throw error;
  } finally {
    lines.close();
  }
}

function parseHeader(first: IteratorResult<string>): BackupHeader {
  const header = first.done ? null : (JSON.parse(first.value) as Partial<BackupHeader>);
  if (header?.format !== backupFormat) throw new RestoreError('This file is not a Silta backup.');
  if (header.version !== backupFormatVersion) throw new RestoreError(`Backup format ${header.version} is not supported by this Silta (it reads ${backupFormatVersion}).`);
  return header as BackupHeader;
}

/** Brings an empty database to the backup's schema; refuses a database that is ahead or has data. */
async function applyBackupMigrations(db: Database, header: BackupHeader): Promise<void> {
  const known = new Map(readMigrations().map((m) => [m.version, m]));
  const wanted = header.migrations.map((m) => {
    const migration = known.get(m.version);
    if (!migration) throw new RestoreError(`The backup needs migration ${m.version}, which this Silta does not have: restore with the version that made it, or a newer one.`);
    if (migration.checksum !== m.checksum) throw new RestoreError(`Migration ${m.version} differs from the one the backup was made with.`);
    return migration;
  });
  await migrate(db, wanted);
  await db.withRawSession(async (session) => {
    const applied = await session.query<{ version: string }>('select version from schema_migrations order by version');
    if (applied.length !== wanted.length) throw new RestoreError('The target database has newer migrations than the backup: restore into a new, empty database.');
    for (const table of await listTables(session)) {
      const [row] = await session.query<{ any: boolean }>(`select exists (select 1 from ${quoteIdent(table.name)}) as any`);
      if (row?.any) throw new RestoreError(`The target database is not empty (table ${table.name} has rows): restore into a new data directory or a new PostgreSQL database.`);
    }
  });
}

async function insertAll(session: RawSession, header: BackupHeader, lines: AsyncIterator<string>, progress: Progress): Promise<Record<string, number>> {
  const tables = new Map((await listTables(session)).map((t) => [t.name, t]));
  const counts: Record<string, number> = {};
  let batch: Record<string, unknown>[] = [];
  let current: TableInfo | null = null;
  const flush = async () => {
    if (current && batch.length > 0) await insertBatch(session, current, batch);
    batch = [];
  };
  for (;;) {
    const next = await lines.next();
    if (next.done) throw new RestoreError('The backup ends before its trailer: the file is incomplete. Nothing was restored.');
    if (next.value.trim() === '') continue;
    const item = JSON.parse(next.value) as BackupRow | BackupTrailer;
    if ('end' in item) {
      await flush();
      if (current) progress(`${current.name}: ${counts[current.name]} rows`);
      for (const name of header.tables) {
        if ((counts[name] ?? 0) !== (item.counts[name] ?? 0)) throw new RestoreError(`Table ${name}: the file holds ${counts[name] ?? 0} rows, its trailer says ${item.counts[name] ?? 0}. Nothing was restored.`);
      }
      await resetIdentities(session, [...tables.values()]);
      return counts;
    }
    if (current?.name !== item.t) {
      await flush();
      if (current) progress(`${current.name}: ${counts[current.name]} rows`);
      const table = tables.get(item.t);
      if (!table) throw new RestoreError(`The backup has a table this schema does not: ${item.t}.`);
      current = table;
    }
    batch.push(item.r);
    counts[item.t] = (counts[item.t] ?? 0) + 1;
    if (batch.length >= BATCH_ROWS) await flush();
  }
}

/** json_populate_recordset turns each JSON value back into the column's own type, on both engines. */
async function insertBatch(session: RawSession, table: TableInfo, rows: Record<string, unknown>[]): Promise<void> {
  const cols = table.columns.map(quoteIdent).join(', ');
  const name = quoteIdent(table.name);
  await session.query(
    `insert into ${name} (${cols}) overriding system value select ${cols} from json_populate_recordset(null::${name}, $1::json)`,
    [JSON.stringify(rows)],
  );
}

/** Identity columns continue after the restored ids, so new rows never collide with old ones. */
async function resetIdentities(session: RawSession, tables: TableInfo[]): Promise<void> {
  const identity = await session.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns where table_schema = 'public' and (is_identity = 'YES' or column_default like 'nextval(%')`,
  );
  for (const { table_name, column_name } of identity) {
    if (!tables.some((t) => t.name === table_name)) continue;
    const col = quoteIdent(column_name);
    await session.query(
      `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${col}) from ${quoteIdent(table_name)}), 0) + 1, false)`,
      [quoteIdent(table_name), column_name],
    );
  }
}
