import type { Role } from '../org.js';
import type { Condition } from './conditions.js';
import type { Actor, Principal } from './principals.js';

/** When a rule is asked: relationship rules may depend on the day (e.g. "deletable on the day it was recorded"). */
export type RuleTime = { today: string };

/**
 * One action's rule. Staff are granted by role: `scope: 'region'` needs a region-wide assignment (site
 * null); `scope: 'site'` is satisfied by an assignment at the resource's site or region-wide.
 * `only` narrows a role grant to resources the actor is related to (and-ed with it); `also` grants
 * through relationships alone, to staff or to clients and external members (or-ed).
 */
export type Rule = {
  roles: readonly Role[] | 'any' | 'none';
  scope: 'region' | 'site';
  only?: (actor: Actor, time: RuleTime) => Condition;
  also?: (principal: Principal, time: RuleTime) => Condition;
};

