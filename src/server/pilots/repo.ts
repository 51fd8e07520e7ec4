import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/connect.js';
import { sites, users } from '../db/schema.js';
import { services } from '../db/schema-outreach.js';
import { pilotPhaseEntries, pilotProfessionals, pilotServices, pilotSites, pilots } from '../db/schema-pilots.js';

export type PilotRow = typeof pilots.$inferSelect;
export type PhaseEntryRow = typeof pilotPhaseEntries.$inferSelect & { authorName: string };
export type PilotSite = { id: string; name: string };

export async function findPilot(ex: Executor, pilotId: string): Promise<PilotRow | null> {
  const [row] = await ex.select().from(pilots).where(eq(pilots.id, pilotId));
  return row ?? null;
}

export async function pilotsOfRegion(ex: Executor, regionId: string): Promise<PilotRow[]> {
  return ex.select().from(pilots).where(eq(pilots.regionId, regionId)).orderBy(asc(pilots.startsOn), asc(pilots.name), asc(pilots.id));
}

/** The sites of each pilot asked, by name. */
export async function sitesOfPilots(ex: Executor, pilotIds: string[]): Promise<Map<string, PilotSite[]>> {
  const result = new Map<string, PilotSite[]>(pilotIds.map((id) => [id, []]));
  if (pilotIds.length === 0) return result;
  const rows = await ex
    .select({ pilotId: pilotSites.pilotId, id: sites.id, name: sites.name })
    .from(pilotSites)
    .innerJoin(sites, eq(sites.id, pilotSites.siteId))
    .where(inArray(pilotSites.pilotId, pilotIds))
    .orderBy(asc(sites.name), asc(sites.id));
  for (const row of rows) result.get(row.pilotId)?.push({ id: row.id, name: row.name });
  return result;
}

export async function servicesOfPilot(ex: Executor, pilotId: string) {
  return ex
    .select({ id: services.id, code: services.code, nameFi: services.nameFi, nameSv: services.nameSv, nameEn: services.nameEn })
    .from(pilotServices)
    .innerJoin(services, eq(services.id, pilotServices.serviceId))
    .where(eq(pilotServices.pilotId, pilotId))
    .orderBy(asc(services.sortOrder), asc(services.code));
}

export async function professionalsOfPilot(ex: Executor, pilotId: string) {
  return ex
    .select({ id: users.id, displayName: users.displayName, profession: users.profession })
    .from(pilotProfessionals)
    .innerJoin(users, eq(users.id, pilotProfessionals.userId))
    .where(eq(pilotProfessionals.pilotId, pilotId))
    .orderBy(asc(users.displayName), asc(users.id));
}

/** Every revision of every phase entry of the pilots asked, oldest first, with the author's name. */
export async function phaseEntriesOf(ex: Executor, pilotIds: string[]): Promise<PhaseEntryRow[]> {
  if (pilotIds.length === 0) return [];
  const rows = await ex
    .select({ entry: pilotPhaseEntries, authorName: users.displayName })
    .from(pilotPhaseEntries)
    .innerJoin(users, eq(users.id, pilotPhaseEntries.authorId))
    .where(inArray(pilotPhaseEntries.pilotId, pilotIds))
    .orderBy(asc(pilotPhaseEntries.kind), asc(pilotPhaseEntries.number), asc(pilotPhaseEntries.revision));
  return rows.map((r) => ({ ...r.entry, authorName: r.authorName }));
}

/** Replaces one of the pilot's member lists (sites, services, professionals). */
export async function replaceMembers(ex: Executor, pilotId: string, list: 'sites' | 'services' | 'professionals', ids: string[]): Promise<void> {
  if (list === 'sites') {
    await ex.delete(pilotSites).where(eq(pilotSites.pilotId, pilotId));
    if (ids.length > 0) await ex.insert(pilotSites).values(ids.map((siteId) => ({ pilotId, siteId })));
  } else if (list === 'services') {
    await ex.delete(pilotServices).where(eq(pilotServices.pilotId, pilotId));
    if (ids.length > 0) await ex.insert(pilotServices).values(ids.map((serviceId) => ({ pilotId, serviceId })));
  } else {
    await ex.delete(pilotProfessionals).where(eq(pilotProfessionals.pilotId, pilotId));
    if (ids.length > 0) await ex.insert(pilotProfessionals).values(ids.map((userId) => ({ pilotId, userId })));
  }
}

/** The ids of the pilot's current members of a list. */
export async function memberIds(ex: Executor, pilotId: string, list: 'sites' | 'services' | 'professionals'): Promise<string[]> {
  if (list === 'sites') return (await ex.select({ id: pilotSites.siteId }).from(pilotSites).where(eq(pilotSites.pilotId, pilotId))).map((r) => r.id);
  if (list === 'services') return (await ex.select({ id: pilotServices.serviceId }).from(pilotServices).where(eq(pilotServices.pilotId, pilotId))).map((r) => r.id);
  return (await ex.select({ id: pilotProfessionals.userId }).from(pilotProfessionals).where(eq(pilotProfessionals.pilotId, pilotId))).map((r) => r.id);
}

/** Of the ids asked, those of the region's sites, services or users, and whether each is in use. */
export async function regionMembers(ex: Executor, regionId: string, list: 'sites' | 'services' | 'professionals', ids: string[]): Promise<Map<string, boolean>> {
  if (ids.length === 0) return new Map();
  const rows =
    list === 'sites'
      ? await ex.select({ id: sites.id, isActive: sites.isActive }).from(sites).where(and(inArray(sites.id, ids), eq(sites.regionId, regionId)))
      : list === 'services'
        ? await ex.select({ id: services.id, isActive: services.isActive }).from(services).where(and(inArray(services.id, ids), eq(services.regionId, regionId)))
        : await ex.select({ id: users.id, isActive: users.isActive }).from(users).where(and(inArray(users.id, ids), eq(users.regionId, regionId)));
  return new Map(rows.map((r) => [r.id, r.isActive]));
}
