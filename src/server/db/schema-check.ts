// The schema version check at start: Silta runs only on a schema it knows, and migrates it only when
// its database role is allowed to (the embedded engine always is; see docs/OPERATIONS.md, Database roles).
import { StartupError } from '../startup-error.js';
import type { Database, RawSession } from './connect.js';
import { migrate, readMigrations, type Migration } from './migrate.js';

export type SchemaState = {
  /** Known migrations not yet applied, in order. */
  pending: Migration[];
  /** Applied versions this code does not have: a newer Silta migrated the database. */
  unknown: string[];
  /** Applied migrations whose file has changed since. */
  edited: string[];
};

const label = (m: Migration) => `${m.version}_${m.name}`;

/** Reads `schema_migrations` without creating it: a restricted server role may not create tables. */
export async function inspectSchema(session: RawSession, migrations: Migration[] = readMigrations()): Promise<SchemaState> {
  const [exists] = await session.query<{ present: boolean }>("select to_regclass('schema_migrations') is not null as present");
  const applied = exists?.present
    ? new Map((await session.query<{ version: string; name: string; checksum: string }>('select version, name, checksum from schema_migrations')).map((r) => [r.version, r]))
    : new Map<string, { version: string; name: string; checksum: string }>();
  const known = new Set(migrations.map((m) => m.version));
  return {
    pending: migrations.filter((m) => !applied.has(m.version)),
    unknown: [...applied.values()].filter((r) => !known.has(r.version)).map((r) => `${r.version}_${r.name}`).sort(),
    edited: migrations.filter((m) => applied.has(m.version) && applied.get(m.version)!.checksum !== m.checksum).map(label),
  };
}

/**
 * Whether this connection's role may change the schema: it owns (or is a member of the owner of) the
 * migration table and may create in the schema; before the first migration, whether it may create.
 * A server role set up by `npm run admin -- migrate` owns nothing and may create nothing.
 */
export async function mayMigrate(session: RawSession): Promise<boolean> {
  const [row] = await session.query<{ may: boolean }>(
    `select has_schema_privilege(current_schema(), 'CREATE')
       and coalesce((select pg_has_role(current_user, relowner, 'USAGE') from pg_class where oid = to_regclass('schema_migrations')), true) as may`,
  );
  return row?.may === true;
}

/** Refuses a schema this code cannot run on, whoever asks: a newer Silta's, or one with an edited migration. */
export function assertKnownSchema(state: SchemaState): void {
  if (state.unknown.length > 0) {
    throw new StartupError(
      `The database has migrations this version of Silta does not know (${state.unknown.join(', ')}): a newer Silta has migrated it. ` +
        'Run that version, or restore a backup into a new database with this one.',
    );
  }
  if (state.edited.length > 0) {
    throw new StartupError(`Migration ${state.edited.join(', ')} was edited after it was applied; add a new migration instead.`);
  }
}

/**
 * Brings the schema up to date at start, or refuses with a message for the operator. PGlite and a
 * PostgreSQL role that owns the schema migrate themselves (as before roles were split); a restricted
 * server role with pending migrations stops and asks for `npm run admin -- migrate`.
 */
export async function prepareSchema(db: Database, migrations: Migration[] = readMigrations()): Promise<void> {
  const { state, isAllowed, role } = await db.withRawSession(async (session) => ({
    state: await inspectSchema(session, migrations),
    isAllowed: db.engine === 'pglite' || (await mayMigrate(session)),
    role: (await session.query<{ role: string }>('select current_user as role'))[0]?.role ?? '?',
  }));
  assertKnownSchema(state);
  if (state.pending.length === 0) return;
  if (!isAllowed) {
    throw new StartupError(
      `The database schema is behind this version of Silta (pending: ${state.pending.map(label).join(', ')}), and the server's database role "${role}" may not change it. ` +
        'Run `npm run admin -- migrate` with MIGRATION_DATABASE_URL set to the schema owner\'s login, then start Silta again.',
    );
  }
  await migrate(db, migrations);
}
