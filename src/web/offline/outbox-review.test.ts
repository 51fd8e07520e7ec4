import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from './outbox';
import { describeEntry, refusedOf } from './outbox-review';

const site = '0190a0b0-0000-7000-8000-000000000001';
const daylog = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  id: 'd1',
  userId: 'u1',
  kind: 'daylog',
  method: 'PUT',
  path: `/api/sites/${site}/daylog/2026-11-20`,
  body: { id: 'd1', breakfasts: -1, events: 'Joulujuhla' },
  createdAt: '2026-11-20T10:00:00.000Z',
  lastError: 'bad_request',
  ...over,
});
const encounter = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  id: 'e1',
  userId: 'u1',
  kind: 'encounter',
  method: 'POST',
  path: '/api/encounters',
  // 23:30 UTC on the 20th is already the 21st in Helsinki.
  body: { id: 'e1', siteId: site, occurredAt: '2026-11-20T23:30:00.000Z' },
  createdAt: '2026-11-20T09:00:00.000Z',
  lastError: 'not_found',
  ...over,
});

describe('outbox review', () => {
  it('reads site and day of a day log from its path, and never carries its free text', () => {
    const described = describeEntry(daylog());
    expect(described).toEqual({ id: 'd1', kind: 'daylog', siteId: site, day: '2026-11-20', createdAt: '2026-11-20T10:00:00.000Z', reason: 'bad_request' });
    expect(JSON.stringify(described)).not.toContain('Joulujuhla');
  });

  it('reads site and Helsinki day of an encounter from its body', () => {
    expect(describeEntry(encounter())).toMatchObject({ kind: 'encounter', siteId: site, day: '2026-11-21', reason: 'not_found' });
    expect(describeEntry(encounter({ body: { occurredAt: 'nonsense' } }))).toMatchObject({ siteId: null, day: null });
    expect(describeEntry(daylog({ path: '/api/somewhere/else' }))).toMatchObject({ siteId: null, day: null });
  });

  it("lists only the user's refused entries, oldest first", () => {
    const { lastError: _waiting, ...pending } = daylog({ id: 'p1' });
    const list = refusedOf([daylog(), encounter(), pending, encounter({ id: 'e2', userId: 'someone-else' })], 'u1');
    expect(list.map((e) => e.id)).toEqual(['e1', 'd1']);
  });
});
