import type { Action, ResourceFacts } from '../../domain/policy/index.js';
import type { OutsidePrincipal } from '../invitations/principal-sessions.js';
import type { Harness, TestUser } from './harness.js';
import type { PolicyRequest } from './policy-matrix.js';

/**
 * The relationship half of the route matrix (issue 18): for person-level routes, who the caller is to
 * the one resource a request reaches, beyond their role at its place. The role × place matrix
 * (policy-matrix.ts) already proves that a professional of another site or region is refused; these
 * cases are all callers with the right role at the resource's own site, and the rules decide by the
 * resource's facts (its creator, its day, its listed professionals).
 *
 * The answer each case expects is not written here: the runner loads the resource's facts as stored
 * and asks `can(caller, action, facts, today)` — the rules — and only the status of a refusal is
 * stated, where a route explains better than 403 (a creator deleting on a later day gets 409).
 *
 * The client routes use the same callers: the creator is the client's own worker, the colleague is on
 * the care team and the bystander works at the same site without a relationship. Clients and external
 * members as callers (the client, another client, an external member with and without a grant) come
 * with their sign-in routes.
 */
export type RelationKey =
  /** Recorded the resource, asking on the day it was recorded. */
  | 'creator'
  /** Recorded the resource, asking on a later day. */
  | 'creator_next_day'
  /** Listed on it (an encounter's other professional), not its creator. */
  | 'listed_professional'
  /** Listed on it, asking on a later day. */
  | 'listed_next_day'
  /** A professional of the same site who is not on it. */
  | 'same_site_professional';

export const relationKeys: RelationKey[] = ['creator', 'creator_next_day', 'listed_professional', 'listed_next_day', 'same_site_professional'];

/** Which of `RelationWorld.staff` calls, and whether a day passes between making the resource and the call. */
export const relationCaller: Record<RelationKey, { who: keyof RelationWorld['staff']; nextDay: boolean }> = {
  creator: { who: 'creator', nextDay: false },
  creator_next_day: { who: 'creator', nextDay: true },
  listed_professional: { who: 'colleague', nextDay: false },
  listed_next_day: { who: 'colleague', nextDay: true },
  same_site_professional: { who: 'bystander', nextDay: false },
};

/** One site's professionals: the creator of each resource, a colleague listed with them, and one who is not. */
export type RelationWorld = {
  h: Harness;
  regionId: string;
  siteId: string;
  staff: { creator: TestUser; colleague: TestUser; bystander: TestUser };
};

export type RelationSubject = {
  request: PolicyRequest;
  /** The resource's id, for a list route: whether the list shows it. */
  id?: string;
  /** The facts the rules see, loaded from what was stored (not restated by the case). */
  facts: () => Promise<ResourceFacts>;
};

export type RelationCase = {
  /** The rule the route asks (the route's access action). */
  action: Action;
  /** Makes a fresh resource as `staff.creator` with `staff.colleague` listed, and the request aimed at it. */
  subject: (w: RelationWorld) => Promise<RelationSubject>;
  /** The status of a refusal where it is not 403 (the explanation users get), by relation. */
  refusals?: Partial<Record<RelationKey, number>>;
  /**
   * For a list route (always 200): whether the answer shows the subject. The list must show it exactly
   * when the rule allows the caller the resource.
   */
  listContains?: (body: unknown, id: string) => boolean;
};

export type RelationCases = Record<string, RelationCase>;

/**
 * Clients and external members as callers of the routes made for them ('principal' access): the client
 * the resource is about, another client of the same site, an external member whose consent in force
 * shares the client's process, and one with no consent. As for staff, the runner asks the rules on the
 * stored facts; what a principal may not see answers 404 (as a missing id), unless `refusals` says
 * otherwise. A staff session is refused with 401 on all of these routes.
 */
export type PrincipalRelationKey = 'client' | 'another_client' | 'external_with_grant' | 'external_without_grant';

export const principalRelationKeys: PrincipalRelationKey[] = ['client', 'another_client', 'external_with_grant', 'external_without_grant'];

export type PrincipalRelationSubject = RelationSubject & { id: string; callers: Record<PrincipalRelationKey, OutsidePrincipal> };

export type PrincipalRelationCase = {
  /** The rule the route asks for the resource. */
  action: Action;
  /** Makes a fresh client as `staff.creator` with the four principals around them, and the request aimed at it. */
  subject: (w: RelationWorld) => Promise<PrincipalRelationSubject>;
  refusals?: Partial<Record<PrincipalRelationKey, number>>;
  listContains?: (body: unknown, id: string) => boolean;
};

export type PrincipalRelationCases = Record<string, PrincipalRelationCase>;
