import { describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '../testing/test-db.js';
import { migrate, migrationStatus, readMigrations } from './migrate.js';

describe(`migrations on ${testEngine}`, () => {
  it('records every migration as applied and applies nothing twice', async () => {
    const db = await createTestDatabase();
    try {
      const status = await migrationStatus(db);
      expect(status.map((m) => m.version)).toEqual(readMigrations().map((m) => m.version));
      expect(status.every((m) => m.appliedAt instanceof Date)).toBe(true);
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const db = await createTestDatabase();
    try {
      const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
      await expect(migrate(db, edited)).rejects.toThrow(/was edited after it was applied/);
    } finally {
      await db.close();
    }
  });

  it('rolls back a failing migration completely and records nothing', async () => {
    const db = await createTestDatabase();
    try {
      const broken = { version: '9999', name: 'broken', sql: 'create table half_done (id int); select * from no_such_table;', checksum: 'x' };
      await expect(migrate(db, [...readMigrations(), broken])).rejects.toThrow();
      const tables = await db.withRawSession((s) => s.query<{ n: number }>("select count(*)::int as n from information_schema.tables where table_name = 'half_done'"));
      expect(tables[0]?.n).toBe(0);
      const status = await migrationStatus(db, [...readMigrations(), broken]);
      expect(status.find((m) => m.version === '9999')?.appliedAt).toBeNull();
    } finally {
      await db.close();
    }
  });

  it.runIf(testEngine === 'postgres')('lets concurrent starts wait on the advisory lock instead of colliding', async () => {
    const db = await createTestDatabase();
    try {
      const extra = { version: '9998', name: 'slow', sql: 'select pg_sleep(0.3); create table slow_made (id int);', checksum: 'slow' };
      const all = [...readMigrations(), extra];
      const results = await Promise.all([migrate(db, all), migrate(db, all)]);
      expect(results.flat()).toEqual(['9998_slow']);
    } finally {
      await db.close();
    }
  });
});
