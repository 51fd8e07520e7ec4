import type { Rule } from './rule.js';

/** The region's reference data that other areas point at: its municipalities. */
export const referenceRules = {
  // Every member of the region's staff picks a municipality (a client's home municipality, a service's
  // coverage); the list is public knowledge, so any role anywhere in the region reads it.
  'municipality.list': { roles: 'any', scope: 'site' },
  // Adding, renaming and deactivating a municipality is keeping the region's reference data: administrators.
  'municipality.manage': { roles: ['administrator'], scope: 'region' },
} as const satisfies Record<string, Rule>;
