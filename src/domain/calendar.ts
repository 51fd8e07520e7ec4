/**
 * Silta's one calendar: Helsinki days, calendar-day arithmetic, working days and Finnish public
 * holidays. Every deadline and schedule counts days through this module; the pieces live in
 * ./calendar/ (days, time zone, holidays, working days).
 */
export * from './calendar/days.js';
export * from './calendar/time-zone.js';
export * from './calendar/holidays.js';
export * from './calendar/working-days.js';
