import { describe, expect, it } from 'vitest';
import { helsinkiInstant, isWithinOpeningHours, nextOpening, type WeeklyOpening } from './opening.js';

const fridays: WeeklyOpening[] = [{ weekday: 5, from: '12:00', to: '14:00' }];

describe('chat opening hours', () => {
  it('finds the instant of a Helsinki wall-clock time in winter and in summer', () => {
    expect(helsinkiInstant('2026-01-16', '12:00').toISOString()).toBe('2026-01-16T10:00:00.000Z');
    expect(helsinkiInstant('2026-07-03', '12:00').toISOString()).toBe('2026-07-03T09:00:00.000Z');
  });

  it('is open only within the weekly hours', () => {
    expect(isWithinOpeningHours(new Date('2026-01-16T10:30:00Z'), fridays)).toBe(true);
    expect(isWithinOpeningHours(new Date('2026-01-16T12:00:00Z'), fridays)).toBe(false);
    expect(isWithinOpeningHours(new Date('2026-01-15T10:30:00Z'), fridays)).toBe(false);
  });

  it('is closed on a public holiday that falls on an opening day (Good Friday 2026)', () => {
    expect(isWithinOpeningHours(new Date('2026-04-03T09:30:00Z'), fridays)).toBe(false);
    expect(nextOpening(new Date('2026-04-02T12:00:00Z'), fridays)?.from.toISOString()).toBe('2026-04-10T09:00:00.000Z');
  });

  it('names the next opening, or none when the chat has no hours', () => {
    expect(nextOpening(new Date('2026-01-16T11:00:00Z'), fridays)?.from.toISOString()).toBe('2026-01-23T10:00:00.000Z');
    expect(nextOpening(new Date('2026-01-16T11:00:00Z'), [])).toBeNull();
  });
});
