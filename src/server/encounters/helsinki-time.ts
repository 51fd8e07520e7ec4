import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * Outreach days are Helsinki calendar days: an encounter at 01:30 local time on a summer night belongs
 * to that local day, not to the UTC day before. Dates travel as 'YYYY-MM-DD' strings.
 */
export const TIME_ZONE = 'Europe/Helsinki';

const dayParts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Helsinki calendar day of an instant, as 'YYYY-MM-DD'. */
export function helsinkiDay(at: Date): string {
  const parts = Object.fromEntries(dayParts.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Calendar arithmetic on 'YYYY-MM-DD' (no time zone involved: a day is a day). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (0 when equal). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

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
