import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Profession } from '../../domain/org.js';
import type { Executor } from '../db/connect.js';
import { roleAssignments, sites, users } from '../db/schema.js';
import { outreachSessions, sessionProfessionals, sessionSeries } from '../db/schema-outreach.js';

export type SessionRow = typeof outreachSessions.$inferSelect;
export type NewSession = typeof outreachSessions.$inferInsert;
export type NewSeries = typeof sessionSeries.$inferInsert;
export type ProfessionalRow = { sessionId: string; userId: string; displayName: string; profession: Profession | null; hours: string };
export type StaffedSession = { session: SessionRow; professionals: ProfessionalRow[] };
export type Staffing = { userId: string; hours: number };

const byDayAndTime = [asc(outreachSessions.day), asc(outreachSessions.startsAt), asc(outreachSessions.id)];

/** A session with its site, so callers can answer another region's id with "not found". */
export async function findSession(ex: Executor, sessionId: string): Promise<{ session: SessionRow; site: typeof sites.$inferSelect } | null> {
  const [row] = await ex
    .select({ session: outreachSessions, site: sites })
    .from(outreachSessions)
    .innerJoin(sites, eq(sites.id, outreachSessions.siteId))
    .where(eq(outreachSessions.id, sessionId));
  return row ?? null;
}

export async function findSiteSessions(ex: Executor, siteId: string, from: string, to: string, onlyPublic = false): Promise<SessionRow[]> {
  const conditions: SQL[] = [eq(outreachSessions.siteId, siteId), gte(outreachSessions.day, from), lte(outreachSessions.day, to)];
  if (onlyPublic) conditions.push(eq(outreachSessions.isAnnounced, true), eq(outreachSessions.isCancelled, false));
  return ex.select().from(outreachSessions).where(and(...conditions)).orderBy(...byDayAndTime);
}

/** Sessions the user is listed in, at sites of the user's own region. */
export async function findSessionsOfUser(ex: Executor, userId: string, regionId: string, from: string, to: string): Promise<SessionRow[]> {
  const rows = await ex
    .select({ session: outreachSessions })
    .from(outreachSessions)
    .innerJoin(sessionProfessionals, eq(sessionProfessionals.sessionId, outreachSessions.id))
    .innerJoin(sites, eq(sites.id, outreachSessions.siteId))
    .where(and(eq(sessionProfessionals.userId, userId), eq(sites.regionId, regionId), gte(outreachSessions.day, from), lte(outreachSessions.day, to)))
    .orderBy(...byDayAndTime);
  return rows.map((r) => r.session);
}

export async function findProfessionals(ex: Executor, sessionIds: string[]): Promise<ProfessionalRow[]> {
  if (sessionIds.length === 0) return [];
  return ex
    .select({ sessionId: sessionProfessionals.sessionId, userId: sessionProfessionals.userId, displayName: users.displayName, profession: users.profession, hours: sessionProfessionals.hours })
    .from(sessionProfessionals)
    .innerJoin(users, eq(users.id, sessionProfessionals.userId))
    .where(inArray(sessionProfessionals.sessionId, sessionIds))
    .orderBy(asc(users.displayName), asc(users.id));
}

/** Pairs each session with its professionals, keeping the sessions' order. */
export async function staff(ex: Executor, rows: SessionRow[]): Promise<StaffedSession[]> {
  const professionals = await findProfessionals(ex, rows.map((r) => r.id));
  const bySession = new Map<string, ProfessionalRow[]>();
  for (const p of professionals) bySession.set(p.sessionId, [...(bySession.get(p.sessionId) ?? []), p]);
  return rows.map((session) => ({ session, professionals: bySession.get(session.id) ?? [] }));
}

/** Of `userIds`, the active users of the region who are professionals at the site or region-wide. */
export async function eligibleProfessionals(ex: Executor, regionId: string, siteId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await ex
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        inArray(users.id, userIds),
        eq(users.regionId, regionId),
        eq(users.isActive, true),
        eq(roleAssignments.role, 'professional'),
        or(eq(roleAssignments.siteId, siteId), isNull(roleAssignments.siteId)),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

export async function insertSeries(ex: Executor, series: NewSeries): Promise<void> {
  await ex.insert(sessionSeries).values(series);
}

export async function insertSessions(ex: Executor, sessions: NewSession[], staffing: Staffing[]): Promise<SessionRow[]> {
  const rows = await ex.insert(outreachSessions).values(sessions).returning();
  const links = rows.flatMap((s) => staffing.map((p) => ({ sessionId: s.id, userId: p.userId, hours: p.hours.toFixed(2) })));
  if (links.length > 0) await ex.insert(sessionProfessionals).values(links);
  return rows.sort((a, b) => (a.day === b.day ? a.startsAt.localeCompare(b.startsAt) : a.day.localeCompare(b.day)));
}

export async function updateSessionRow(ex: Executor, sessionId: string, patch: Partial<NewSession>): Promise<SessionRow> {
  const [row] = await ex.update(outreachSessions).set(patch).where(eq(outreachSessions.id, sessionId)).returning();
  if (!row) throw new Error(`session ${sessionId} vanished inside its own transaction`);
  return row;
}

export async function replaceProfessionals(ex: Executor, sessionId: string, staffing: Staffing[]): Promise<void> {
  await ex.delete(sessionProfessionals).where(eq(sessionProfessionals.sessionId, sessionId));
  if (staffing.length === 0) return;
  await ex.insert(sessionProfessionals).values(staffing.map((p) => ({ sessionId, userId: p.userId, hours: p.hours.toFixed(2) })));
}
