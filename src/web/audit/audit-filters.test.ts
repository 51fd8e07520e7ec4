import { describe, expect, it } from 'vitest';
import { anyValue, filtersFromSearch, filtersToSearch, parseDisplayDate, toApiFilters, toDisplayDate } from './audit-filters';

describe('audit filters', () => {
  it('reads d.m.yyyy dates and rejects impossible ones', () => {
    expect(parseDisplayDate('5.3.2025')).toBe('2025-03-05');
    expect(parseDisplayDate('05.03.2025')).toBe('2025-03-05');
    expect(parseDisplayDate('31.2.2025')).toBeNull();
    expect(parseDisplayDate('2025-03-05')).toBeNull();
    expect(toDisplayDate('2025-03-05')).toBe('5.3.2025');
  });

  it('keeps only the chosen filters in the address and sends them to the API as they are', () => {
    const values = { action: 'site.created', siteId: anyValue, fromDate: '2025-03-01', toDate: '', actorId: '', target: '' };
    const search = filtersToSearch(values);
    expect(search).toEqual({ action: 'site.created', from: '2025-03-01' });
    expect(filtersFromSearch(new URLSearchParams(search))).toEqual(values);
    expect(toApiFilters(values)).toEqual({ action: 'site.created', siteId: undefined, from: '2025-03-01', to: undefined, actorId: undefined });
  });

  it('keeps a followed person and target in the address and splits the target for the API', () => {
    const values = { action: anyValue, siteId: anyValue, fromDate: '', toDate: '', actorId: 'u-1', target: 'visitor_code:K7M-4QX' };
    const search = filtersToSearch(values);
    expect(search).toEqual({ actor: 'u-1', target: 'visitor_code:K7M-4QX' });
    expect(filtersFromSearch(new URLSearchParams(search))).toEqual(values);
    expect(toApiFilters(values)).toMatchObject({ actorId: 'u-1', resourceType: 'visitor_code', resourceId: 'K7M-4QX' });
  });
});
