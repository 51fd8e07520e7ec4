import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, isMonth, monthlyTrend, monthsInRange, type TrendDay } from './daylog-trend.js';

const open = (day: string, breakfasts: number, lunches: number, estimatedVisitors: number | null): TrendDay => ({ day, breakfasts, lunches, estimatedVisitors, isClosed: false });

describe('day-centre trend', () => {
  it('averages meals and visitors over the open days of each month, to one decimal', () => {
    const days = [
      open('2025-01-02', 40, 50, 45),
      open('2025-01-03', 41, 52, 46),
      open('2025-01-07', 42, 51, null),
      { ...open('2025-01-08', 0, 0, 0), isClosed: true },
      open('2025-03-03', 60, 70, 70),
    ];
    expect(monthlyTrend(days, '2025-01', '2025-03')).toEqual([
      // breakfasts (40+41+42)/3 = 41; lunches 153/3 = 51; visitors only where estimated: (45+46)/2 = 45.5
      { month: '2025-01', daysLogged: 3, meanVisitors: 45.5, meanBreakfasts: 41, meanLunches: 51 },
      { month: '2025-02', daysLogged: 0, meanVisitors: null, meanBreakfasts: null, meanLunches: null },
      { month: '2025-03', daysLogged: 1, meanVisitors: 70, meanBreakfasts: 60, meanLunches: 70 },
    ]);
  });

  it('rounds a mean such as 10.05 up to 10.1, not down by floating-point error', () => {
    const days = Array.from({ length: 20 }, (_, i) => open(`2025-05-${String(i + 1).padStart(2, '0')}`, i === 0 ? 11 : 10, 0, null));
    // 201 / 20 = 10.05
    expect(monthlyTrend(days, '2025-05', '2025-05')[0]!.meanBreakfasts).toBe(10.1);
  });

  it('lists every month of the range once, across year ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 0, max: 60 }), (start, length) => {
        const from = addMonths('2000-01', start);
        const months = monthsInRange(from, addMonths(from, length));
        expect(months.length).toBe(length + 1);
        expect(months.every(isMonth)).toBe(true);
        expect(new Set(months).size).toBe(months.length);
      }),
    );
    expect(monthsInRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('knows a month from a look-alike', () => {
    expect(isMonth('2025-12')).toBe(true);
    expect(isMonth('2025-13')).toBe(false);
    expect(isMonth('2025-1')).toBe(false);
  });
});
