import { describe, expect, it } from 'vitest';
import { openingOn, upcomingDifferences } from './opening-hours.js';
import type { OpeningHoursRules } from './description.js';

const weekdays: OpeningHoursRules = {
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '15:00' })),
  exceptions: [],
  closedOnPublicHolidays: true,
};

describe('opening hours from weekly rules, exceptions and public holidays', () => {
  it('follows the weekly rule on an ordinary weekday and is closed at the weekend', () => {
    expect(openingOn(weekdays, '2026-03-10').periods).toEqual([{ opens: '09:00', closes: '15:00' }]);
    expect(openingOn(weekdays, '2026-03-14').periods).toEqual([]);
    expect(openingOn(weekdays, '2026-03-14').reason).toBeNull();
  });

  it('closes on a public holiday that falls on a weekday (Independence Day 2024, Good Friday 2026)', () => {
    const independence = openingOn(weekdays, '2024-12-06');
    expect(independence.periods).toEqual([]);
    expect(independence.reason).toMatchObject({ kind: 'holiday', holiday: { key: 'independence_day' } });
    const goodFriday = openingOn(weekdays, '2026-04-03');
    expect(goodFriday.periods).toEqual([]);
    expect(goodFriday.reason?.kind).toBe('holiday');
  });

  it('stays open on a holiday when the rules say holidays do not close it', () => {
    expect(openingOn({ ...weekdays, closedOnPublicHolidays: false }, '2024-12-06').periods).toHaveLength(1);
  });

  it('lets an exception win over both the weekly rule and a holiday', () => {
    const rules: OpeningHoursRules = {
      ...weekdays,
      exceptions: [
        { day: '2024-12-06', closed: false, opens: '10:00', closes: '12:00', note: { fi: 'Itsenäisyyspäivän kahvit', sv: '', en: '' } },
        { day: '2026-03-10', closed: true, note: { fi: 'Koulutuspäivä', sv: '', en: '' } },
      ],
    };
    expect(openingOn(rules, '2024-12-06').periods).toEqual([{ opens: '10:00', closes: '12:00' }]);
    expect(openingOn(rules, '2026-03-10').periods).toEqual([]);
    expect(openingOn(rules, '2026-03-10').reason?.kind).toBe('exception');
  });

  it('lists the coming days that differ from the weekly rule', () => {
    const days = upcomingDifferences(weekdays, '2026-12-20', 14).map((d) => d.day);
    // Christmas Day, Boxing Day (a Saturday: still a holiday), New Year's Day.
    expect(days).toEqual(['2026-12-25', '2026-12-26', '2027-01-01']);
  });
});
