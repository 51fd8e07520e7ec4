import type { DaylogView } from '../../domain/outreach-views';

/** One calendar day of the month view: its log entry (null when nobody logged it) and whether outreach was there. */
export type MonthDay = { day: string; entry: DaylogView | null; hasSession: boolean };

/** How many days `month` ('YYYY-MM') has; day 0 of the next month is the last day of this one. */
export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

/** Every day of the month as 'YYYY-MM-DD'. */
export function daysOfMonth(month: string): string[] {
  return Array.from({ length: daysInMonth(month) }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** First and last day of the month, for a from/to query. */
export function monthRange(month: string): { from: string; to: string } {
  const days = daysOfMonth(month);
  return { from: days[0] ?? `${month}-01`, to: days[days.length - 1] ?? `${month}-01` };
}

/**
 * Every day of the month with its entry, so that days without an entry show as gaps instead of
 * disappearing. Entries of other months (should the server send any) are left out.
 */
export function monthGrid(month: string, entries: readonly DaylogView[], sessionDays: ReadonlySet<string> = new Set()): MonthDay[] {
  const byDay = new Map(entries.map((e) => [e.day, e]));
  return daysOfMonth(month).map((day) => ({ day, entry: byDay.get(day) ?? null, hasSession: sessionDays.has(day) }));
}

/** How the opening hours went that day, as a key the page translates. */
export type HoursKind = 'none' | 'closed' | 'changed' | 'normal';

export function hoursKind(entry: DaylogView | null): HoursKind {
  if (entry === null) return 'none';
  if (entry.isClosed) return 'closed';
  return entry.openedAt !== null || entry.closedAt !== null ? 'changed' : 'normal';
}
