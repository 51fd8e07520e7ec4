import { eq } from 'drizzle-orm';
import type { Tx } from '../db/connect.js';
import { encounters, visitorCodes } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { parseVisitorCode } from '../visitor-codes/repo.js';
import type { EncounterRow } from './repo.js';

/**
 * Every change to a coded visitor's encounters recomputes the first visit over all of them, which
 * updates sibling rows in an order of its own. Two such transactions that first locked different
 * encounters of one code would then wait for each other (a deadlock on PostgreSQL). So each
 * transaction that touches a code's encounters first locks the code's row, before any encounter, and
 * several codes in code order: one of them waits at the start instead.
 *
 * Typed codes are normalised as the store does; one that does not parse is skipped (the write refuses
 * it later with its own message). Returns the codes locked.
 */
export async function lockVisitorCodes(tx: Tx, codes: (string | null | undefined)[]): Promise<string[]> {
  const parsed = codes.flatMap((typed) => {
    if (!typed?.trim()) return [];
    try {
      return [parseVisitorCode(typed)];
    } catch {
      return [];
    }
  });
  const sorted = [...new Set(parsed)].sort();
  for (const code of sorted) await tx.select({ code: visitorCodes.code }).from(visitorCodes).where(eq(visitorCodes.code, code)).for('update');
  return sorted;
}

// The encounter's code changed between the read and the lock; the transaction starts again.
class CodeMoved extends Error {}

/**
 * Runs `work` in a transaction holding the locks of the encounter's visitor code (and of `alsoCodes`,
 * such as a code an edit moves it to) and then the encounter's row itself, or null when it is gone.
 * The code is read before the transaction; if another edit changed it meanwhile, the transaction is
 * rolled back and begun again with the new code, so the locks are never taken out of order.
 */
export async function withEncounterLocked<T>(deps: Deps, encounterId: string, alsoCodes: (string | null | undefined)[], work: (tx: Tx, row: EncounterRow | null) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const [current] = await deps.db.orm.select({ visitorCode: encounters.visitorCode }).from(encounters).where(eq(encounters.id, encounterId));
    try {
      return await deps.db.orm.transaction(async (tx) => {
        const locked = await lockVisitorCodes(tx, [current?.visitorCode, ...alsoCodes]);
        const [row] = await tx.select().from(encounters).where(eq(encounters.id, encounterId)).for('update');
        if (row?.visitorCode && !locked.includes(row.visitorCode)) throw new CodeMoved();
        return work(tx, row ?? null);
      });
    } catch (error) {
      if (!(error instanceof CodeMoved) || attempt >= 5) throw error;
    }
  }
}
