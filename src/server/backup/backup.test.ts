import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../db/connect.js';
import { encounterBody, issueCode, record, referralBody, setUpOutreach, type Outreach } from '../encounters/test-support.js';
import { testEngine } from '../testing/test-db.js';
import { writeBackup } from './backup.js';
import { restoreBackup, RestoreError } from './restore.js';
import { listTables, quoteIdent, topologicalOrder } from './tables.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silta-backup-test-'));
const dropAfter: (() => Promise<void>)[] = [];

/** A database with no schema at all: what a new data directory or a new PostgreSQL database is. */
async function emptyDatabase(): Promise<Database> {
  if (testEngine === 'pglite') return connectDatabase({ engine: 'pglite' });
  const base = process.env.TEST_DATABASE_URL!;
  const name = `silta_restore_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await connectDatabase({ engine: 'postgres', url: url.toString(), poolSize: 2 });
  dropAfter.push(async () => {
    await db.close();
    const dropper = new pg.Client({ connectionString: base });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  });
  return db;
}

/** Every row of every data table, as JSON text in primary-key order. */
async function contents(db: Database): Promise<Record<string, string[]>> {
  return db.withRawSession(async (session) => {
    const result: Record<string, string[]> = {};
    for (const table of await listTables(session)) {
      const rows = await session.query<{ row: string }>(
        `select row_to_json(t)::text as row from ${quoteIdent(table.name)} t order by ${table.primaryKey.map(quoteIdent).join(', ')}`,
      );
      result[table.name] = rows.map((r) => r.row);
    }
    return result;
  });
}

let o: Outreach;
let file: string;
let source: Record<string, string[]>;

beforeAll(async () => {
  o = await setUpOutreach();
  const code = await issueCode(o);
  // Data through the commands: plain and joint encounters, a code, referrals, a day log.
  await record(o.nurse, encounterBody(o, { needs: ['health:blood_pressure'], referrals: [referralBody(o.services.kela!)] }));
  await record(o.nurse, encounterBody(o, { visitorCode: code, isUrgent: true }));
  await record(o.socialWorker, encounterBody(o, { needs: ['social:housing'], referrals: [referralBody(o.services.health_station!, { followUpOn: '2026-02-01' })] }));
  file = path.join(dir, 'silta.backup.gz');
  await writeBackup(o.h.db, file, o.h.clock.now());
  source = await contents(o.h.db);
});

afterAll(async () => {
  for (const drop of dropAfter) await drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`backup and restore on ${testEngine}`, () => {
  it('restores every record and the audit log exactly, and records the restore', async () => {
    expect(source.encounters).toHaveLength(3);
    expect(source.audit_log!.some((row) => row.includes('"backup.create"'))).toBe(true);
    const target = await emptyDatabase();
    const counts = await restoreBackup(target, file, new Date('2026-01-16T08:00:00Z'));
    expect(counts.encounters).toBe(3);
    const restored = await contents(target);
    for (const [table, rows] of Object.entries(source)) {
      if (table === 'audit_log') continue;
      expect(restored[table], table).toEqual(rows);
    }
    // The audit log is identical, followed by exactly one row saying that a restore happened.
    expect(restored.audit_log!.slice(0, -1)).toEqual(source.audit_log);
    expect(JSON.parse(restored.audit_log!.at(-1)!)).toMatchObject({ action: 'backup.restore', resource_type: 'database' });
    // New rows continue after the restored ids instead of colliding with them.
    const maxSourceId = Math.max(...source.audit_log!.map((row) => (JSON.parse(row) as { id: number }).id));
    expect((JSON.parse(restored.audit_log!.at(-1)!) as { id: number }).id).toBeGreaterThan(maxSourceId);
    if (testEngine === 'pglite') await target.close();
  });

  it('refuses a database that already has data, and leaves it as it was', async () => {
    await expect(restoreBackup(o.h.db, file, new Date())).rejects.toThrow(RestoreError);
    expect(await contents(o.h.db)).toEqual(source);
  });

  it('restores nothing from a cut-short or foreign file, with a message saying so', async () => {
    const whole = fs.readFileSync(file);
    const cut = path.join(dir, 'cut.gz');
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const target = await emptyDatabase();
    await expect(restoreBackup(target, cut, new Date())).rejects.toThrow(/not a complete Silta backup|incomplete/);
    const after = await contents(target);
    expect(Object.values(after).every((rows) => rows.length === 0)).toBe(true);
    const foreign = path.join(dir, 'foreign.txt');
    fs.writeFileSync(foreign, 'hello');
    await expect(restoreBackup(target, foreign, new Date())).rejects.toThrow(RestoreError);
    await expect(restoreBackup(target, path.join(dir, 'missing.gz'), new Date())).rejects.toThrow(/No such file/);
    if (testEngine === 'pglite') await target.close();
  });
});

describe('table order', () => {
  it('puts every parent before its children and rejects a cycle', () => {
    expect(topologicalOrder(['c', 'b', 'a'], [{ child: 'c', parent: 'b' }, { child: 'b', parent: 'a' }, { child: 'c', parent: 'c' }])).toEqual(['a', 'b', 'c']);
    expect(() => topologicalOrder(['a', 'b'], [{ child: 'a', parent: 'b' }, { child: 'b', parent: 'a' }])).toThrow(/cycle/);
  });
});
