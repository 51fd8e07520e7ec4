import { addDays, daysBetween } from '../../domain/recurrence.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { today } from '../sessions/calendar.js';

/** The days staff may log now: today and up to `SILTA_DAYLOG_BACKDATE_DAYS` days back (Helsinki days). */
export type WritableDays = { from: string; to: string };

export function writableDays(deps: Deps): WritableDays {
  const to = today(deps);
  return { from: addDays(to, -deps.config.daylogBackdateDays), to };
}

/**
 * Refuses a day outside the window with a 400 that says why. Returns how many days back the day is
 * (0 for today), which the audit row records. The future is refused: a count of meals or visitors
 * cannot be known before the day, and a planned closure belongs in the announcements.
 */
export function checkWritableDay(deps: Deps, day: string): number {
  const window = writableDays(deps);
  if (day > window.to) throw new AppError('bad_request', 'A day in the future cannot be logged yet.', { field: 'day', reason: 'future' });
  if (day < window.from) {
    throw new AppError('bad_request', `Only the last ${deps.config.daylogBackdateDays} days can be logged; ${day} is too far back.`, { field: 'day', reason: 'too_far_back', from: window.from });
  }
  return daysBetween(day, window.to);
}
