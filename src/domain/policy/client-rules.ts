import { registerOf } from '../org.js';
import { never, or, type Condition } from './conditions.js';
import { isStaff, type Actor, type Principal } from './principals.js';
import type { Rule } from './rule.js';

/**
 * Staff hold relationships to clients (own worker, care team) only through the professional role: the
 * commands name only professionals of the region to them, and a relationship of someone who has since
 * lost the role grants nothing.
 */
const worksWithClients = (actor: Actor): boolean => actor.roles.some((r) => r.role === 'professional');

/** Own worker or member of the care team. */
function staffRelation(principal: Principal): Condition {
  if (!isStaff(principal) || !worksWithClients(principal)) return never;
  return or({ kind: 'own_worker', userId: principal.userId }, { kind: 'care_team', userId: principal.userId });
}

/** Reading a client: the workers around them, the client themself, or an external member the client's consent names. */
function readers(principal: Principal): Condition {
  if (isStaff(principal)) return staffRelation(principal);
  if (principal.kind === 'client') return { kind: 'is_client', clientId: principal.clientId };
  return { kind: 'granted', memberId: principal.memberId };
}

/** The client themself, nobody else: their access log (Client Data Act 703/2023 § 11) is theirs to read. */
function clientThemself(principal: Principal): Condition {
  return !isStaff(principal) && principal.kind === 'client' ? { kind: 'is_client', clientId: principal.clientId } : never;
}

/**
 * The social-welfare register is kept by its own professions (registerOf); a nurse's records are the
 * health register's. Checked by the register and look-up commands rather than as an `only` here: an
 * `only` would make the route-level check depend on the profession, and the suites that drive every
 * route as one all-roles user (src/server/http) sign in with a nurse.
 */
export const keepsSocialRegister = (actor: Actor): boolean => actor.profession !== null && registerOf(actor.profession) === 'social';

/**
 * Client work (named clients, their process and the people around them). A client is seen only by
 * those related to them: another worker of the same site, a coordinator or an administrator sees
 * nothing of a client they do not work with (the commands answer 404, so ids cannot be probed).
 */
export const clientRules = {
  /** Register a contact: a new client with its first process step (the recorder joins the care team). */
  'client.create': { roles: ['professional'], scope: 'site' },
  /** The existing-client check before registering: says whether someone is a client and who their own worker is. */
  'client.lookup': { roles: ['professional'], scope: 'site' },
  /** The caller's own clients (own worker or care team) with their due steps. */
  'client.list': { roles: 'none', scope: 'site', also: staffRelation },
  'client.read': { roles: 'none', scope: 'site', also: readers },
  /**
   * One part of a client's data, by what a consent shares: asked with the facts of that part, whose
   * `grantedMemberIds` hold only the external members a consent for that part names (`share_process`,
   * `share_plan`). The workers around the client and the client themself see every part.
   */
  'client.process.read': { roles: 'none', scope: 'site', also: readers },
  'client.plan.read': { roles: 'none', scope: 'site', also: readers },
  /** Who has seen or changed the client's data: the client's own right, not a worker's (staff read the audit log). */
  'client.access_log.read': { roles: 'none', scope: 'site', also: clientThemself },
  'client.update': { roles: 'none', scope: 'site', also: staffRelation },
  'consent.manage': { roles: 'none', scope: 'site', also: staffRelation },
  'process.advance': { roles: 'none', scope: 'site', also: staffRelation },
  /**
   * The client's whole record as JSON or a printable page, for the county's official record system (the
   * archive: Silta is none): the workers around the client, who file it. Not the client themself, whose
   * own view and access log are theirs to see, nor an external member.
   */
  'client.export': { roles: 'none', scope: 'site', also: staffRelation },
  /**
   * Add an external member (a third-sector worker, a relative) and give them an invitation code: staff who
   * work with people, of the member's region. A client's own invitation is `client.update` (who works
   * with the client).
   */
  'external_member.invite': { roles: ['professional', 'coordinator'], scope: 'site' },
  /** Counts of due and overdue steps at the coordinator's sites: no names, no ids of clients. */
  'client.counts': { roles: ['coordinator'], scope: 'site' },
} as const satisfies Record<string, Rule>;
