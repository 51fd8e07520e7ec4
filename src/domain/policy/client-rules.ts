import type { Rule } from './rule.js';

/** Client work (named clients, their process and the people around them): relationship rules. */
export const clientRules = {} as const satisfies Record<string, Rule>;
