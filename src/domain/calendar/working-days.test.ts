import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from './days.js';
import { holidayOn } from './holidays.js';
import { addWorkingDays, dueDay, isWorkingDay, nextWorkingDay, nthWorkingDayOfMonth, workingDaysBetween, type WorkingDaySettings } from './working-days.js';

const evesOff: WorkingDaySettings = { evesAreWorkingDays: false };
const evesOn: WorkingDaySettings = { evesAreWorkingDays: true };
const day = fc.integer({ min: 0, max: 365 * 80 }).map((n) => addDays('1990-01-01', n));
const settings = fc.constantFrom(evesOff, evesOn);

/** The slow, obviously right oracle: walk the days one by one. */
function countedWorkingDays(from: string, to: string, s: WorkingDaySettings): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    const holiday = holidayOn(d);
    if (isoWeekday(d) <= 5 && (!holiday || (holiday.kind === 'eve' && s.evesAreWorkingDays))) count += 1;
  }
  return count;
}

describe('working days', () => {
  it('are Monday to Friday without public holidays; the eves are days off unless the setting says otherwise', () => {
    expect(isWorkingDay('2026-06-18')).toBe(true); // Thursday before Midsummer
    expect(isWorkingDay('2026-06-19', evesOff)).toBe(false); // Midsummer Eve
    expect(isWorkingDay('2026-06-19', evesOn)).toBe(true);
    expect(isWorkingDay('2026-12-24', evesOff)).toBe(false); // Christmas Eve, a Thursday
    expect(isWorkingDay('2026-12-24', evesOn)).toBe(true);
    expect(isWorkingDay('2026-12-25', evesOn)).toBe(false); // Christmas Day
    expect(isWorkingDay('2026-05-14', evesOn)).toBe(false); // Ascension Day
    expect(isWorkingDay('2026-01-10')).toBe(false); // a Saturday
    expect(isWorkingDay('2026-12-24')).toBe(false); // default: eves off
  });

  it('count Easter and Christmas weeks the way a Finnish office does', () => {
    // Maundy Thursday 2 April 2026 + 3 working days: Good Friday and Easter Monday are off → Thu 9 April.
    expect(addWorkingDays('2026-04-02', 3)).toBe('2026-04-09');
    // Wed 23 Dec 2026 + 1: Christmas Eve, Christmas Day off, then the weekend, → Mon 28 Dec.
    expect(addWorkingDays('2026-12-23', 1, evesOff)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-23', 1, evesOn)).toBe('2026-12-24');
    // Seven working days from a contact on Mon 15 June 2026, across Midsummer: 16,17,18,22,23,24,25.
    expect(addWorkingDays('2026-06-15', 7)).toBe('2026-06-25');
    expect(workingDaysBetween('2026-06-15', '2026-06-25')).toBe(7);
    expect(workingDaysBetween('2026-06-15', '2026-06-25', evesOn)).toBe(8);
    expect(addWorkingDays('2026-04-09', -3)).toBe('2026-04-02');
  });

  it('workingDaysBetween counts what walking day by day counts, and undoes addWorkingDays', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), settings, (start, n, s) => {
        const end = addWorkingDays(start, n, s);
        expect(workingDaysBetween(start, end, s)).toBe(n);
        expect(workingDaysBetween(start, end, s)).toBe(end >= start ? countedWorkingDays(start, end, s) : -countedWorkingDays(addDays(end, -1), addDays(start, -1), s));
        if (n !== 0) expect(isWorkingDay(end, s)).toBe(true);
        expect(Math.sign(end.localeCompare(start))).toBe(Math.sign(n));
      }),
      { numRuns: 300 },
    );
  });

  it('never find more working days than weekdays, and never fewer with the eves counted in', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 120 }), (start, length) => {
        const end = addDays(start, length);
        const weekdays = countedWeekdays(start, end);
        const off = workingDaysBetween(start, end, evesOff);
        const on = workingDaysBetween(start, end, evesOn);
        expect(off <= on && on <= weekdays).toBe(true);
        // A year has at most 2 eves and 13 public days; a range shorter than a year loses at most that many.
        expect(weekdays - off).toBeLessThanOrEqual(length < 365 ? 15 : weekdays);
      }),
    );
  });

  it('move a day off to the next working day and find the nth working day of a month', () => {
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-28');
    expect(nextWorkingDay('2026-12-23')).toBe('2026-12-23');
    // January 2026: Thu 1st New Year, Fri 2nd, Mon 5th, Tue 6th Epiphany, Wed 7th …
    expect(nthWorkingDayOfMonth('2026-01', 1)).toBe('2026-01-02');
    expect(nthWorkingDayOfMonth('2026-01', 3)).toBe('2026-01-07');
    expect(nthWorkingDayOfMonth('2026-02', 20)).toBe('2026-02-27');
    expect(nthWorkingDayOfMonth('2026-02', 21)).toBeNull();
    expect(() => nthWorkingDayOfMonth('2026-02', 0)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-02', 1.5)).toThrow(RangeError);
  });

  it('give due days for limits in calendar days and in working days', () => {
    expect(dueDay('2026-12-17', { count: 7, unit: 'calendar_days' })).toBe('2026-12-24');
    expect(dueDay('2026-12-17', { count: 7, unit: 'calendar_days' }, evesOff, true)).toBe('2026-12-28');
    expect(dueDay('2026-12-17', { count: 7, unit: 'working_days' })).toBe('2026-12-30');
    expect(dueDay('2026-12-17', { count: 7, unit: 'working_days' }, evesOn)).toBe('2026-12-29');
  });
});

function countedWeekdays(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isoWeekday(d) <= 5) count += 1;
  return count;
}
