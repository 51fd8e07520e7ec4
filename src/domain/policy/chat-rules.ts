import type { Rule } from './rule.js';

/**
 * The anonymous chat (issue 19 item 3). A chat belongs to a region and to no site (advice is regional,
 * whatever the visitor's home), so a grant at any site of the region answers its chats: the commands
 * check the chat's region against the actor's. Being on the region's rota is what lets a worker go
 * online; the rota is the coordinator's to keep.
 */
export const chatRules = {
  'chat.answer': { roles: ['professional', 'daycentre_staff', 'coordinator'], scope: 'site' },
  'chat.manage': { roles: ['coordinator'], scope: 'region' },
  /** Chats per opening hour, waiting times, topics and feedback: counts only. */
  'chat.report': { roles: ['coordinator', 'manager'], scope: 'site' },
} as const satisfies Record<string, Rule>;
