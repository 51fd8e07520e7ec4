import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '../testing/test-db.js';
import { createTestRole, dropTestObjects } from '../testing/test-roles.js';
import { grantServerRole } from '../db/roles.js';

// PostgreSQL only. PGlite runs inside Silta's own process on files Silta owns, with one user: whoever
// can run it can change the files directly, so database roles would protect nothing there.
describe.skipIf(testEngine !== 'postgres')('the audit log against the server role on PostgreSQL', () => {
  it('lets the server role INSERT and SELECT audit rows and nothing else: no UPDATE, DELETE, TRUNCATE, DDL or trigger change', async () => {
    // The test login owns this database's tables, as the migration role does in a deployment.
    const db = await createTestDatabase();
    const owner = (sql: string) => db.withRawSession((s) => s.query<Record<string, unknown>>(sql));
    await owner("insert into audit_log (at, action, resource_type) values (now(), 'test.by_owner', 'test')");
    const server = await createTestRole('app');
    const client = new pg.Client({ connectionString: server.urlFor(String((await owner('select current_database() as db'))[0]!.db)) });
    try {
      await db.withRawSession((s) => grantServerRole(s, server.name));
      await client.connect();
      const run = async (sql: string) => (await client.query(sql)).rows as Record<string, unknown>[];
      const count = async () => Number((await run('select count(*)::int as n from audit_log'))[0]!.n);

      const before = await count();
      expect(before).toBeGreaterThan(0);
      await run("insert into audit_log (at, action, resource_type) values (now(), 'test.appended', 'test')");
      expect(await count()).toBe(before + 1);

      // Each refused by privileges, before the append-only trigger is even reached.
      for (const sql of ["update audit_log set action = 'tampered'", 'delete from audit_log', 'truncate audit_log']) {
        await expect(run(sql), sql).rejects.toThrow(/permission denied for table audit_log/);
      }
      // Only the owner may change a table, its triggers or the trigger's function.
      for (const sql of [
        'alter table audit_log disable trigger audit_log_no_update_delete',
        'alter table audit_log disable trigger all',
        'drop trigger audit_log_no_update_delete on audit_log',
        'drop table audit_log',
        'alter table audit_log add column note text',
        'alter table audit_log rename to audit_log_old',
      ]) {
        await expect(run(sql), sql).rejects.toThrow(/must be owner/);
      }
      const replaceFunction = "create or replace function audit_log_refuse_change() returns trigger language plpgsql as 'begin return old; end'";
      await expect(run(replaceFunction)).rejects.toThrow(/must be owner|permission denied for schema public/);
      await expect(run("select setval(pg_get_serial_sequence('audit_log', 'id'), 1)")).rejects.toThrow(/permission denied for sequence/);
      // It cannot make a new table either (to swap in), nor rewrite the schema version.
      await expect(run('create table audit_log_copy (id int)')).rejects.toThrow(/permission denied for schema public/);
      await expect(run("insert into schema_migrations (version, name, checksum) values ('9999', 'x', 'x')")).rejects.toThrow(/permission denied/);
      await expect(run('delete from schema_migrations')).rejects.toThrow(/permission denied/);
      expect((await run('select count(*)::int as n from schema_migrations'))[0]!.n).toBeGreaterThan(0);

      expect(await count()).toBe(before + 1);
      expect(await run("select count(*)::int as n from audit_log where action = 'tampered'")).toEqual([{ n: 0 }]);
      // The usual DML on the other tables is still the server's.
      await run("update regions set name = name || ' ' where false");
      await run('delete from login_throttle where false');
    } finally {
      await client.end().catch(() => undefined);
      await db.close();
      await dropTestObjects([], [server.name]);
    }
  });
});
