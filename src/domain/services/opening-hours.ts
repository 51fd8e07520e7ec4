import { addDays, holidayOn, isoWeekday, type Holiday } from '../calendar.js';
import type { OpeningHoursRules } from './description.js';

/** One day's opening as the public page shows it. */
export type DayOpening = {
  day: string;
  weekday: number;
  /** Periods open that day, in order; empty when closed. */
  periods: { opens: string; closes: string }[];
  /** Why the day differs from the weekly rule: a public holiday (named by the calendar) or the unit's exception. */
  reason: { kind: 'holiday'; holiday: Holiday } | { kind: 'exception'; note: { fi: string; sv: string; en: string } } | null;
};

/**
 * The opening of one day from the weekly rules, the exceptions and Finnish public holidays: an exception
 * for the day wins; otherwise a public holiday closes the location when the rules say so; otherwise the
 * weekly periods of that weekday apply. Eves (Christmas Eve, Midsummer Eve) are ordinary days unless an
 * exception says otherwise, as most units set their own eve hours.
 */
export function openingOn(rules: OpeningHoursRules, day: string): DayOpening {
  const weekday = isoWeekday(day);
  const exception = rules.exceptions.find((e) => e.day === day);
  if (exception) {
    const periods = exception.closed || !exception.opens || !exception.closes ? [] : [{ opens: exception.opens, closes: exception.closes }];
    return { day, weekday, periods, reason: { kind: 'exception', note: exception.note } };
  }
  const holiday = holidayOn(day);
  if (holiday && holiday.kind === 'public_holiday' && rules.closedOnPublicHolidays) return { day, weekday, periods: [], reason: { kind: 'holiday', holiday } };
  const periods = rules.weekly
    .filter((w) => w.weekday === weekday)
    .map((w) => ({ opens: w.opens, closes: w.closes }))
    .sort((a, b) => a.opens.localeCompare(b.opens));
  return { day, weekday, periods, reason: null };
}

/** The next `days` days from `from`, each with its opening. */
export function openingDays(rules: OpeningHoursRules, from: string, days: number): DayOpening[] {
  return Array.from({ length: days }, (_, i) => openingOn(rules, addDays(from, i)));
}

/** Days in the coming `days` that differ from the weekly rule (holidays and exceptions), for the public page. */
export function upcomingDifferences(rules: OpeningHoursRules, from: string, days: number): DayOpening[] {
  return openingDays(rules, from, days).filter((d) => d.reason !== null);
}
