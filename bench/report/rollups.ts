// The report rollups as the bench drives them: the triggers that maintain them switched off for the
// bulk load and the "without" save rounds, and back on afterwards.
import type { Database } from '../../src/server/db/connect.js';
import { ROLLUP_TRIGGERS } from '../../src/server/reports/rollups/triggers.js';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Turns the rollup-maintaining triggers (ROLLUP_TRIGGERS) off or back on. */
export async function setRollupTriggers(db: Database, enabled: boolean): Promise<void> {
  await db.withRawSession(async (session) => {
    for (const { table, trigger } of ROLLUP_TRIGGERS) {
      await session.exec(`alter table ${quoteIdent(table)} ${enabled ? 'enable' : 'disable'} trigger ${quoteIdent(trigger)}`);
    }
  });
}
