import { describe, expect, it } from 'vitest';
import { divergingSegments } from './diverging';

describe('diverging bar geometry', () => {
  it('centres the neutral answer on the middle', () => {
    const segments = divergingSegments([10, 10, 20, 40, 20])!;
    expect(segments.map((s) => [s.value, s.start, s.width])).toEqual([
      [1, 20, 10],
      [2, 30, 10],
      [3, 40, 20],
      [4, 60, 40],
      [5, 100, 20],
    ]);
    const middle = segments.find((s) => s.value === 3)!;
    expect(middle.start + middle.width / 2).toBe(50);
  });

  it('skips empty answers: all agreeing starts in the middle and reaches the right edge', () => {
    expect(divergingSegments([0, 0, 0, 5, 5])!.map((s) => [s.value, s.start, s.width])).toEqual([
      [4, 50, 50],
      [5, 100, 50],
    ]);
    const mixed = divergingSegments([1, 0, 2, 1, 0])!;
    expect(mixed.map((s) => s.value)).toEqual([1, 3, 4]);
    expect(mixed[0]).toEqual({ value: 1, count: 1, start: 0, width: 25 });
    expect(mixed[1]!.start + mixed[1]!.width / 2).toBe(50);
  });

  it('refuses to draw when a count is hidden or nobody answered', () => {
    expect(divergingSegments([1, null, 3, 4, 5])).toBeNull();
    expect(divergingSegments([0, 0, 0, 0, 0])).toBeNull();
    expect(divergingSegments([1, 2, 3])).toBeNull();
  });
});
