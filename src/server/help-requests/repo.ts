import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ResourceFacts } from '../../domain/policy/index.js';
import { rules } from '../../domain/policy/rules.js';
import type { Executor } from '../db/connect.js';
import { helpRequestMessages, helpRequestNotes, helpRequests } from '../db/schema-help.js';
import { roleAssignments, users } from '../db/schema.js';

export type HelpRequestRow = typeof helpRequests.$inferSelect;

export async function findHelpRequest(ex: Executor, id: string): Promise<HelpRequestRow | null> {
  const [row] = await ex.select().from(helpRequests).where(eq(helpRequests.id, id));
  return row ?? null;
}

export async function findByCodeHash(ex: Executor, codeHash: string): Promise<HelpRequestRow | null> {
  const [row] = await ex.select().from(helpRequests).where(eq(helpRequests.codeHash, codeHash));
  return row ?? null;
}

/** What the rules see of a request: its region, and its assignee as the one listed professional. */
export const helpRequestFacts = (row: Pick<HelpRequestRow, 'regionId' | 'assigneeId'>): ResourceFacts => ({
  regionId: row.regionId,
  siteId: null,
  professionalIds: row.assigneeId ? [row.assigneeId] : [],
});

export const messagesOf = (ex: Executor, requestId: string) =>
  ex.select().from(helpRequestMessages).where(eq(helpRequestMessages.requestId, requestId)).orderBy(asc(helpRequestMessages.at), asc(helpRequestMessages.id));

export const notesOf = (ex: Executor, requestId: string) =>
  ex.select().from(helpRequestNotes).where(eq(helpRequestNotes.requestId, requestId)).orderBy(asc(helpRequestNotes.at), asc(helpRequestNotes.id));

export async function displayNames(ex: Executor, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await ex.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Who may be assigned a request: the region's active staff whose role the handling rule names, by name. */
export async function assignableStaff(ex: Executor, regionId: string): Promise<{ id: string; displayName: string }[]> {
  return ex
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(users.regionId, regionId), eq(users.isActive, true), inArray(roleAssignments.role, [...rules['help_request.handle'].roles])))
    .orderBy(asc(users.displayName), asc(users.id));
}
