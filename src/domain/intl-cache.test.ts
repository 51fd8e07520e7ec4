import { describe, expect, it } from 'vitest';
import { dateTimeFormat, listFormat, numberFormat } from './intl-cache.js';
import { helsinkiDay } from './calendar/time-zone.js';

describe('intl cache', () => {
  it('gives the same formatter for the same locale and options, and a different one otherwise', () => {
    const a = dateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric' });
    expect(dateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric' })).toBe(a);
    expect(dateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', year: 'numeric' })).not.toBe(a);
    expect(dateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric' })).not.toBe(a);
    expect(numberFormat('fi-FI', { maximumFractionDigits: 1 })).toBe(numberFormat('fi-FI', { maximumFractionDigits: 1 }));
    expect(listFormat('fi', { type: 'conjunction' })).toBe(listFormat('fi', { type: 'conjunction' }));
  });

  it('formats as a fresh formatter does', () => {
    const instant = new Date('2026-12-06T22:30:00Z');
    expect(helsinkiDay(instant)).toBe('2026-12-07');
    expect(numberFormat('fi-FI', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(1.25)).toBe(
      new Intl.NumberFormat('fi-FI', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(1.25),
    );
  });
});
