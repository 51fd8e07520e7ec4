import type { Condition } from './conditions.js';
import { isStaff, type Principal } from './principals.js';
import type { Rule } from './rule.js';

/**
 * A professional anywhere in the region sees an ask-for-help request that the guidance team assigned
 * to them (the assignee is the request's one listed professional).
 */
const assignedProfessional = (principal: Principal): Condition =>
  isStaff(principal) && principal.roles.some((r) => r.role === 'professional') ? { kind: 'listed_professional', userId: principal.userId } : { kind: 'never' };

/**
 * Low-threshold channels (issue 19): ask-for-help requests and good-practice descriptions. Both belong
 * to the region as a whole (no site). The region's guidance team — coordinators and professionals
 * assigned region-wide — works the ask-for-help inbox; a request assigned to a professional of a site
 * is theirs to see and answer too. Good practices are the coordinator's to write and publish; managers
 * read them (what continues after a pilot is theirs to decide).
 */
export const helpRules = {
  'help_request.handle': { roles: ['coordinator', 'professional'], scope: 'region', also: assignedProfessional },
  'good_practice.read': { roles: ['coordinator', 'manager'], scope: 'region' },
  'good_practice.manage': { roles: ['coordinator'], scope: 'region' },
} as const satisfies Record<string, Rule>;
