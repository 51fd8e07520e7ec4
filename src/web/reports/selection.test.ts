import { describe, expect, it } from 'vitest';
import { comparisonPath, previousPeriod, quickPeriod, reportPath, reportQueries, selectionFromSearch, selectionToSearch } from './selection';

const a = '0f1e2d3c-0000-4000-8000-00000000000a';
const b = '0f1e2d3c-0000-4000-8000-00000000000b';

describe('report selection', () => {
  it('counts quick periods back from today', () => {
    expect(quickPeriod('lastMonth', '2025-03-15')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(quickPeriod('lastMonth', '2025-01-10')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(quickPeriod('thisYear', '2025-03-15')).toEqual({ from: '2025-01-01', to: '2025-03-15' });
    expect(quickPeriod('last12Months', '2025-03-15')).toEqual({ from: '2024-03-16', to: '2025-03-15' });
    expect(quickPeriod('last3Months', '2025-05-31')).toEqual({ from: '2025-03-01', to: '2025-05-31' });
  });

  it('finds the period of the same length just before', () => {
    expect(previousPeriod({ from: '2025-03-01', to: '2025-03-31' })).toEqual({ from: '2025-01-29', to: '2025-02-28' });
  });

  it('reads the URL, falling back to last month and an 80 % window for anything invalid', () => {
    const s = selectionFromSearch(new URLSearchParams(`siteIds=${a},junk,${b}&from=2025-02-30&to=2025-03-01&windowShare=30&sessionKind=nope&exact=true`), '2025-03-15');
    expect(s.siteIds).toEqual([a, b]);
    expect(s.period).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(s.windowShare).toBe(80);
    expect(s.sessionKind).toBe('');
    expect(s.exact).toBe(true);
    expect(s.compare).toBe('none');
  });

  it('writes only what differs from the defaults and reads it back the same', () => {
    const s = selectionFromSearch(new URLSearchParams(`from=2025-01-01&to=2025-03-31&sessionKind=group&windowShare=90&compare=period&from2=2024-01-01&to2=2024-03-31`), '2025-04-02');
    const search = selectionToSearch(s);
    expect(search).toEqual({ from: '2025-01-01', to: '2025-03-31', sessionKind: 'group', windowShare: '90', compare: 'period', from2: '2024-01-01', to2: '2024-03-31' });
    expect(selectionFromSearch(new URLSearchParams(search), '2025-04-02')).toEqual(s);
  });

  it('asks for one report, or two when comparing periods or sites', () => {
    const base = selectionFromSearch(new URLSearchParams(`siteIds=${a}&from=2025-01-01&to=2025-01-31`), '2025-04-02');
    expect(reportQueries(base)).toHaveLength(1);
    expect(reportQueries({ ...base, compare: 'period' })[1]).toEqual({ siteIds: [a], period: { from: '2024-12-01', to: '2024-12-31' } });
    expect(reportQueries({ ...base, compare: 'sites', siteIds2: [b] })[1]).toEqual({ siteIds: [b], period: base.period });
    expect(reportPath({ ...base, pilotId: b }, reportQueries(base)[0]!)).toBe(`/api/reports?siteIds=${a}&from=2025-01-01&to=2025-01-31&pilotId=${b}&exact=false&windowShare=80`);
  });

  it('asks for a comparison in one request, so that both sides are published with one suppression pass', () => {
    const base = selectionFromSearch(new URLSearchParams(`siteIds=${a}&from=2025-01-01&to=2025-01-31`), '2025-04-02');
    expect(comparisonPath({ ...base, compare: 'period' })).toBe(`/api/reports/comparison?siteIds=${a}&from=2025-01-01&to=2025-01-31&exact=false&windowShare=80&compare=period&from2=2024-12-01&to2=2024-12-31`);
    expect(comparisonPath({ ...base, compare: 'sites', siteIds2: [b] })).toBe(`/api/reports/comparison?siteIds=${a}&from=2025-01-01&to=2025-01-31&exact=false&windowShare=80&compare=sites&siteIds2=${b}`);
  });
});
