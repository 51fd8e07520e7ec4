import { describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '../testing/test-db.js';
import { StartupError } from '../startup-error.js';
import { readMigrations } from './migrate.js';
import { prepareSchema } from './schema-check.js';

describe(`the schema version check at start on ${testEngine}`, () => {
  it('refuses a database that a newer Silta has migrated, naming the unknown migration', async () => {
    const db = await createTestDatabase();
    try {
      await db.withRawSession((s) => s.query("insert into schema_migrations (version, name, checksum) values ('9999', 'from_the_future', 'x')"));
      const start = prepareSchema(db);
      await expect(start).rejects.toThrow(StartupError);
      await expect(start).rejects.toThrow(/does not know \(9999_from_the_future\): a newer Silta has migrated it/);
    } finally {
      await db.close();
    }
  });

  it('refuses an applied migration that was edited afterwards, as an operator-facing message', async () => {
    const db = await createTestDatabase();
    try {
      const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
      await expect(prepareSchema(db, edited)).rejects.toThrow(StartupError);
    } finally {
      await db.close();
    }
  });

  it('migrates pending migrations itself when its role owns the schema (the embedded engine always does)', async () => {
    const db = await createTestDatabase();
    try {
      const extra = { version: '9997', name: 'pending_one', sql: 'create table pending_one (id int);', checksum: 'p' };
      await prepareSchema(db, [...readMigrations(), extra]);
      const rows = await db.withRawSession((s) => s.query<{ version: string }>("select version from schema_migrations where version = '9997'"));
      expect(rows).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});
