import { addDays, isoWeekday, monthBounds } from '../../domain/calendar';
import type { Locale } from '../../domain/org';
import type { Announcement } from '../../domain/outreach-views';
import { listFormat } from '../../domain/intl-cache';

/**
 * Weeks, months and timetable entries for visitors. The dates and times themselves are written by
 * domain/date-format, the same way as everywhere else in Silta ("1.12.", "9.00–12.00").
 * Pure functions of calendar strings, so the page reads the same in every time zone.
 */

const utcDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** The ISO week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekNumber(day: string): number {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const yearStart = `${thursday.slice(0, 4)}-01-01`;
  const dayOfYear = Math.round((utcDate(thursday).getTime() - utcDate(yearStart).getTime()) / 86_400_000);
  return Math.floor(dayOfYear / 7) + 1;
}

/** The Monday of the day's week. */
export const weekMonday = (day: string): string => addDays(day, 1 - isoWeekday(day));

/** "sairaanhoitaja ja sosiaalityöntekijä": names joined the way the language lists things. */
export function joinList(items: string[], locale: Locale): string {
  return listFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** A month as 'YYYY-MM', or null when the text is not one. */
export function parseMonth(text: string | null): string | null {
  if (text === null || !/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) return null;
  const year = Number(text.slice(0, 4));
  return year >= 1900 && year <= 2999 ? text : null;
}

/** The month before or after 'YYYY-MM'. */
export function shiftMonth(month: string, by: -1 | 1): string {
  const { first, last } = monthBounds(month);
  return (by === 1 ? addDays(last, 1) : addDays(first, -1)).slice(0, 7);
}

type SessionItem = Announcement['sessions'][number];
type GroupItem = Announcement['groups'][number];
/** One line of the timetable: an outreach session or an open group, in time order. */
export type Entry = { key: string; day: string; startsAt: string; endsAt: string; room: string } & (
  | { type: 'session'; session: SessionItem }
  | { type: 'group'; group: GroupItem }
);

export function entriesOf(announcement: Announcement): Entry[] {
  const entries: Entry[] = [
    ...announcement.sessions.map((session, i): Entry => ({ key: `s${i}`, day: session.day, startsAt: session.startsAt, endsAt: session.endsAt, room: session.room, type: 'session', session })),
    ...announcement.groups.map((group, i): Entry => ({ key: `g${i}`, day: group.day, startsAt: group.startsAt, endsAt: group.endsAt, room: group.room, type: 'group', group })),
  ];
  return entries.sort((a, b) => a.day.localeCompare(b.day) || a.startsAt.localeCompare(b.startsAt) || a.key.localeCompare(b.key));
}

export type Week = { monday: string; sunday: string; number: number; entries: Entry[] };

/** Entries grouped by ISO week, weeks in order. */
export function groupByWeek(entries: Entry[]): Week[] {
  const weeks = new Map<string, Week>();
  for (const entry of entries) {
    const monday = weekMonday(entry.day);
    let week = weeks.get(monday);
    if (!week) {
      week = { monday, sunday: addDays(monday, 6), number: isoWeekNumber(entry.day), entries: [] };
      weeks.set(monday, week);
    }
    week.entries.push(entry);
  }
  return [...weeks.values()].sort((a, b) => a.monday.localeCompare(b.monday));
}
