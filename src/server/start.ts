import type { Config } from './config.js';
import { connectDatabase, type Database } from './db/connect.js';
import type { PgliteAssets } from './db/pglite-assets.js';
import { prepareSchema } from './db/schema-check.js';
import { ensureDefaultCodes } from './codes/reference-data.js';
import { ensureDefaultFeedbackForms } from './feedback/seed.js';
import { createPasswordHasher } from './auth/passwords.js';
import { systemClock, systemIds, type Clock, type Deps } from './deps.js';

/**
 * Opens the configured database (embedded PGlite unless DATABASE_URL is set) and brings its schema up
 * to date, or refuses to start on a schema it cannot run on or may not migrate (db/schema-check.ts).
 * `pgliteAssets`: the embedded engine's files, when the caller started reading them early.
 */
export async function openDatabase(config: Config, pgliteAssets?: Promise<PgliteAssets | undefined>): Promise<Database> {
  const db = config.databaseUrl
    ? await connectDatabase({ engine: 'postgres', url: config.databaseUrl })
    : await connectDatabase({ engine: 'pglite', dataDir: config.dataDir, assets: pgliteAssets });
  try {
    await prepareSchema(db);
    await ensureDefaultCodes(db.orm, new Date());
    await ensureDefaultFeedbackForms(db.orm, systemIds, new Date());
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export function createDeps(config: Config, db: Database, clock: Clock = systemClock): Deps {
  return { db, config, clock, ids: systemIds, passwords: createPasswordHasher() };
}
