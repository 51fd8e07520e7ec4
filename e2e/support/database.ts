import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { RunningServer } from './server';

/**
 * Stops the suite's server and opens its embedded database in this process, so a browser test can
 * assert on what was actually stored. The server stays stopped: call it in a file's last test.
 */
export async function inspectStoredData<T>(server: RunningServer, look: (db: PGlite) => Promise<T>): Promise<T> {
  await server.halt();
  const db = await PGlite.create({ dataDir: path.join(server.dataDir, 'pglite') });
  try {
    return await look(db);
  } finally {
    await db.close();
  }
}
