import { describe, expect, it } from 'vitest';
import { freshnessParts, oldestFreshness } from './freshness-line';

describe('report freshness line', () => {
  it('writes the time in Helsinki in each language', () => {
    // 08:31 UTC in December is 10:31 in Helsinki.
    expect(freshnessParts('2026-12-07T08:31:05.000Z', 'fi')).toEqual({ day: '7.12.2026', time: '10.31' });
    // Swedish in Finland writes the time as Finnish does (the app's one format, domain/date-format).
    expect(freshnessParts('2026-12-07T08:31:05.000Z', 'sv').time).toBe('10.31');
    expect(freshnessParts('2026-12-07T08:31:05.000Z', 'en')).toEqual({ day: '7 Dec 2026', time: '10:31' });
    // Past midnight in Helsinki, still the day before in UTC.
    expect(freshnessParts('2026-06-30T22:05:00.000Z', 'fi')).toEqual({ day: '1.7.2026', time: '1.05' });
  });

  it('takes the oldest of a comparison, and nothing when a part has not been folded', () => {
    expect(oldestFreshness([{ figuresAsOf: '2026-12-07T08:31:05.000Z' }, { figuresAsOf: '2026-12-07T08:30:59.000Z' }])).toBe('2026-12-07T08:30:59.000Z');
    expect(oldestFreshness([{ figuresAsOf: '2026-12-07T08:31:05.000Z' }, { figuresAsOf: null }])).toBeNull();
    expect(oldestFreshness([{}])).toBeNull();
  });
});
