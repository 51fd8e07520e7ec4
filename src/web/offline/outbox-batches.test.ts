import { describe, expect, it } from 'vitest';
import { planSends, type OutboxEntry } from './outbox';

let n = 0;
const entry = (kind: OutboxEntry['kind'], body: unknown = { note: 'x' }): OutboxEntry => {
  n += 1;
  return kind === 'encounter'
    ? { id: `e${n}`, userId: 'u', kind, method: 'POST', path: '/api/encounters', body, createdAt: `2026-01-01T00:00:${String(n).padStart(2, '0')}Z` }
    : { id: `d${n}`, userId: 'u', kind, method: 'PUT', path: '/api/sites/s/daylog/2026-01-01', body, createdAt: `2026-01-01T00:00:${String(n).padStart(2, '0')}Z` };
};
const shape = (sends: ReturnType<typeof planSends>) => sends.map((s) => `${s.isBatch ? 'batch' : 'one'}:${s.entries.map((e) => e.id).join(',')}`);

describe('planning outbox sends', () => {
  it('puts runs of encounters into batches and sends day logs alone, keeping the order', () => {
    n = 0;
    const entries = [entry('encounter'), entry('encounter'), entry('daylog'), entry('encounter'), entry('daylog'), entry('daylog')];
    expect(shape(planSends(entries))).toEqual(['batch:e1,e2', 'one:d3', 'batch:e4', 'one:d5', 'one:d6']);
  });

  it('splits a long run by the number of entries and by the size of the JSON', () => {
    n = 0;
    const five = Array.from({ length: 5 }, () => entry('encounter'));
    expect(shape(planSends(five, 2))).toEqual(['batch:e1,e2', 'batch:e3,e4', 'batch:e5']);
    n = 0;
    const big = Array.from({ length: 3 }, () => entry('encounter', { text: 'y'.repeat(600) }));
    // Two bodies do not fit in 1,000 bytes, so each goes alone, but an entry larger than the limit is still sent.
    expect(shape(planSends(big, 100, 1_000))).toEqual(['batch:e1', 'batch:e2', 'batch:e3']);
    expect(shape(planSends(big, 100, 100))).toEqual(['batch:e1', 'batch:e2', 'batch:e3']);
    expect(shape(planSends(big, 100, 2_000))).toEqual(['batch:e1,e2,e3']);
    // Counted in UTF-8 bytes: 600 × 'ä' is 1,200 bytes, so two no longer fit in 2,000.
    n = 0;
    const finnish = Array.from({ length: 2 }, () => entry('encounter', { text: 'ä'.repeat(600) }));
    expect(shape(planSends(finnish, 100, 2_000))).toEqual(['batch:e1', 'batch:e2']);
  });

  it('sends nothing for an empty outbox, and an encounter edit (another path) alone', () => {
    expect(planSends([])).toEqual([]);
    n = 0;
    const edit: OutboxEntry = { ...entry('encounter'), method: 'PUT', path: '/api/encounters/x' };
    expect(shape(planSends([edit, entry('encounter')]))).toEqual(['one:e1', 'batch:e2']);
  });
});
