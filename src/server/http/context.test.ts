import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../policy/policy.js';
import { contextOf } from './context.js';

const actor: Actor = { userId: 'u1', regionId: 'r1', displayName: 'A', profession: 'nurse', roles: [{ role: 'professional', siteId: 's1' }] };
const requestAt = (instant: string, session: unknown = { actor }) =>
  ({ id: 'req-7', session, clock: { now: () => new Date(instant) } }) as unknown as FastifyRequest;

describe('the request context', () => {
  it('gives the actor, the request id and the injected clock’s now with its Helsinki day', () => {
    // 22:30 UTC on 29 March 2026 is 01:30 on the 30th in Helsinki (summer time began that morning).
    const ctx = contextOf(requestAt('2026-03-29T22:30:00Z'));
    expect(ctx).toEqual({ actor, principal: actor, requestId: 'req-7', now: new Date('2026-03-29T22:30:00Z'), today: '2026-03-30' });
    expect(contextOf(requestAt('2026-12-31T21:59:00Z')).today).toBe('2026-12-31');
    expect(contextOf(requestAt('2026-12-31T22:00:00Z')).today).toBe('2027-01-01');
  });

  it('refuses a request without a session as unauthenticated', () => {
    expect(() => contextOf(requestAt('2026-01-01T12:00:00Z', null))).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
  });
});
