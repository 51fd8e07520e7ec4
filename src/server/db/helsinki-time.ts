import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * Outreach days are Helsinki calendar days: an encounter at 01:30 local time on a summer night belongs
 * to that local day, not to the UTC day before. Dates travel as 'YYYY-MM-DD' strings.
 */
export const TIME_ZONE = 'Europe/Helsinki';

// Pure calendar arithmetic is shared with the rest of Silta in src/domain/calendar.ts.
export { addDays, daysBetween, helsinkiDay } from '../../domain/calendar.js';

/**
 * The instant a Helsinki day starts, computed by the database so that daylight-saving changes follow
 * its time-zone data. Comparing a timestamptz column with it keeps the (site_id, occurred_at) index usable.
 */
export const helsinkiDayStart = (day: string): SQL => sql`(${day}::date::timestamp at time zone ${TIME_ZONE})`;

/** The Helsinki day of a timestamptz column, as 'YYYY-MM-DD' text. */
export const helsinkiDayOf = (column: SQLWrapper): SQL<string> => sql<string>`to_char(${column} at time zone ${TIME_ZONE}, 'YYYY-MM-DD')`;

export { isRealDay } from '../../domain/outreach.js';

/** Encounters happen in this century; a year 0000 timestamp would pass the ISO pattern but not PostgreSQL. */
export function isPlausibleInstant(at: string): boolean {
  const year = new Date(at).getUTCFullYear();
  return year >= 2000 && year <= 2999;
}
