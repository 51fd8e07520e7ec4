import { forbidden } from '../errors.js';
import { can, type Action, type Principal, type ResourceFacts, type RuleTime } from '../../domain/policy/index.js';

// The rules live in src/domain/policy (shared with the web); this module adds what only the server does.
export { can, canSomewhere, sitesFor, conditionFor, abilitiesOf, readableRegister, rules } from '../../domain/policy/index.js';
export type { Action, Actor, Principal, Abilities, ResourceFacts, RuleTime } from '../../domain/policy/index.js';

/** What a role-scoped check decides on: the region and, for site-scoped things, the site. */
export type Resource = ResourceFacts;

/** Throws 403 unless the principal may do `action` on `resource`. */
export function authorize(principal: Principal, action: Action, resource: ResourceFacts, time?: RuleTime): void {
  if (!can(principal, action, resource, time)) throw forbidden();
}
