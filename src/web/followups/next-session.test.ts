import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../domain/outreach-views';
import { nextSession } from './next-session';

const session = (id: string, day: string, startsAt: string, endsAt: string, isCancelled = false): SessionView => ({
  id, siteId: 's', seriesId: null, room: 'A', kind: 'reception', day, startsAt, endsAt, isCancelled, isAnnounced: true, publicNote: '', professionals: [],
});

describe('the next session of a site', () => {
  const today = '2026-11-24';
  it('is today’s session while it runs, and a later one once it has ended', () => {
    const sessions = [session('later', '2026-11-26', '10:00', '12:00'), session('today', today, '09:00', '12:00')];
    expect(nextSession(sessions, today, '11:59')?.id).toBe('today');
    expect(nextSession(sessions, today, '12:00')?.id).toBe('later');
  });

  it('skips cancelled sessions and past days; none left is null', () => {
    const sessions = [session('past', '2026-11-20', '09:00', '12:00'), session('cancelled', '2026-11-25', '09:00', '12:00', true), session('next', '2026-12-01', '13:00', '15:00')];
    expect(nextSession(sessions, today, '08:00')?.id).toBe('next');
    expect(nextSession(sessions.slice(0, 2), today, '08:00')).toBeNull();
  });
});
