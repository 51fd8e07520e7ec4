import { describe, expect, it } from 'vitest';
import { lineRuns, niceScale, slotX, valueY } from './chart-scale';

const plot = { left: 40, right: 440, top: 10, bottom: 210 };

describe('trend chart scale', () => {
  it('rounds the top up to a nice step that fits the largest value', () => {
    expect(niceScale([45, 60, 70])).toEqual({ top: 80, ticks: [0, 20, 40, 60, 80] });
    expect(niceScale([3, 7.5])).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale([100])).toEqual({ top: 100, ticks: [0, 50, 100] });
    expect(niceScale([101])).toEqual({ top: 150, ticks: [0, 50, 100, 150] });
    expect(niceScale([1234])).toEqual({ top: 1500, ticks: [0, 500, 1000, 1500] });
  });

  it('never uses a step below one (counts are whole people and meals)', () => {
    expect(niceScale([0.4, 1.2]).ticks).toEqual([0, 1, 2]);
  });

  it('gives a 0–10 axis when there is no data at all', () => {
    expect(niceScale([])).toEqual({ top: 10, ticks: [0, 5, 10] });
    expect(niceScale([null, null, 0])).toEqual({ top: 10, ticks: [0, 5, 10] });
  });

  it('maps values from the bottom (0) to the top of the plot and clamps outliers', () => {
    expect(valueY(0, 80, plot)).toBe(210);
    expect(valueY(80, 80, plot)).toBe(10);
    expect(valueY(40, 80, plot)).toBe(110);
    expect(valueY(500, 80, plot)).toBe(10);
    expect(valueY(-3, 80, plot)).toBe(210);
  });

  it('centres slots across the width', () => {
    expect(slotX(0, 4, plot)).toBe(90);
    expect(slotX(3, 4, plot)).toBe(390);
  });

  it('splits a line at months without data instead of drawing them as zero', () => {
    const runs = lineRuns([10, 20, null, 40, null], 40, plot);
    expect(runs.map((run) => run.map((p) => p.index))).toEqual([[0, 1], [3]]);
    expect(runs[1]?.[0]?.y).toBe(10);
    expect(lineRuns([null, null], 10, plot)).toEqual([]);
  });
});
