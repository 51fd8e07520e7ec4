import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Database } from '../db/connect.js';

// Migration 0008. Declared here rather than in db/schema.ts: only this module reads it.
const instanceSecrets = pgTable('instance_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

const ADDRESS_KEY = 'address_key';

// One promise per open database: the secret never changes while the database lives, so it is read once
// per process. A failed read is forgotten, so a database outage at start does not stick.
const loaded = new WeakMap<Database, Promise<Buffer>>();

async function loadOrCreate(db: Database): Promise<Buffer> {
  // Every process offers a fresh secret; the first insert wins and all of them read the same row,
  // so processes starting at the same moment still agree.
  await db.orm
    .insert(instanceSecrets)
    .values({ name: ADDRESS_KEY, value: randomBytes(32).toString('base64'), createdAt: new Date() })
    .onConflictDoNothing();
  const [row] = await db.orm.select({ value: instanceSecrets.value }).from(instanceSecrets).where(eq(instanceSecrets.name, ADDRESS_KEY));
  if (!row) throw new Error('the address key secret could not be stored');
  return Buffer.from(row.value, 'base64');
}

/**
 * The key under which network addresses are hashed for throttling, shared by every Silta process on
 * this database (so their counters agree) and kept out of backups.
 */
export function addressSecret(db: Database): Promise<Buffer> {
  let secret = loaded.get(db);
  if (!secret) {
    secret = loadOrCreate(db);
    loaded.set(db, secret);
    void secret.catch(() => loaded.delete(db));
  }
  return secret;
}
