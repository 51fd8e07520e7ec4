import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayInTimeZone, daysBetween, expandRecurrence, isCalendarDay, isoWeekday, MAX_PLAN_DAYS, planProblem } from './recurrence.js';

const day = fc.integer({ min: 0, max: 36_500 }).map((n) => addDays('2000-01-01', n));
const range = fc.tuple(day, fc.integer({ min: 0, max: MAX_PLAN_DAYS - 1 })).map(([startsOn, length]) => ({ startsOn, endsOn: addDays(startsOn, length) }));
const weekday = fc.integer({ min: 1, max: 7 });
const nth = fc.constantFrom(-1 as const, 1 as const, 2 as const, 3 as const, 4 as const);

/** Every day of the range, one by one: the slow, obviously right oracle. */
function everyDay(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  for (let d = startsOn; d <= endsOn; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The Nth weekday of a month found by counting through the whole month. */
function countedNth(month: string, wd: number, n: -1 | 1 | 2 | 3 | 4): string {
  const all = everyDay(`${month}-01`, addDays(`${month}-28`, 3)).filter((d) => d.startsWith(month) && isoWeekday(d) === wd);
  return n === -1 ? all[all.length - 1]! : all[n - 1]!;
}

describe('calendar days', () => {
  it('know real days from look-alikes', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-04-31')).toBe(false);
    expect(isCalendarDay('0000-01-01')).toBe(false);
    expect(isCalendarDay('2025-1-01')).toBe(false);
  });

  it('count weekdays the ISO way and step over month, year and leap-day ends', () => {
    expect(isoWeekday('2025-01-01')).toBe(3);
    expect(isoWeekday('2024-11-03')).toBe(7);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
  });

  it('tell which day it is in Helsinki around midnight, in winter and in summer time', () => {
    expect(dayInTimeZone(new Date('2025-01-15T21:30:00Z'), 'Europe/Helsinki')).toBe('2025-01-15');
    expect(dayInTimeZone(new Date('2025-01-15T22:30:00Z'), 'Europe/Helsinki')).toBe('2025-01-16');
    expect(dayInTimeZone(new Date('2025-06-15T21:30:00Z'), 'Europe/Helsinki')).toBe('2025-06-16');
  });
});

describe('recurrence expansion', () => {
  it('gives the pilot’s mid-month Wednesdays (3rd Wednesday, Nov 2024 – Apr 2025)', () => {
    // Counted by hand from a calendar: Nov 1 2024 is a Friday → Wednesdays 6, 13, 20; Dec 1 a Sunday → 4, 11, 18;
    // Jan 1 2025 a Wednesday → 1, 8, 15; Feb 1 and Mar 1 Saturdays → 5, 12, 19; Apr 1 a Tuesday → 2, 9, 16.
    const days = expandRecurrence({ recurrence: 'monthly_nth', weekday: 3, nth: 3, startsOn: '2024-11-01', endsOn: '2025-04-30' });
    expect(days).toEqual(['2024-11-20', '2024-12-18', '2025-01-15', '2025-02-19', '2025-03-19', '2025-04-16']);
  });

  it('gives the last Friday of each month and a one-off day', () => {
    expect(expandRecurrence({ recurrence: 'monthly_nth', weekday: 5, nth: -1, startsOn: '2025-01-01', endsOn: '2025-03-31' })).toEqual(['2025-01-31', '2025-02-28', '2025-03-28']);
    expect(expandRecurrence({ recurrence: 'one_off', startsOn: '2025-05-07' })).toEqual(['2025-05-07']);
  });

  it('gives the eight weekly Porinapirtti Tuesdays of two months', () => {
    expect(expandRecurrence({ recurrence: 'weekly', weekday: 2, startsOn: '2025-01-01', endsOn: '2025-02-28' })).toEqual([
      '2025-01-07', '2025-01-14', '2025-01-21', '2025-01-28', '2025-02-04', '2025-02-11', '2025-02-18', '2025-02-25',
    ]);
  });

  it('puts weekly sessions on the weekday, inside the range, 7 days apart, missing none', () => {
    fc.assert(
      fc.property(range, weekday, ({ startsOn, endsOn }, wd) => {
        const days = expandRecurrence({ recurrence: 'weekly', weekday: wd, startsOn, endsOn });
        expect(days.every((d) => isoWeekday(d) === wd && d >= startsOn && d <= endsOn)).toBe(true);
        days.slice(1).forEach((d, i) => expect(daysBetween(days[i]!, d)).toBe(7));
        expect(days).toEqual(everyDay(startsOn, endsOn).filter((d) => isoWeekday(d) === wd));
      }),
    );
  });

  it('puts monthly sessions on the Nth weekday, exactly once in each month where that day is in range', () => {
    fc.assert(
      fc.property(range, weekday, nth, ({ startsOn, endsOn }, wd, n) => {
        const days = expandRecurrence({ recurrence: 'monthly_nth', weekday: wd, nth: n, startsOn, endsOn });
        expect(days.every((d) => isoWeekday(d) === wd && d >= startsOn && d <= endsOn)).toBe(true);
        const months = [...new Set(everyDay(startsOn, endsOn).map((d) => d.slice(0, 7)))];
        const expected = months.map((m) => countedNth(m, wd, n)).filter((d) => d >= startsOn && d <= endsOn);
        expect(days).toEqual(expected);
        expect(new Set(days.map((d) => d.slice(0, 7))).size).toBe(days.length);
      }),
      { numRuns: 60 },
    );
  });

  it('accepts a plan of 366 days and refuses one of 367, or one that ends before it starts', () => {
    expect(planProblem({ recurrence: 'weekly', weekday: 1, startsOn: '2025-01-01', endsOn: '2026-01-01' })).toBeNull();
    expect(planProblem({ recurrence: 'weekly', weekday: 1, startsOn: '2025-01-01', endsOn: '2026-01-02' })).toMatch(/366/);
    expect(planProblem({ recurrence: 'weekly', weekday: 1, startsOn: '2025-01-02', endsOn: '2025-01-01' })).toMatch(/before/);
    expect(() => expandRecurrence({ recurrence: 'weekly', weekday: 1, startsOn: '2025-02-30', endsOn: '2025-03-30' })).toThrow(RangeError);
  });
});
