import { never, type Condition } from './conditions.js';
import { isStaff, type Actor, type Principal } from './principals.js';
import type { Rule } from './rule.js';

/** Everyone whose daily work shows phenomena worth reporting (SHL 7 §); auditors and administrators do not file. */
const workers = ['professional', 'daycentre_staff', 'coordinator', 'manager'] as const;

/** The role whose holders can be linked to a municipality and answer its observations (manager_municipalities). */
export const municipalityAnswererRole = 'manager' as const;

const ownRecord = (actor: Actor): Condition => ({ kind: 'created_by', userId: actor.userId });

/**
 * Managers answer by municipality, not by site (issue 20): a manager linked to the observation's
 * municipality (manager_municipalities), wherever their role is assigned. A link of someone who has
 * since lost the manager role grants nothing.
 */
function municipalityManager(principal: Principal): Condition {
  if (!isStaff(principal) || !principal.roles.some((r) => r.role === municipalityAnswererRole)) return never;
  return { kind: 'municipality_manager', userId: principal.userId };
}

/**
 * Structural social work reporting (issue 20). Observations carry no client identifiers: they are
 * seen by the staff of the site where they were filed (colleagues co-sign them), and answered by a
 * manager of the observation's municipality. Drafts are the author's own; the commands keep them out of other
 * people's reads and lists (the draft state is not a fact the rules see).
 */
export const structuralRules = {
  'observation.create': { roles: workers, scope: 'site' },
  'observation.read': { roles: workers, scope: 'site' },
  /** Editing and submitting a draft: its author only. */
  'observation.update': { roles: workers, scope: 'site', only: ownRecord },
  /** Supporting a colleague's submitted observation. */
  'observation.cosign': { roles: workers, scope: 'site' },
  /** The answer that comes back to the reporter: a manager (esihenkilö) of the observation's municipality. */
  'observation.answer': { roles: 'none', scope: 'site', also: municipalityManager },
  /** The municipality's quarterly report: compiled and marked presented by the coordinator, read by managers too. */
  'structural_report.read': { roles: ['coordinator', 'manager'], scope: 'site' },
  'structural_report.compile': { roles: ['coordinator'], scope: 'site' },
  /**
   * Regional indicators (published area statistics, context only): every member of the region's staff
   * reads them beside Silta's figures; the coordinator (or the administrator) imports and enters them.
   */
  'indicator.read': { roles: 'any', scope: 'site' },
  'indicator.manage': { roles: ['coordinator', 'administrator'], scope: 'region' },
} as const satisfies Record<string, Rule>;
