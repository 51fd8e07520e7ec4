import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../domain/outreach-views';
import { expandRecurrence } from '../../domain/recurrence';
import { holidayLabel, planHolidayDays } from './holiday-label';
import { checkEdit, initialEditValues } from './session-edit-values';

// Messages are i18n keys here; the test checks which field gets which message.
const t = ((key: string) => key) as unknown as TFunction;
const session: SessionView = {
  id: 's-1', siteId: 'site-1', seriesId: null, room: 'Ryhmätila', kind: 'reception', day: '2026-03-04', startsAt: '09:00', endsAt: '12:00',
  isCancelled: false, isAnnounced: true, publicNote: '', publicNoteTranslations: { en: 'In the afternoon' }, professionals: [{ userId: 'u-1', displayName: 'Hoitaja', profession: 'nurse', hours: 2.5 }],
};

describe('the session editor', () => {
  it('starts from the session as people write it and sends times, professionals and the announcement back', () => {
    const values = initialEditValues(session, 'fi');
    expect(values).toMatchObject({ startsAt: '9.00', endsAt: '12.00', professionalIds: ['u-1'], hours: { 'u-1': '2,5' }, isAnnounced: true, publicNoteTranslations: { sv: '', en: 'In the afternoon' } });
    const checked = checkEdit(t, { ...values, startsAt: '1300', endsAt: '15.30', professionalIds: ['u-1', 'u-2'], isAnnounced: false, publicNote: ' Iltapäivällä ', publicNoteTranslations: { sv: ' På eftermiddagen ', en: 'In the afternoon' } });
    expect(checked.errors).toEqual({});
    expect(checked.patch).toEqual({
      startsAt: '13:00', endsAt: '15:30', room: 'Ryhmätila', professionals: [{ userId: 'u-1', hours: 2.5 }, { userId: 'u-2' }], isAnnounced: false, publicNote: 'Iltapäivällä',
      publicNoteTranslations: { sv: 'På eftermiddagen', en: 'In the afternoon' },
    });
  });

  it('explains a time that is no time, an end before the start, and hours that are no number, on their fields', () => {
    const values = initialEditValues(session, 'fi');
    expect(checkEdit(t, { ...values, startsAt: 'aamulla' })).toEqual({ patch: null, errors: { 'session-starts-at': 'schedule.errors.time' } });
    expect(checkEdit(t, { ...values, startsAt: '13.00' }).errors).toEqual({ 'session-ends-at': 'schedule.errors.endsBeforeStartsTime' });
    expect(checkEdit(t, { ...values, hours: { 'u-1': 'kaksi' } }).errors).toEqual({ 'hours-u-1': 'schedule.errors.hours' });
  });
});

describe('holidays in the schedule', () => {
  it('names the holidays among a plan’s days once each, in the user’s language', () => {
    const thursdays = expandRecurrence({ recurrence: 'weekly', weekday: 4, startsOn: '2026-12-01', endsOn: '2026-12-31' });
    expect(planHolidayDays(thursdays)).toEqual(['2026-12-24']);
    expect(planHolidayDays(['2008-05-01', '2008-05-08'])).toEqual(['2008-05-01']);
    expect(holidayLabel('2008-05-01', 'fi')).toBe('vappu, helatorstai');
    expect(holidayLabel('2026-12-24', 'sv')).toBe('julafton');
    expect(holidayLabel('2026-12-23', 'en')).toBeNull();
  });
});
