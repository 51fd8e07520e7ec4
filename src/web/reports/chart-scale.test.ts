import { describe, expect, it } from 'vitest';
import { barLength, heatShade, labelEvery, niceScale } from './chart-scale';

describe('chart scaling', () => {
  it('finds a nice axis over the known values', () => {
    expect(niceScale([3, null, 17])).toEqual({ top: 20, ticks: [0, 5, 10, 15, 20] });
    expect(niceScale([1234])).toEqual({ top: 1500, ticks: [0, 500, 1000, 1500] });
    expect(niceScale([0.4])).toEqual({ top: 0.4, ticks: [0, 0.1, 0.2, 0.3, 0.4] });
    expect(niceScale([null, 0])).toEqual({ top: 10, ticks: [0, 5, 10] });
  });

  it('keeps bars inside the plot', () => {
    expect(barLength(5, 20, 400)).toBe(100);
    expect(barLength(30, 20, 400)).toBe(400);
    expect(barLength(-1, 20, 400)).toBe(0);
    expect(barLength(1, 0, 400)).toBe(0);
  });

  it('shades heat-map cells in steps, any encounter at least the lightest', () => {
    expect([null, 0, 1, 50, 51, 100, 200].map((v) => heatShade(v, 100))).toEqual([0, 0, 1, 2, 3, 4, 4]);
    expect(heatShade(3, 0)).toBe(0);
  });

  it('labels every n-th slot so the labels fit', () => {
    expect(labelEvery(90, 12)).toBe(8);
    expect(labelEvery(7, 12)).toBe(1);
    expect(labelEvery(0, 12)).toBe(1);
  });
});
