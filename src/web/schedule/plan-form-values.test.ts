import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { monthWeeks, shiftMonth } from './dates';
import { emptyPlan, validatePlan } from './plan-form-values';

// Messages are i18n keys here; the test checks which field gets which message.
const t = ((key: string) => key) as unknown as TFunction;
const base = emptyPlan('site-1', '2026-03-18', ['user-1']);

describe('the plan form', () => {
  it('starts as a weekly plan from today on today’s weekday, with today’s week of the month for a monthly plan', () => {
    expect(base).toMatchObject({ recurrence: 'weekly', weekday: 3, nth: '3', startsOn: '18.3.2026', endsOn: '31.5.2026', startsAt: '9.00', endsAt: '12.00' });
    expect(emptyPlan('s', '2026-03-30', []).nth).toBe('-1');
  });

  it('turns typed dates and times into the API plan and lists the mid-month Wednesdays it makes', () => {
    const checked = validatePlan(t, { ...base, recurrence: 'monthly_nth', startsOn: '1.3.2026', endsOn: '30.6.2026', startsAt: '10', endsAt: '14.30', room: 'Neuvotteluhuone', publicNote: '  Tervetuloa  ', publicNoteTranslations: { sv: ' Välkommen ', en: '' } });
    expect(checked.errors).toEqual({});
    expect(checked.plan).toEqual({
      recurrence: 'monthly_nth', startsOn: '2026-03-01', endsOn: '2026-06-30', weekday: 3, nth: 3, startsAt: '10:00', endsAt: '14:30',
      room: 'Neuvotteluhuone', professionals: [{ userId: 'user-1' }], publicNote: 'Tervetuloa', publicNoteTranslations: { sv: 'Välkommen', en: '' }, isAnnounced: true,
    });
    expect(checked.days).toEqual(['2026-03-18', '2026-04-15', '2026-05-20', '2026-06-17']);
  });

  it('sends a one-off plan without weekday, nth or end date', () => {
    const checked = validatePlan(t, { ...base, recurrence: 'one_off', startsOn: '5.3.2026', endsOn: 'not a date' });
    expect(checked.errors).toEqual({});
    expect(checked.plan).not.toHaveProperty('endsOn');
    expect(checked.plan).not.toHaveProperty('weekday');
    expect(checked.days).toEqual(['2026-03-05']);
  });

  it('points each mistake at its field and sends nothing', () => {
    const checked = validatePlan(t, { ...base, startsOn: '31.2.2026', endsOn: '', startsAt: '25.00', endsAt: '9.00' });
    expect(checked.plan).toBeNull();
    expect(checked.errors).toEqual({ 'plan-starts-on': 'schedule.errors.date', 'plan-ends-on': 'schedule.errors.endsOnRequired', 'plan-starts-at': 'schedule.errors.time' });
    expect(validatePlan(t, { ...base, startsAt: '12.00', endsAt: '9.00' }).errors).toEqual({ 'plan-ends-at': 'schedule.errors.endsBeforeStartsTime' });
    expect(validatePlan(t, { ...base, startsOn: '1.3.2026', endsOn: '2.3.2027' }).errors).toEqual({ 'plan-ends-on': 'schedule.errors.tooLong' });
    // A range without the chosen weekday makes no session: said so, not sent.
    expect(validatePlan(t, { ...base, weekday: 5, startsOn: '2.3.2026', endsOn: '4.3.2026' })).toMatchObject({ plan: null, errors: { 'plan-ends-on': 'schedule.errors.noDays' } });
  });
});

describe('calendar helpers', () => {
  it('moves between months across years', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });

  it('lays a month out in Monday-first weeks with the other months’ days blank', () => {
    const weeks = monthWeeks('2026-03');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(weeks[5]).toEqual(['2026-03-30', '2026-03-31', null, null, null, null, null]);
  });
});
