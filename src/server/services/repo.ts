import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { serviceContentSchema, type ServiceContent } from '../../domain/services/description.js';
import type { Executor } from '../db/connect.js';
import { units, users, municipalities } from '../db/schema.js';
import { serviceOrganizations, serviceVersions, trayServices } from '../db/schema-services.js';

/**
 * The services feature's tables: the only place that reads or writes them. Referrals, the public pages
 * and the HSDS API go through here.
 */
export type TrayServiceRow = typeof trayServices.$inferSelect;
export type VersionRow = typeof serviceVersions.$inferSelect;
export type OrganizationRow = typeof serviceOrganizations.$inferSelect;

export async function loadService(ex: Executor, id: string, lock = false): Promise<TrayServiceRow | null> {
  const query = ex.select().from(trayServices).where(eq(trayServices.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function loadVersion(ex: Executor, serviceId: string, version: number): Promise<VersionRow | null> {
  const [row] = await ex.select().from(serviceVersions).where(and(eq(serviceVersions.serviceId, serviceId), eq(serviceVersions.version, version)));
  return row ?? null;
}

export const listVersions = (ex: Executor, serviceId: string) =>
  ex.select().from(serviceVersions).where(eq(serviceVersions.serviceId, serviceId)).orderBy(desc(serviceVersions.version));

/** Stored content is parsed again on the way out: a version saved by an older Silta gets today's defaults. */
export const contentOf = (row: VersionRow): ServiceContent => serviceContentSchema.parse(row.content) as ServiceContent;

export async function unitNames(ex: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map((await ex.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, wanted))).map((r) => [r.id, r.name]));
}

export async function userNames(ex: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map((await ex.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted))).map((r) => [r.id, r.name]));
}

/** Municipality names by code (every region's: a code names one municipality nationally). */
export async function municipalityNames(ex: Executor, codes: string[]) {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return new Map<string, { fi: string; sv: string; en: string }>();
  const rows = await ex.select().from(municipalities).where(inArray(municipalities.code, wanted));
  return new Map(rows.map((r) => [r.code, { fi: r.nameFi, sv: r.nameSv, en: r.nameEn }]));
}

export async function activeMunicipalityCodes(ex: Executor, regionId: string): Promise<Set<string>> {
  const rows = await ex.select({ code: municipalities.code }).from(municipalities).where(and(eq(municipalities.regionId, regionId), eq(municipalities.isActive, true)));
  return new Set(rows.map((r) => r.code));
}

export const listOrganizations = (ex: Executor, regionId: string) =>
  ex.select().from(serviceOrganizations).where(eq(serviceOrganizations.regionId, regionId)).orderBy(asc(serviceOrganizations.nameFi));

export async function organizationsById(ex: Executor, ids: string[]): Promise<Map<string, OrganizationRow>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  return new Map((await ex.select().from(serviceOrganizations).where(inArray(serviceOrganizations.id, wanted))).map((r) => [r.id, r]));
}

/** A published service as the public sees it: the row and its published version's content. */
export type PublishedService = { row: TrayServiceRow; content: ServiceContent; publishedAt: Date };

export type PublishedFilter = { modifiedAfter?: Date; ids?: string[]; category?: string; search?: string; regionId?: string };

const searchable = ['names', 'description', 'targetGroup', 'workForms', 'access,howToGetIn']
  .flatMap((field) => ['fi', 'sv', 'en'].map((lang) => `coalesce(content #>> '{${field},${lang}}', '')`))
  .join(` || ' ' || `);

/** Words to look for, each anywhere in the name and main texts, in any of the three languages (ILIKE, with % and _ taken literally). */
function searchCondition(search: string) {
  const words = search.trim().split(/\s+/).filter((w) => w !== '').slice(0, 8);
  return words.map((w) => sql`(${sql.raw(searchable.replaceAll('content', `"service_versions"."content"`))}) ilike ${`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
}

function publishedWhere(filter: PublishedFilter) {
  const conditions = [eq(trayServices.trayStatus, 'published')];
  if (filter.modifiedAfter) conditions.push(sql`${trayServices.publicModifiedAt} > ${filter.modifiedAfter}`);
  if (filter.ids) conditions.push(filter.ids.length === 0 ? sql`false` : inArray(trayServices.id, filter.ids));
  if (filter.regionId) conditions.push(eq(trayServices.regionId, filter.regionId));
  if (filter.category) conditions.push(sql`${serviceVersions.content} -> 'categories' @> ${JSON.stringify([filter.category])}::jsonb`);
  if (filter.search) conditions.push(...searchCondition(filter.search));
  return and(...conditions);
}

const publishedJoin = and(eq(serviceVersions.serviceId, trayServices.id), eq(serviceVersions.version, trayServices.publishedVersion));

/**
 * Published services, every region's, in a stable order (name, then id). The public pages and the HSDS
 * API read only these: never a draft, never an archived one.
 */
export async function listPublished(ex: Executor, filter: PublishedFilter = {}, page?: { limit: number; offset: number }): Promise<PublishedService[]> {
  const query = ex
    .select({ row: trayServices, version: serviceVersions })
    .from(trayServices)
    .innerJoin(serviceVersions, publishedJoin)
    .where(publishedWhere(filter))
    .orderBy(asc(trayServices.nameFi), asc(trayServices.id));
  const rows = page === undefined ? await query : await query.limit(page.limit).offset(page.offset);
  return rows.map(({ row, version }) => ({ row, content: contentOf(version), publishedAt: version.publishedAt ?? row.publishedAt ?? row.updatedAt }));
}

export async function countPublished(ex: Executor, filter: PublishedFilter = {}): Promise<number> {
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(trayServices).innerJoin(serviceVersions, publishedJoin).where(publishedWhere(filter));
  return row?.n ?? 0;
}
