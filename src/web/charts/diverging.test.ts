import { describe, expect, it } from 'vitest';
import { AXIS, divergingSegments } from './diverging';

describe('diverging bar geometry', () => {
  it('centres the neutral answer on the middle', () => {
    const segments = divergingSegments([10, 10, 20, 40, 20])!;
    expect(segments.map((s) => [s.value, s.start, s.width])).toEqual([
      [1, 70, 10],
      [2, 80, 10],
      [3, 90, 20],
      [4, 110, 40],
      [5, 150, 20],
    ]);
    const middle = segments.find((s) => s.value === 3)!;
    expect(middle.start + middle.width / 2).toBe(AXIS / 2);
  });

  it('skips empty answers: all agreeing starts in the middle and reaches the right edge, no further', () => {
    expect(divergingSegments([0, 0, 0, 5, 5])!.map((s) => [s.value, s.start, s.width])).toEqual([
      [4, 100, 50],
      [5, 150, 50],
    ]);
    const mixed = divergingSegments([1, 0, 2, 1, 0])!;
    expect(mixed.map((s) => s.value)).toEqual([1, 3, 4]);
    expect(mixed[0]).toEqual({ value: 1, count: 1, start: 50, width: 25 });
    expect(mixed[1]!.start + mixed[1]!.width / 2).toBe(100);
  });

  it('keeps every segment inside the axis at 0 %, 50 % and 100 % agreement and in between', () => {
    const cases = [[5, 0, 0, 0, 0], [0, 4, 0, 0, 0], [0, 0, 3, 0, 0], [2, 0, 0, 0, 2], [0, 0, 0, 0, 7], [1, 1, 0, 1, 1], [3, 2, 1, 0, 0]];
    for (const counts of cases) {
      for (const s of divergingSegments(counts)!) {
        expect(s.start, String(counts)).toBeGreaterThanOrEqual(0);
        expect(s.start + s.width, String(counts)).toBeLessThanOrEqual(AXIS + 1e-9);
      }
    }
  });

  it('refuses to draw when a count is hidden or nobody answered', () => {
    expect(divergingSegments([1, null, 3, 4, 5])).toBeNull();
    expect(divergingSegments([0, 0, 0, 0, 0])).toBeNull();
    expect(divergingSegments([1, 2, 3])).toBeNull();
  });
});
