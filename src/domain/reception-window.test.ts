import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestedWindow } from './reception-window.js';

/** 24 hourly counts from a few (hour, count) pairs. */
const day = (entries: Record<number, number>) => Array.from({ length: 24 }, (_, hour) => entries[hour] ?? 0);
const sum = (counts: readonly number[], from: number, to: number) => counts.slice(from, to).reduce((a, b) => a + b, 0);

describe('suggestedWindow: examples', () => {
  it('finds the shortest run of hours covering the share', () => {
    // 100 encounters, 80 of them 10–13.
    const counts = day({ 8: 5, 9: 5, 10: 30, 11: 30, 12: 20, 13: 5, 14: 5 });
    expect(suggestedWindow(counts, 0.8)).toEqual({ fromHour: 10, toHour: 13, covered: 80, total: 100 });
    expect(suggestedWindow(counts, 0.85)).toEqual({ fromHour: 9, toHour: 13, covered: 85, total: 100 });
    expect(suggestedWindow(counts, 1)).toEqual({ fromHour: 8, toHour: 15, covered: 100, total: 100 });
  });

  it('prefers, among equally short runs, the one covering most, then the earliest', () => {
    const counts = day({ 9: 4, 10: 4, 15: 4, 16: 5 });
    // Half of 17 is 8.5: both two-hour runs are enough; 15–17 covers 9, more than 9–11's 8.
    expect(suggestedWindow(counts, 0.45)).toEqual({ fromHour: 15, toHour: 17, covered: 9, total: 17 });
    const even = day({ 9: 4, 10: 4, 15: 4, 16: 4 });
    expect(suggestedWindow(even, 0.5)).toEqual({ fromHour: 9, toHour: 11, covered: 8, total: 16 });
  });

  it('does not wrap past midnight', () => {
    const counts = day({ 0: 10, 23: 10, 12: 1 });
    expect(suggestedWindow(counts, 0.9)).toEqual({ fromHour: 0, toHour: 24, covered: 21, total: 21 });
  });

  it('is not fooled by floating-point shares', () => {
    // 0.07 × 100 is 7.000000000000001 in binary floating point; 7 encounters out of 100 are enough.
    const spread = day({ 0: 6, 1: 6, 2: 6, 3: 6, 4: 6, 5: 6, 6: 6, 7: 6, 8: 6, 9: 6, 10: 7, 11: 6, 12: 6, 13: 6, 14: 6, 15: 6, 20: 3 });
    expect(0.07 * 100).toBeGreaterThan(7);
    expect(suggestedWindow(spread, 0.07)).toEqual({ fromHour: 10, toHour: 11, covered: 7, total: 100 });
    expect(suggestedWindow(day({ 10: 29, 14: 71 }), 0.29)).toEqual({ fromHour: 14, toHour: 15, covered: 71, total: 100 });
  });

  it('has no window without encounters, and refuses anything but 24 hours', () => {
    expect(suggestedWindow(day({}), 0.8)).toBeNull();
    expect(() => suggestedWindow([1, 2, 3], 0.8)).toThrow(RangeError);
  });

  it('clamps the share to 0–1', () => {
    const counts = day({ 9: 3, 10: 1 });
    expect(suggestedWindow(counts, 0)).toEqual({ fromHour: 9, toHour: 10, covered: 3, total: 4 });
    expect(suggestedWindow(counts, 2)).toEqual({ fromHour: 9, toHour: 11, covered: 4, total: 4 });
  });
});

describe('suggestedWindow: properties', () => {
  const hourCounts = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })), { minLength: 24, maxLength: 24 });
  const share = fc.double({ min: 0, max: 1, noNaN: true });

  it('covers at least the share with a window inside the day, and no shorter or equally short better window exists', () => {
    fc.assert(
      fc.property(hourCounts, share, (counts, s) => {
        const total = sum(counts, 0, 24);
        const window = suggestedWindow(counts, s);
        if (total === 0) return expect(window).toBeNull();
        expect(window).not.toBeNull();
        const { fromHour, toHour, covered } = window!;
        expect(Number.isInteger(fromHour) && Number.isInteger(toHour)).toBe(true);
        expect(0 <= fromHour && fromHour < toHour && toHour <= 24).toBe(true);
        expect(covered).toBe(sum(counts, fromHour, toHour));
        expect(window!.total).toBe(total);
        expect(covered).toBeGreaterThanOrEqual(s * total - 1e-9 * total);
        const length = toHour - fromHour;
        for (let from = 0; from < 24; from++) {
          for (let to = from + 1; to <= 24; to++) {
            const other = sum(counts, from, to);
            if (to - from < length) expect(other).toBeLessThan(s * total);
            if (to - from === length && from < fromHour) expect(other).toBeLessThan(covered);
            if (to - from === length && from > fromHour) expect(other).toBeLessThanOrEqual(covered);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
