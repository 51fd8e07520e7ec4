import { dateTimeFormat } from '../intl-cache.js';

/**
 * The only time-zone question in Silta — which calendar day an instant falls on. Finland is one time
 * zone, so "today" and "this month" are Helsinki's; everything after that is arithmetic on days.
 */

/** Silta's users are in Finland: "today" and "this month" are Helsinki's. */
export const SERVICE_TIME_ZONE = 'Europe/Helsinki';

/** The calendar day of an instant in a time zone, e.g. what "today" is in Helsinki. */
export function dayInTimeZone(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The Helsinki calendar day of an instant. */
export const helsinkiDay = (instant: Date): string => dayInTimeZone(instant, SERVICE_TIME_ZONE);
