import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDayMonth,
  formatMonth,
  formatTime,
  formatTimeRange,
  formatWeekday,
  formatWeekdayDate,
  helsinkiClock,
  helsinkiDate,
  monthNames,
  parseClock,
  weekdayNames,
} from './date-format';

describe('one date and time format', () => {
  it('writes Finnish dates and times with dots and an en dash', () => {
    expect(formatDate('2026-12-07', 'fi')).toBe('7.12.2026');
    expect(formatTimeRange('09:00', '12:00', 'fi')).toBe('9.00–12.00');
    expect(formatDateRange('2026-12-07', '2026-12-09', 'fi')).toBe('7.12.2026–9.12.2026');
    expect(formatDateTime('2026-12-07T07:05:00Z', 'fi')).toBe('7.12.2026 9.05');
  });

  it('writes Swedish (sv-FI) the same way as Finnish', () => {
    expect(formatDate('2026-12-07', 'sv')).toBe('7.12.2026');
    expect(formatTimeRange('09:00', '12:00:00', 'sv')).toBe('9.00–12.00');
    expect(formatDateRange('2026-01-31', '2026-02-01', 'sv')).toBe('31.1.2026–1.2.2026');
  });

  it('writes English in the en-GB way', () => {
    expect(formatDate('2026-12-07', 'en')).toBe('7 Dec 2026');
    expect(formatTimeRange('09:00', '12:00', 'en')).toBe('9:00–12:00');
    expect(formatDateRange('2026-12-07', '2026-12-09', 'en')).toBe('7 Dec 2026 – 9 Dec 2026');
    expect(formatTime('2026-12-07T07:05:00Z', 'en')).toBe('9:05');
  });

  it('gives one day once, and keeps minutes two digits', () => {
    expect(formatDateRange('2026-12-07', '2026-12-07', 'fi')).toBe('7.12.2026');
    expect(formatClock('8:5', 'fi')).toBe('8.05');
  });

  it('shows instants in Helsinki time across a daylight-saving change and midnight', () => {
    // 29 March 2026: clocks go from 3.00 to 4.00 in Helsinki.
    expect(helsinkiClock('2026-03-29T00:30:00Z')).toBe('02:30');
    expect(helsinkiClock('2026-03-29T01:30:00Z')).toBe('04:30');
    expect(helsinkiDate('2026-12-06T22:30:00Z')).toBe('2026-12-07');
    expect(formatDateTime(new Date('2026-12-06T22:30:00Z'), 'sv')).toBe('7.12.2026 0.30');
  });

  it('reads a typed time back in every written form', () => {
    expect(['9', '9.30', '9:30', '09.30', ' 23.59 '].map(parseClock)).toEqual(['09:00', '09:30', '09:30', '09:30', '23:59']);
    expect(['24.00', '9.60', '9,30', '', 'nine'].map(parseClock)).toEqual([null, null, null, null, null]);
  });

  it('puts the weekday before the day, with or without the year', () => {
    expect(formatWeekdayDate('2026-12-07', 'fi')).toBe('ma 7.12.2026');
    expect(formatWeekdayDate('2026-12-08', 'sv', { weekday: 'long' })).toBe('tisdag 8.12.2026');
    expect(formatWeekdayDate('2026-12-07', 'en')).toBe('Mon 7 Dec 2026');
    expect(formatWeekdayDate('2026-12-07', 'fi', { year: false })).toBe('ma 7.12.');
    expect(formatWeekdayDate('2026-12-13', 'en', { weekday: 'long', year: false })).toBe('Sunday 13 Dec');
    expect(formatDayMonth('2026-01-31', 'sv')).toBe('31.1.');
  });

  it('names weekdays Monday first and months January first, in each language', () => {
    expect(weekdayNames('fi')).toEqual(['ma', 'ti', 'ke', 'to', 'pe', 'la', 'su']);
    expect(weekdayNames('sv', 'long')[0]).toBe('måndag');
    expect(weekdayNames('en', 'long')[6]).toBe('Sunday');
    expect(monthNames('fi')[0]).toBe('tammikuu');
    expect(monthNames('sv')[11]).toBe('december');
    expect(monthNames('en')).toHaveLength(12);
    expect(formatWeekday('2026-12-09', 'fi', 'long')).toBe('keskiviikko');
  });

  it('writes a month with its year', () => {
    expect(formatMonth('2026-12', 'fi')).toBe('joulukuu 2026');
    expect(formatMonth('2026-03', 'sv')).toBe('mars 2026');
    expect(formatMonth('2026-03', 'en')).toBe('March 2026');
  });

  it('adds seconds to a time only when asked, in Helsinki time', () => {
    expect(formatDateTime('2026-12-07T07:05:09Z', 'fi', { seconds: true })).toBe('7.12.2026 9.05.09');
    expect(formatDateTime('2026-07-01T21:00:00Z', 'en', { seconds: true })).toBe('2 Jul 2026 0:00:00');
    expect(formatClock('13:05:30', 'sv', true)).toBe('13.05.30');
    expect(formatClock('13:05:30', 'en')).toBe('13:05');
  });
});
