// PostgreSQL roles: the schema owner (runs migrations) and the server's role (runs Silta). The server
// role gets ordinary DML on the data tables but only INSERT and SELECT on the audit log, and owns
// nothing, so it can neither change audit rows nor drop or disable the log's triggers (only an owner
// or a superuser can). The SQL below is also in docs/OPERATIONS.md for operators who grant by hand.
import type { RawSession } from './connect.js';

/** Tables the server may only add to and read. A new append-only table of a later migration goes here. */
export const APPEND_ONLY_TABLES = ['audit_log'] as const;
/** Tables the server only reads (it checks the schema version at start; `admin migrate` writes them). */
export const READ_ONLY_TABLES = ['schema_migrations'] as const;

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;


/** The statements that set the server role's privileges; idempotent, run as the schema owner. */
export function serverRoleGrants(serverRole: string, database: string, appendOnlySequences: string[]): string[] {
  const role = ident(serverRole);
  return [
    `grant connect, temporary on database ${ident(database)} to ${role}`,
    'revoke create on schema public from ' + role,
    `grant usage on schema public to ${role}`,
    // Start from nothing, so privileges granted by hand before (ALL, TRUNCATE, TRIGGER) do not linger.
    `revoke all on all tables in schema public from ${role}`,
    `revoke all on all sequences in schema public from ${role}`,
    `grant select, insert, update, delete on all tables in schema public to ${role}`,
    `grant usage, select on all sequences in schema public to ${role}`,
    ...APPEND_ONLY_TABLES.map((t) => `revoke update, delete on ${ident(t)} from ${role}`),
    // An identity column needs no grant on its sequence to insert; without one the server cannot
    // skip audit ids (a gap should mean something to an auditor).
    ...appendOnlySequences.map((s) => `revoke all on sequence ${ident(s)} from ${role}`),
    ...READ_ONLY_TABLES.map((t) => `revoke insert, update, delete on ${ident(t)} from ${role}`),
    // Tables and sequences that later migrations create get the same ordinary grants by themselves;
    // the migrate command re-runs all of this afterwards, which also takes the append-only ones back.
    `alter default privileges in schema public grant select, insert, update, delete on tables to ${role}`,
    `alter default privileges in schema public grant usage, select on sequences to ${role}`,
  ];
}

/** Grants the server role its privileges on the current database (run as the schema owner). */
export async function grantServerRole(session: RawSession, serverRole: string): Promise<void> {
  const [db] = await session.query<{ name: string }>('select current_database() as name');
  const sequences = await session.query<{ name: string }>(
    `select s.relname as name from pg_depend d
       join pg_class s on s.oid = d.objid and s.relkind = 'S'
       join pg_class t on t.oid = d.refobjid
     where d.classid = 'pg_class'::regclass and t.relname = any($1::text[]) and t.relnamespace = 'public'::regnamespace`,
    [[...APPEND_ONLY_TABLES]],
  );
  await session.exec('begin');
  try {
    for (const statement of serverRoleGrants(serverRole, db!.name, sequences.map((s) => s.name))) await session.exec(statement);
    await session.exec('commit');
  } catch (error) {
    await session.exec('rollback');
    throw error;
  }
}

export async function roleExists(session: RawSession, role: string): Promise<boolean> {
  return (await session.query('select 1 from pg_roles where rolname = $1', [role])).length > 0;
}

/** Creates a login role with the given password; needs CREATEROLE (or a superuser). */
export async function createLoginRole(session: RawSession, role: string, password: string | null): Promise<void> {
  const [row] = await session.query<{ sql: string }>(
    password === null ? "select format('create role %I login', $1::text) as sql" : "select format('create role %I login password %L', $1::text, $2::text) as sql",
    password === null ? [role] : [role, password],
  );
  await session.exec(row!.sql);
}
