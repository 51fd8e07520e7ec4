import { describe, expect, it } from 'vitest';
import type { DaylogView } from '../../domain/outreach-views';
import { daysInMonth, daysOfMonth, hoursKind, monthGrid, monthRange } from './month-grid';

const entry = (day: string, over: Partial<DaylogView> = {}): DaylogView => ({
  id: `id-${day}`,
  siteId: 's',
  day,
  breakfasts: 10,
  lunches: 20,
  estimatedVisitors: 30,
  isClosed: false,
  version: 1,
  openedAt: null,
  closedAt: null,
  events: '',
  ...over,
});

describe('month grid', () => {
  it('knows month lengths, leap years included', () => {
    expect(daysInMonth('2026-01')).toBe(31);
    expect(daysInMonth('2026-04')).toBe(30);
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2100-02')).toBe(28);
    expect(daysInMonth('2000-02')).toBe(29);
  });

  it('lists every day and the range of the month', () => {
    const days = daysOfMonth('2026-02');
    expect(days[0]).toBe('2026-02-01');
    expect(days.at(-1)).toBe('2026-02-28');
    expect(new Set(days).size).toBe(28);
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('keeps days without an entry as gaps and marks session days', () => {
    const grid = monthGrid('2026-11', [entry('2026-11-03'), entry('2026-11-30'), entry('2026-10-31')], new Set(['2026-11-03', '2026-11-04']));
    expect(grid).toHaveLength(30);
    expect(grid.filter((d) => d.entry !== null).map((d) => d.day)).toEqual(['2026-11-03', '2026-11-30']);
    expect(grid[0]).toEqual({ day: '2026-11-01', entry: null, hasSession: false });
    expect(grid[2]?.hasSession).toBe(true);
    expect(grid[3]).toEqual({ day: '2026-11-04', entry: null, hasSession: true });
  });

  it('tells normal, changed and closed days apart', () => {
    expect(hoursKind(null)).toBe('none');
    expect(hoursKind(entry('2026-11-03'))).toBe('normal');
    expect(hoursKind(entry('2026-11-03', { closedAt: '13:00' }))).toBe('changed');
    expect(hoursKind(entry('2026-11-03', { openedAt: '10:00' }))).toBe('changed');
    expect(hoursKind(entry('2026-11-03', { isClosed: true, closedAt: '13:00' }))).toBe('closed');
  });
});
