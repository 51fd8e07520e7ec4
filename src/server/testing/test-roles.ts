// Login roles and databases for the role tests on PostgreSQL. Roles belong to the whole server, which
// other test runs share at the same moment: every name is unique to this run, and everything is
// dropped afterwards (databases first, since a role with privileges in a database cannot be dropped).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type TestRole = { name: string; password: string; urlFor(database: string): string };

const baseUrl = (): string => {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  return base;
};

export const uniqueName = (prefix: string): string => `${prefix}_${randomBytes(5).toString('hex')}`;

/** A URL to `database` on the test server, as `role` (or as the test server's own login). */
export function testUrl(database: string, role?: { name: string; password: string }): string {
  const url = new URL(baseUrl());
  url.pathname = `/${database}`;
  if (role) {
    url.username = role.name;
    url.password = role.password;
  }
  return url.toString();
}

/** Runs statements as the test server's own (superuser) login. */
export async function asSuperuser<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A role description with a unique name and password; `create` makes it a login role now. */
export function newTestRole(kind: string): TestRole {
  const name = uniqueName(`silta_t_${kind}`);
  const password = randomBytes(12).toString('hex');
  return { name, password, urlFor: (database) => testUrl(database, { name, password }) };
}

export async function createTestRole(kind: string, attributes = ''): Promise<TestRole> {
  const role = newTestRole(kind);
  await asSuperuser((c) => c.query(`create role ${role.name} login password '${role.password}' ${attributes}`));
  return role;
}

/** Drops the databases, then the roles; missing ones are fine (a test may have failed half way). */
export async function dropTestObjects(databases: string[], roles: string[]): Promise<void> {
  await asSuperuser(async (c) => {
    for (const db of databases) await c.query(`drop database if exists ${db} with (force)`);
    for (const role of roles) await c.query(`drop role if exists ${role}`);
  });
}
