import { describe, expect, it } from 'vitest';
import type { Announcement } from '../../domain/outreach-views';
import { entriesOf, groupByWeek, isoWeekNumber, parseMonth, shiftMonth } from './announcement-text';

const announcement: Announcement = {
  site: { id: 's', name: 'Päiväkeskus', address: 'Katu 1' },
  sessions: [
    { day: '2026-12-08', startsAt: '13:00', endsAt: '15:30', room: 'Sali', kind: 'reception', publicNote: '', professions: ['nurse'] },
    { day: '2026-12-01', startsAt: '09:00', endsAt: '12:00', room: '', kind: 'reception', publicNote: '', professions: ['nurse', 'social_worker'] },
  ],
  groups: [{ day: '2026-12-01', startsAt: '08:30', endsAt: '09:30', room: 'Kerho', name: 'Aamuryhmä', theme: null, description: '' }],
};

describe('announcement texts', () => {
  it('number ISO weeks across a new year', () => {
    expect(isoWeekNumber('2026-12-01')).toBe(49);
    expect(isoWeekNumber('2027-01-01')).toBe(53); // a Friday in the last week of 2026
    expect(isoWeekNumber('2027-01-04')).toBe(1);
    expect(isoWeekNumber('2025-12-29')).toBe(1); // Monday of 2026's first week
  });

  it('merge sessions and groups in time order and group them by week', () => {
    const weeks = groupByWeek(entriesOf(announcement));
    expect(weeks.map((w) => [w.number, w.monday, w.sunday])).toEqual([
      [49, '2026-11-30', '2026-12-06'],
      [50, '2026-12-07', '2026-12-13'],
    ]);
    expect(weeks[0]!.entries.map((e) => [e.type, e.startsAt])).toEqual([['group', '08:30'], ['session', '09:00']]);
    expect(weeks[1]!.entries.map((e) => e.day)).toEqual(['2026-12-08']);
  });

  it('accept only real months in the poster address and step across years', () => {
    expect(parseMonth('2026-12')).toBe('2026-12');
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('12-2026')).toBeNull();
    expect(parseMonth(null)).toBeNull();
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });
});
