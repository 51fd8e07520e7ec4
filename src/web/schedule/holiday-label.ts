import { holidaysAmong, holidaysOn } from '../../domain/calendar/holidays';
import type { Locale } from '../../domain/org';

/**
 * "loppiainen", or null on an ordinary day: the names of the public holidays and eves on `day`.
 * Imported from the holidays file itself, so only the schedule pages carry the table.
 */
export function holidayLabel(day: string, locale: Locale): string | null {
  const names = holidaysOn(day).map((h) => h.name[locale]);
  return names.length === 0 ? null : names.join(', ');
}

/** The plan's days that fall on a public holiday or an eve, once each, in the plan's order. */
export function planHolidayDays(days: string[]): string[] {
  return [...new Set(holidaysAmong(days).map((h) => h.day))];
}
