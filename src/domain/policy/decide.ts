import type { RoleAssignment } from '../org.js';
import { and, holds, never, or, type Condition, type ResourceFacts } from './conditions.js';
import { isStaff, type Actor, type Principal } from './principals.js';
import { actions, rules, type Action, type Rule, type RuleTime } from './rules.js';

function grants(rule: Rule, assignment: RoleAssignment): boolean {
  if (rule.roles === 'none') return false;
  return rule.roles === 'any' || rule.roles.includes(assignment.role);
}

/** The part of a rule that roles give: the region, or some of its sites. */
function roleCondition(actor: Actor, rule: Rule): Condition {
  const matching = actor.roles.filter((a) => grants(rule, a));
  const region: Condition = { kind: 'region', regionId: actor.regionId };
  if (matching.some((a) => a.siteId === null)) return region;
  if (rule.scope === 'region') return never;
  const siteIds = [...new Set(matching.map((a) => a.siteId).filter((id): id is string => id !== null))];
  return siteIds.length === 0 ? never : and(region, { kind: 'site_in', siteIds });
}

/**
 * The condition under which the principal may do `action`, over any resource: the same value decides
 * a single resource (`can`) and filters a list (compiled to SQL by src/server/policy/sql.ts).
 * Nothing ever crosses regions: every grant is and-ed with the principal's region.
 */
export function conditionFor(principal: Principal, action: Action, time: RuleTime = { today: '' }): Condition {
  const rule: Rule = rules[action];
  const region: Condition = { kind: 'region', regionId: principal.regionId };
  const byRole = isStaff(principal) ? and(roleCondition(principal, rule), rule.only ? rule.only(principal, time) : { kind: 'always' }) : never;
  const byRelation = rule.also ? and(region, rule.also(principal, time)) : never;
  return or(byRole, byRelation);
}

/** May the principal do `action` on this resource? Pure. */
export function can(principal: Principal, action: Action, facts: ResourceFacts, time?: RuleTime): boolean {
  return holds(conditionFor(principal, action, time), facts);
}

/**
 * May the principal do `action` on anything at all? The coarse check made before a route reads its
 * input; the resource's own check follows.
 */
export function canSomewhere(principal: Principal, action: Action): boolean {
  return conditionFor(principal, action).kind !== 'never';
}

/** Site ids a staff member's roles give for a site-scoped action; 'all' for a region-wide grant. */
export function sitesFor(actor: Actor, action: Action): 'all' | string[] {
  const rule: Rule = rules[action];
  const matching = actor.roles.filter((a) => grants(rule, a));
  if (matching.some((a) => a.siteId === null)) return 'all';
  return rule.scope === 'site' ? [...new Set(matching.map((a) => a.siteId).filter((id): id is string => id !== null))] : [];
}

/**
 * The principal's global abilities, sent to the web with the session (as Outline attaches policies):
 * for each action the principal may do somewhere: 'all' of the region, these sites, or 'related' —
 * only on resources the principal is related to (own records, own clients), decided per resource and
 * sent with each answer. An action left out is not allowed anywhere.
 */
export type AbilityScope = 'all' | 'related' | string[];
export type Abilities = Partial<Record<Action, AbilityScope>>;

export function abilitiesOf(principal: Principal): Abilities {
  const out: Abilities = {};
  for (const action of actions) {
    if (!canSomewhere(principal, action)) continue;
    const rule: Rule = rules[action];
    const sites = isStaff(principal) ? sitesFor(principal, action) : [];
    out[action] = rule.only || (sites !== 'all' && sites.length === 0) ? 'related' : sites;
  }
  return out;
}
