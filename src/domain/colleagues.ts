import { z } from 'zod';
import { professions } from './org.js';

/**
 * The staff directory of a site: who can be listed on its outreach sessions and joint encounters.
 * Only id, name and profession — never username, unit, roles or anything about visitors.
 */
export const colleagueViewSchema = z.object({ id: z.string(), displayName: z.string(), profession: z.enum(professions) });
export type ColleagueView = z.infer<typeof colleagueViewSchema>;
export const colleagueListSchema = z.object({ colleagues: z.array(colleagueViewSchema) });
