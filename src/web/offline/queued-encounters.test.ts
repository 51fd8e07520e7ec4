import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from './outbox';
import { queuedEncountersOf } from './queued-encounters';

const entry = (id: string, over: Partial<OutboxEntry> & { body?: object } = {}): OutboxEntry => ({
  id,
  userId: 'u1',
  kind: 'encounter',
  method: 'POST',
  path: '/api/encounters',
  createdAt: '2026-01-15T08:00:00Z',
  ...over,
  body: { id, siteId: 's1', occurredAt: '2026-01-15T08:00:00Z', ageBand: '30_50', ...over.body },
});

describe('queued encounters of a day', () => {
  it('are the user’s encounters of that site and Helsinki day, newest first, refused ones marked', () => {
    const entries: OutboxEntry[] = [
      entry('a', { body: { occurredAt: '2026-01-15T07:00:00Z' } }),
      entry('b', { body: { occurredAt: '2026-01-15T09:00:00Z' }, lastError: 'bad_request' }),
      // 23:30 UTC on the 14th is already the 15th in Helsinki; 22:30 UTC on the 15th is the 16th.
      entry('c', { body: { occurredAt: '2026-01-14T23:30:00Z' } }),
      entry('d', { body: { occurredAt: '2026-01-15T22:30:00Z' } }),
      entry('e', { body: { siteId: 's2' } }),
      entry('f', { userId: 'u2' }),
      { ...entry('g'), kind: 'daylog', method: 'PUT', path: '/api/sites/s1/daylog/2026-01-15' },
    ];
    const queued = queuedEncountersOf(entries, 'u1', 's1', '2026-01-15');
    expect(queued.map((q) => [q.id, q.isRefused])).toEqual([['b', true], ['a', false], ['c', false]]);
    expect(queued[0]).toMatchObject({ ageBand: '30_50', occurredAt: '2026-01-15T09:00:00Z' });
  });
});
