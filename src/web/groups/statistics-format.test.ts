import { describe, expect, it } from 'vitest';
import { axisTicks, chartLayout, formatCount, formatMean, niceMax } from './statistics-format';

describe('statistics formatting', () => {
  it('shows a mean with at most one decimal in the reader’s notation', () => {
    expect(formatMean(37 / 8, 'fi')).toBe('4,6');
    expect(formatMean(37 / 8, 'en')).toBe('4.6');
    expect(formatMean(5, 'sv')).toBe('5');
    expect(formatMean(null, 'fi')).toBe('–');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('–');
  });

  it('rounds the axis up to a nice number with whole ticks', () => {
    expect([0, 1, 3, 7, 10, 11, 37, 120].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 50, 200]);
    expect(axisTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(axisTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(axisTicks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(axisTicks(1)).toEqual([0, 1]);
  });

  it('scales bars to the axis and keeps a slot for a session without figures', () => {
    const layout = chartLayout([{ key: 'a', value: 10 }, { key: 'b', value: null }, { key: 'c', value: 5 }], { width: 340, height: 132 });
    expect(layout.max).toBe(10);
    const plotHeight = layout.plotBottom - layout.plotTop;
    expect(layout.bars.map((b) => b.height)).toEqual([plotHeight, 0, plotHeight / 2]);
    expect(layout.bars[0]!.y).toBe(layout.plotTop);
    // even slots, left to right
    expect(layout.bars[1]!.x - layout.bars[0]!.x).toBeCloseTo(layout.bars[2]!.x - layout.bars[1]!.x);
    expect(chartLayout([], { width: 100, height: 100 }).bars).toEqual([]);
  });
});
