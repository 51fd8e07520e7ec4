// `npm run admin -- migrate`: applies migrations as the schema owner (MIGRATION_DATABASE_URL, or
// DATABASE_URL when there is one role) and gives the server's role (DATABASE_URL's login) its grants.
import type { Database } from '../server/db/connect.js';
import { migrate, readMigrations } from '../server/db/migrate.js';
import { assertKnownSchema, inspectSchema } from '../server/db/schema-check.js';
import { createLoginRole, grantServerRole, roleExists } from '../server/db/roles.js';
import { StartupError } from '../server/startup-error.js';
import type { Print } from './commands.js';

/** The server's login as DATABASE_URL names it, when it differs from the owner's connection. */
export type ServerLogin = { role: string; password: string | null };

export function serverLoginOf(databaseUrl: string | null, migrationDatabaseUrl: string | null): ServerLogin | null {
  if (!databaseUrl || !migrationDatabaseUrl) return null;
  const url = new URL(databaseUrl);
  const role = decodeURIComponent(url.username);
  if (role === '') throw new StartupError('DATABASE_URL must name the server\'s role (postgres://silta_app:…@host/db) when MIGRATION_DATABASE_URL is set.');
  return { role, password: url.password === '' ? null : decodeURIComponent(url.password) };
}

export async function migrateCommand(db: Database, server: ServerLogin | null, print: Print): Promise<void> {
  const migrations = readMigrations();
  assertKnownSchema(await db.withRawSession((session) => inspectSchema(session, migrations)));
  const applied = await migrate(db, migrations);
  for (const name of applied) print(`Applied ${name}.`);
  if (applied.length === 0) print('The schema is up to date.');
  if (db.engine !== 'postgres') return;
  if (server) await grantServer(db, server, print);
  // Commit times would tell when an anonymous feedback answer was stored (docs/PRIVACY.md).
  const [setting] = await db.withRawSession((s) => s.query<{ on: boolean }>("select current_setting('track_commit_timestamp') = 'on' as on"));
  if (setting?.on) print('Warning: track_commit_timestamp is on; it records when each anonymous feedback answer was stored. Turn it off (docs/PRIVACY.md).');
}

/** Creates the server's role when it is missing and the owner may create roles, then grants. */
export async function grantServer(db: Database, server: ServerLogin, print: Print): Promise<void> {
  await db.withRawSession(async (session) => {
    const [me] = await session.query<{ role: string; canCreate: boolean }>(
      'select current_user as role, (rolcreaterole or rolsuper) as "canCreate" from pg_roles where rolname = current_user',
    );
    if (me!.role === server.role) {
      print(`DATABASE_URL and MIGRATION_DATABASE_URL use the same role "${server.role}": it owns the schema, so the audit log is not append-only against it.`);
      return;
    }
    if (!(await roleExists(session, server.role))) {
      if (!me!.canCreate) {
        throw new StartupError(`The server's role "${server.role}" does not exist and "${me!.role}" may not create roles: create it as in docs/OPERATIONS.md (Database roles), then run migrate again.`);
      }
      await createLoginRole(session, server.role, server.password);
      print(`Created the server's role "${server.role}".`);
    }
    await grantServerRole(session, server.role);
    print(`Granted "${server.role}" the server's privileges: reads and writes, but only INSERT and SELECT on the audit log; it owns nothing.`);
  });
}
