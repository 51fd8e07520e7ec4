import type { FastifyRequest } from 'fastify';
import { helsinkiDay } from '../../domain/calendar.js';
import type { Clock } from '../deps.js';
import { unauthenticated } from '../errors.js';
import type { Actor, Principal } from '../policy/policy.js';
import type { OutsidePrincipal } from '../invitations/principal-sessions.js';

/**
 * Who acts and under which request: what every command needs besides deps. Commands take this and
 * nothing from Fastify, so the demo, the jobs and the tests call them with `{ actor, requestId: null }`.
 */
export type Ctx = { actor: Actor; requestId: string | null };

/**
 * What a route knows about its request: the acting principal (staff for now; clients and external
 * members sign in with the client work), the request id for the audit trail, and when the request
 * came in by the injected clock, with its Helsinki day — the `today` that rules such as "deletable on
 * the day it was recorded" are asked with.
 */
export type RequestContext = Ctx & { principal: Principal; now: Date; today: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** The app's clock (deps.clock), set for every request by the access control. */
    clock: Clock | null;
  }
}

/** The signed-in actor of a request that passed the access check (routes below 'public' only). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw unauthenticated();
  return request.session.actor;
}

/** What a 'principal' route (a client's or external member's) knows about its request. */
export type PrincipalContext = { principal: OutsidePrincipal; requestId: string; now: Date; today: string };

/** The accessor for 'principal' routes: the signed-in client or external member, never a staff actor. */
export function principalContextOf(request: FastifyRequest): PrincipalContext {
  if (!request.principalSession) throw unauthenticated();
  if (!request.clock) throw new Error('The request has no clock: registerAccessControl did not run for it.');
  const now = request.clock.now();
  return { principal: request.principalSession.principal, requestId: String(request.id), now, today: helsinkiDay(now) };
}

/** The one accessor for routes: the actor, the request id and the clock's now and Helsinki day. */
export function contextOf(request: FastifyRequest): RequestContext {
  const actor = actorOf(request);
  if (!request.clock) throw new Error('The request has no clock: registerAccessControl did not run for it.');
  const now = request.clock.now();
  return { actor, principal: actor, requestId: String(request.id), now, today: helsinkiDay(now) };
}
