import { eq } from 'drizzle-orm';
import { FUTURE_SKEW_MS, type EncounterErrorReason } from '../../domain/encounter-errors.js';
import type { Executor } from '../db/connect.js';
import { helsinkiDay } from '../db/helsinki-time.js';
import { outreachSessions } from '../db/schema-outreach.js';
import { AppError } from '../errors.js';

const refuse = (message: string, field: string, reason?: EncounterErrorReason) => new AppError('bad_request', message, reason ? { field, reason } : { field });

/** An encounter has happened: a time ahead of the server's clock by more than a device's drift is a mistake. */
export function assertNotInFuture(occurredAt: Date, now: Date): void {
  if (occurredAt.getTime() > now.getTime() + FUTURE_SKEW_MS) {
    throw refuse('An encounter cannot be dated in the future. Check the date and time.', 'occurredAt', 'occurred_in_future');
  }
}

/**
 * An encounter may belong to an outreach session, but only to one at its own site and on the Helsinki
 * day the encounter happened (a session is one day: anything else would count it in the wrong session).
 */
export async function assertSessionFits(ex: Executor, sessionId: string | null, siteId: string, occurredAt: Date): Promise<void> {
  if (sessionId === null) return;
  const [row] = await ex.select({ siteId: outreachSessions.siteId, day: outreachSessions.day }).from(outreachSessions).where(eq(outreachSessions.id, sessionId));
  if (!row || row.siteId !== siteId) throw refuse('The outreach session is not one of this site.', 'sessionId');
  if (helsinkiDay(occurredAt) !== row.day) {
    throw refuse(`The encounter must be dated on the day of its session (${row.day}).`, 'occurredAt', 'outside_session_day');
  }
}
