import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { SERVICE_TIME_ZONE as TIME_ZONE } from '../../domain/calendar.js';

/**
 * Outreach days are Helsinki calendar days: an encounter at 01:30 local time on a summer night belongs
 * to that local day, not to the UTC day before. Dates travel as 'YYYY-MM-DD' strings.
 */
// Pure calendar arithmetic and the time zone itself live in Silta's one calendar, src/domain/calendar.ts;
// this file keeps only what must be SQL.
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
