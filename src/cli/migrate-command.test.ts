import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { createPasswordHasher } from '../server/auth/passwords.js';
import { loadConfig } from '../server/config.js';
import { connectDatabase } from '../server/db/connect.js';
import { systemIds, type Deps } from '../server/deps.js';
import { createRegion } from '../server/sites/commands.js';
import { refreshReportRollups } from '../server/reports/rollups/refresh.js';
import { purgeClosedMemos } from '../server/referrals/purge.js';
import { openDatabase } from '../server/start.js';
import { StartupError } from '../server/startup-error.js';
import { makeUser, signIn, testClock, type Harness } from '../server/testing/harness.js';
import { spawnServer } from '../server/testing/spawn-server.js';
import { testEngine } from '../server/testing/test-db.js';
import { asSuperuser, createTestRole, dropTestObjects, newTestRole, uniqueName } from '../server/testing/test-roles.js';
import { migrateCommand, serverLoginOf } from './migrate-command.js';

// PostgreSQL only: PGlite has one user (Silta's own process) and always migrates at start; the
// PGlite side of the version check is in src/server/db/schema-check.test.ts.
describe.skipIf(testEngine !== 'postgres')('migrate as the owner, run as the restricted server role (PostgreSQL)', () => {
  it('migrates an empty database, creates and grants the server role, and Silta then runs as it: sign-in, a change, its audit row', async () => {
    const owner = await createTestRole('own', 'createrole');
    const server = newTestRole('srv'); // created by the migrate command itself
    const database = uniqueName('silta_t_roles');
    const printed: string[] = [];
    try {
      await asSuperuser((c) => c.query(`create database ${database} owner ${owner.name}`));
      const asOwner = await connectDatabase({ engine: 'postgres', url: owner.urlFor(database), poolSize: 1 });
      try {
        await migrateCommand(asOwner, serverLoginOf(server.urlFor(database), owner.urlFor(database)), (l) => printed.push(l));
        // Idempotent: a second run applies nothing and grants again without error.
        await migrateCommand(asOwner, serverLoginOf(server.urlFor(database), owner.urlFor(database)), (l) => printed.push(l));
      } finally {
        await asOwner.close();
      }
      expect(printed.filter((l) => l.startsWith('Applied '))).not.toHaveLength(0);
      expect(printed).toContain(`Created the server's role "${server.name}".`);
      expect(printed).toContain('The schema is up to date.');

      // Silta's own start path, as the server role: version check, default codes and feedback forms.
      const config = { ...loadConfig({ DATABASE_URL: server.urlFor(database) }), webDir: '/nonexistent', isDemoHistory: false };
      const db = await openDatabase(config);
      const clock = testClock();
      const deps: Deps = { db, config, clock, ids: systemIds, passwords: createPasswordHasher({ algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 }) };
      const app = await buildApp(deps);
      const h: Harness = { deps, app, db, clock };
      try {
        const region = await createRegion(deps, { name: 'Roles region' });
        const admin = await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]);
        const client = await signIn(h, admin);
        const created = await client.request('POST', '/api/sites', { regionId: region.id, name: 'Role test centre', kind: 'day_centre' });
        expect(created.statusCode, created.body).toBe(201);
        const rows = await db.withRawSession((s) => s.query<{ action: string; current_user: string }>("select action, current_user from audit_log where action in ('auth.sign_in', 'site.created') order by id"));
        expect(rows.map((r) => r.action)).toEqual(['auth.sign_in', 'site.created']);
        expect(rows[0]!.current_user).toBe(server.name);
        // The housekeeping jobs run as the server role too.
        await refreshReportRollups(db);
        await purgeClosedMemos(deps);
        await expect(db.withRawSession((s) => s.query('delete from audit_log'))).rejects.toThrow(/permission denied/);
      } finally {
        await app.close();
        await db.close();
      }

      // A pending migration the server role may not apply: it refuses, and says what to run.
      const target = new pg.Client({ connectionString: owner.urlFor(database) });
      await target.connect();
      await target.query('delete from schema_migrations where version = (select max(version) from schema_migrations)');
      await target.end();
      const refused = openDatabase(config);
      await expect(refused).rejects.toThrow(StartupError);
      await expect(refused).rejects.toThrow(new RegExp(`behind this version of Silta \\(pending: \\d{4}_\\w+\\), and the server's database role "${server.name}" may not change it\\. Run \`npm run admin -- migrate\``));
      // The same through the real entry point: exit code 1 and the message, no stack trace.
      const spawned = await spawnServer({ DATABASE_URL: server.urlFor(database) });
      expect(await spawned.exited).toBe(1);
      expect(spawned.output()).toMatch(/^Silta could not start: The database schema is behind this version of Silta/m);
      expect(spawned.output()).not.toMatch(/\n\s+at /);
    } finally {
      await dropTestObjects([database], [server.name, owner.name]);
    }
  });
});
