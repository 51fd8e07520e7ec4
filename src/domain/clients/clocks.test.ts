import { describe, expect, it } from 'vitest';
import { helsinkiDay } from '../calendar.js';
import { addMonths, deadlinesFor, deadlineStatus, dueOn } from './clocks.js';

/** The three default deadlines of a contact in one of the groups SHL 36 § 2 names. */
const dues = (instant: string) => Object.fromEntries(deadlinesFor(new Date(instant), true).map((d) => [d.clockKey, d.dueOn]));

// Every expected day below was counted by hand on a printed calendar, not with the module under test.
describe('process clocks over the real calendar', () => {
  it('counts a contact on Maundy Thursday past Good Friday and Easter Monday in working days, straight on in calendar days', () => {
    // Easter 2026 is 5 April: Maundy Thursday 2.4., Good Friday 3.4., Easter Monday 6.4.
    expect(dues('2026-04-02T10:00:00+03:00')).toEqual({
      local_assessment_start: '2026-04-09',
      shl36_assessment_start: '2026-04-15',
      shl36_assessment_complete: '2026-07-02',
    });
  });

  it('counts across New Year past New Year\'s Day and Epiphany', () => {
    expect(dues('2026-12-30T14:00:00+02:00')).toEqual({
      local_assessment_start: '2027-01-06',
      shl36_assessment_start: '2027-01-12',
      shl36_assessment_complete: '2027-03-30',
    });
    // Half an hour after midnight in Helsinki is still 31 December in UTC: the Helsinki day counts.
    expect(dues('2026-12-31T22:30:00Z')).toEqual({
      local_assessment_start: '2027-01-08',
      shl36_assessment_start: '2027-01-13',
      shl36_assessment_complete: '2027-04-01',
    });
  });

  it('counts Christmas Eve as a day off unless the deployment says eves are working days', () => {
    expect(dueOn('2026-12-23', { count: 7, unit: 'working_days' })).toBe('2027-01-07');
    expect(dueOn('2026-12-23', { count: 7, unit: 'working_days' }, { evesAreWorkingDays: true })).toBe('2027-01-05');
  });

  it('reads a contact made in the night of a daylight-saving change on its Helsinki day', () => {
    // Clocks go forward 29.3.2026 at 03:00: 00:30 that night is 22:30 UTC the day before.
    expect(dues('2026-03-28T22:30:00Z')).toEqual({
      local_assessment_start: '2026-04-05',
      shl36_assessment_start: '2026-04-09',
      shl36_assessment_complete: '2026-06-29',
    });
    // Clocks go back 25.10.2026 at 04:00: 00:30 that night is 21:30 UTC the day before.
    expect(dues('2026-10-24T21:30:00Z')).toEqual({
      local_assessment_start: '2026-11-01',
      shl36_assessment_start: '2026-11-03',
      shl36_assessment_complete: '2027-01-25',
    });
    // The 23-hour day: a contact just before the change and one just after fall on the same day.
    expect(dues('2026-03-29T00:59:00Z')).toEqual(dues('2026-03-28T22:01:00Z'));
  });

  it('counts a deadline whose days run across a daylight-saving change, in calendar and working days', () => {
    // Thursday 26.3., clocks forward on Sunday 29.3.; the working days then also skip Good Friday and Easter Monday.
    expect(dues('2026-03-26T10:00:00+02:00')).toEqual({
      local_assessment_start: '2026-04-02',
      shl36_assessment_start: '2026-04-08',
      shl36_assessment_complete: '2026-06-26',
    });
    // Thursday 22.10., clocks back on Sunday 25.10.; All Saints' Day 2026 is a Saturday and moves nothing.
    expect(dues('2026-10-22T15:00:00+03:00')).toEqual({
      local_assessment_start: '2026-10-29',
      shl36_assessment_start: '2026-11-02',
      shl36_assessment_complete: '2027-01-22',
    });
  });

  it('turns a step due on the day of a daylight-saving change overdue at Helsinki midnight, not UTC midnight', () => {
    const status = (dueOnDay: string, instant: string) => deadlineStatus({ dueOn: dueOnDay, metOn: null }, helsinkiDay(new Date(instant)));
    // A contact on Sunday 22.3. is due on Sunday 29.3., the 23-hour day (summer time from 03:00).
    const spring = dueOn('2026-03-22', { count: 7, unit: 'calendar_days' });
    expect(spring).toBe('2026-03-29');
    expect(status(spring, '2026-03-29T20:59:00Z')).toBe('due_soon'); // 23:59 summer time
    expect(status(spring, '2026-03-29T21:00:00Z')).toBe('overdue'); // 00:00 on Monday 30.3.
    // A contact on Sunday 18.10. is due on Sunday 25.10., the 25-hour day (winter time from 04:00).
    const autumn = dueOn('2026-10-18', { count: 7, unit: 'calendar_days' });
    expect(autumn).toBe('2026-10-25');
    expect(status(autumn, '2026-10-25T21:59:00Z')).toBe('due_soon'); // 23:59 winter time
    expect(status(autumn, '2026-10-25T22:00:00Z')).toBe('overdue');
  });

  it('counts working days from a contact on Maundy Thursday for a clock of any length', () => {
    // Good Friday 3.4. and Easter Monday 6.4. are not working days: the 1st is Tuesday 7.4.
    expect(dueOn('2026-04-02', { count: 1, unit: 'working_days' })).toBe('2026-04-07');
    expect(dueOn('2026-04-02', { count: 10, unit: 'working_days' })).toBe('2026-04-20');
    expect(dueOn('2026-04-02', { count: 3, unit: 'calendar_days' })).toBe('2026-04-05');
  });

  it('stops a clock its process ended before it was met', () => {
    expect(deadlineStatus({ dueOn: '2026-04-09', metOn: null, stoppedOn: '2026-04-05' }, '2026-05-01')).toBe('stopped');
    expect(deadlineStatus({ dueOn: '2026-04-09', metOn: '2026-04-08', stoppedOn: null }, '2026-05-01')).toBe('met');
  });

  it('starts the working-day clock only for the groups the Act names', () => {
    expect(deadlinesFor(new Date('2026-04-02T10:00:00+03:00'), false).map((d) => d.clockKey)).toEqual(['local_assessment_start', 'shl36_assessment_complete']);
  });

  it('moves by months to the last day of a shorter month', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-10-15', 3)).toBe('2027-01-15');
  });

  it('says met, late, overdue, due soon or running', () => {
    const due = { dueOn: '2026-04-15', metOn: null };
    expect(deadlineStatus(due, '2026-04-10')).toBe('running');
    expect(deadlineStatus(due, '2026-04-13')).toBe('due_soon');
    expect(deadlineStatus(due, '2026-04-15')).toBe('due_soon');
    expect(deadlineStatus(due, '2026-04-16')).toBe('overdue');
    expect(deadlineStatus({ dueOn: '2026-04-15', metOn: '2026-04-15' }, '2026-05-01')).toBe('met');
    expect(deadlineStatus({ dueOn: '2026-04-15', metOn: '2026-04-16' }, '2026-05-01')).toBe('late');
  });
});
