import { chatRules } from './chat-rules.js';
import { clientRules } from './client-rules.js';
import { outreachRules } from './outreach-rules.js';
import { referenceRules } from './reference-rules.js';
import { structuralRules } from './structural-rules.js';
import { helpRules } from './help-rules.js';
import { serviceRules } from './service-rules.js';
import type { Rule } from './rule.js';

export type { Rule, RuleTime } from './rule.js';

/**
 * Every action Silta knows and who may do it: the single place where permissions are decided. Each
 * area keeps its rules in a file of its own; an action name is unique across them (checked by a test).
 */
export const rules = { ...outreachRules, ...clientRules, ...referenceRules, ...structuralRules, ...chatRules, ...helpRules, ...serviceRules } as const satisfies Record<string, Rule>;

export type Action = keyof typeof rules;
export const actions = Object.keys(rules) as Action[];
