import type { Condition } from './conditions.js';
import type { Actor } from './principals.js';
import type { Rule } from './rule.js';

/** Everyone whose daily work shows phenomena worth reporting (SHL 7 §); auditors and administrators do not file. */
const workers = ['professional', 'daycentre_staff', 'coordinator', 'manager'] as const;

const ownRecord = (actor: Actor): Condition => ({ kind: 'created_by', userId: actor.userId });

/**
 * Structural social work reporting (issue 20). Observations carry no client identifiers: they are
 * seen by the staff of the site where they were filed (colleagues co-sign them), and answered by a
 * manager of that site or the region. Drafts are the author's own; the commands keep them out of other
 * people's reads and lists (the draft state is not a fact the rules see).
 */
export const structuralRules = {
  'observation.create': { roles: workers, scope: 'site' },
  'observation.read': { roles: workers, scope: 'site' },
  /** Editing and submitting a draft: its author only. */
  'observation.update': { roles: workers, scope: 'site', only: ownRecord },
  /** Supporting a colleague's submitted observation. */
  'observation.cosign': { roles: workers, scope: 'site' },
  /** The answer that comes back to the reporter: the site's or the region's manager (esihenkilö). */
  'observation.answer': { roles: ['manager'], scope: 'site' },
  /** The municipality's quarterly report: compiled and marked presented by the coordinator, read by managers too. */
  'structural_report.read': { roles: ['coordinator', 'manager'], scope: 'site' },
  'structural_report.compile': { roles: ['coordinator'], scope: 'site' },
} as const satisfies Record<string, Rule>;
