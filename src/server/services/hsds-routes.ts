import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isTrayCategory, trayCategories } from '../../domain/services/categories.js';
import { locales, type Locale } from '../../domain/org.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { allTaxonomyTerms, hsdsLocation, hsdsOrganization, hsdsPage, hsdsService, hsdsServiceAtLocation, hsdsServiceAtLocationId, hsdsLocationId, hsdsTaxonomy, hsdsTaxonomyTerm, termId, TRAY_TAXONOMY_ID } from './hsds.js';
import { countPublished, listPublished, municipalityNames, organizationsById, unitNames, type PublishedFilter, type PublishedService } from './repo.js';
import { serviceOrganizations } from '../db/schema-services.js';
import { asc, eq, inArray, sql, and } from 'drizzle-orm';
import type { Executor } from '../db/connect.js';

/**
 * The Open Referral HSDS 3.0 API of the tray (read-only, public): services, organizations, locations,
 * service_at_locations, taxonomies and taxonomy_terms, paged, with `modified_after` and the language
 * chosen by `lang` (Finnish by default). Only published services and what they point at are shown.
 */
const tags = ['hsds'];
const hsdsObject = z.looseObject({ id: z.string() });
const pageSchema = z.object({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(hsdsObject),
});
const lang = z.enum(locales).default('fi');
const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(25),
  lang,
};
const listQuery = z.strictObject({ ...pageQuery, modified_after: z.iso.datetime({ offset: true }).optional() });
const serviceListQuery = listQuery.extend({
  taxonomy_term_id: z.uuid().optional(),
  search: z.string().trim().max(200).optional(),
});
const langQuery = z.strictObject({ lang });
const idParams = z.object({ id: z.uuid() });
/** HSDS answers may be cached briefly by anyone: they are public and change only when a unit publishes. */
const CACHE = 'public, max-age=300';

type Deps2 = Deps;

async function extrasFor(ex: Executor, services: PublishedService[]) {
  const organizations = await organizationsById(ex, services.flatMap((s) => (s.content.organiserId ? [s.content.organiserId] : [])));
  const municipalities = await municipalityNames(ex, services.flatMap((s) => s.content.access.municipalityCodes));
  const units = await unitNames(ex, services.map((s) => s.row.checkedByUnitId));
  return (s: PublishedService) => ({ organizations, municipalities, checkedBy: s.row.checkedByUnitId ? (units.get(s.row.checkedByUnitId) ?? null) : null });
}

const categoryOfTerm = (id: string | undefined) => (id === undefined ? undefined : (trayCategories.find((c) => termId(c) === id) ?? '__none__'));

/** All published services' locations in order, as (service, location) pairs: locations live inside descriptions. */
async function allLocations(deps: Deps2, filter: PublishedFilter) {
  const services = await listPublished(deps.db.orm, filter);
  return services.flatMap((s) => s.content.locations.map((l) => ({ service: s, location: l })));
}

const pageOf = <T>(items: T[], page: number, size: number) => items.slice((page - 1) * size, page * size);

/** Organisations that organise a published service (the public sees no other). */
async function publicOrganizationIds(deps: Deps2, filter: PublishedFilter = {}): Promise<string[]> {
  const services = await listPublished(deps.db.orm, filter);
  return [...new Set(services.flatMap((s) => [...(s.content.organiserId ? [s.content.organiserId] : []), ...s.content.producerIds]))];
}

export function registerHsdsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicAccess = { access: { access: 'public' as const } };

  r.get('/api/public/hsds/services', { config: publicAccess, schema: { tags, querystring: serviceListQuery, response: { 200: pageSchema } } }, async (request, reply) => {
    const q = request.query;
    const filter: PublishedFilter = { ...(q.modified_after ? { modifiedAfter: new Date(q.modified_after) } : {}), ...(q.search ? { search: q.search } : {}), ...(q.taxonomy_term_id ? { category: categoryOfTerm(q.taxonomy_term_id) } : {}) };
    const total = await countPublished(deps.db.orm, filter);
    const services = await listPublished(deps.db.orm, filter, { limit: q.per_page, offset: (q.page - 1) * q.per_page });
    const extras = await extrasFor(deps.db.orm, services);
    void reply.header('cache-control', CACHE);
    return hsdsPage(services.map((s) => hsdsService(s, q.lang, extras(s))), total, q.page, q.per_page);
  });

  r.get('/api/public/hsds/services/:id', { config: publicAccess, schema: { tags, params: idParams, querystring: langQuery, response: { 200: hsdsObject } } }, async (request, reply) => {
    const [service] = await listPublished(deps.db.orm, { ids: [request.params.id] });
    if (!service) throw notFound('Service');
    const extras = await extrasFor(deps.db.orm, [service]);
    void reply.header('cache-control', CACHE);
    return hsdsService(service, request.query.lang, extras(service));
  });

  r.get('/api/public/hsds/organizations', { config: publicAccess, schema: { tags, querystring: listQuery, response: { 200: pageSchema } } }, async (request, reply) => {
    const q = request.query;
    const ids = await publicOrganizationIds(deps);
    const conditions = [ids.length === 0 ? sql`false` : inArray(serviceOrganizations.id, ids)];
    if (q.modified_after) conditions.push(sql`${serviceOrganizations.updatedAt} > ${new Date(q.modified_after)}`);
    const rows = await deps.db.orm.select().from(serviceOrganizations).where(and(...conditions)).orderBy(asc(serviceOrganizations.nameFi), asc(serviceOrganizations.id));
    void reply.header('cache-control', CACHE);
    return hsdsPage(pageOf(rows, q.page, q.per_page).map((o) => hsdsOrganization(o, q.lang)), rows.length, q.page, q.per_page);
  });

  r.get('/api/public/hsds/organizations/:id', { config: publicAccess, schema: { tags, params: idParams, querystring: langQuery, response: { 200: hsdsObject } } }, async (request, reply) => {
    const ids = await publicOrganizationIds(deps);
    if (!ids.includes(request.params.id)) throw notFound('Organization');
    const [row] = await deps.db.orm.select().from(serviceOrganizations).where(eq(serviceOrganizations.id, request.params.id));
    void reply.header('cache-control', CACHE);
    return hsdsOrganization(row!, request.query.lang);
  });

  r.get('/api/public/hsds/locations', { config: publicAccess, schema: { tags, querystring: listQuery, response: { 200: pageSchema } } }, async (request, reply) => {
    const q = request.query;
    const all = await allLocations(deps, q.modified_after ? { modifiedAfter: new Date(q.modified_after) } : {});
    void reply.header('cache-control', CACHE);
    return hsdsPage(pageOf(all, q.page, q.per_page).map((p) => hsdsLocation(p.service, p.location, q.lang, p.service.content.organiserId)), all.length, q.page, q.per_page);
  });

  r.get('/api/public/hsds/locations/:id', { config: publicAccess, schema: { tags, params: idParams, querystring: langQuery, response: { 200: hsdsObject } } }, async (request, reply) => {
    const found = (await allLocations(deps, {})).find((p) => hsdsLocationId(p.service.row.id, p.location.id) === request.params.id);
    if (!found) throw notFound('Location');
    void reply.header('cache-control', CACHE);
    return hsdsLocation(found.service, found.location, request.query.lang, found.service.content.organiserId);
  });

  r.get('/api/public/hsds/service_at_locations', { config: publicAccess, schema: { tags, querystring: listQuery, response: { 200: pageSchema } } }, async (request, reply) => {
    const q = request.query;
    const all = await allLocations(deps, q.modified_after ? { modifiedAfter: new Date(q.modified_after) } : {});
    void reply.header('cache-control', CACHE);
    return hsdsPage(pageOf(all, q.page, q.per_page).map((p) => hsdsServiceAtLocation(p.service, p.location, q.lang, true)), all.length, q.page, q.per_page);
  });

  r.get('/api/public/hsds/service_at_locations/:id', { config: publicAccess, schema: { tags, params: idParams, querystring: langQuery, response: { 200: hsdsObject } } }, async (request, reply) => {
    const found = (await allLocations(deps, {})).find((p) => hsdsServiceAtLocationId(p.service.row.id, p.location.id) === request.params.id);
    if (!found) throw notFound('Service at location');
    void reply.header('cache-control', CACHE);
    return hsdsServiceAtLocation(found.service, found.location, request.query.lang, true);
  });

  r.get('/api/public/hsds/taxonomies', { config: publicAccess, schema: { tags, querystring: z.strictObject(pageQuery), response: { 200: pageSchema } } }, async (request, reply) => {
    void reply.header('cache-control', CACHE);
    return hsdsPage(pageOf([hsdsTaxonomy(request.query.lang)], request.query.page, request.query.per_page), 1, request.query.page, request.query.per_page);
  });

  r.get('/api/public/hsds/taxonomies/:id', { config: publicAccess, schema: { tags, params: idParams, querystring: langQuery, response: { 200: hsdsObject } } }, async (request, reply) => {
    if (request.params.id !== TRAY_TAXONOMY_ID) throw notFound('Taxonomy');
    void reply.header('cache-control', CACHE);
    return hsdsTaxonomy(request.query.lang);
  });

  r.get('/api/public/hsds/taxonomy_terms', { config: publicAccess, schema: { tags, querystring: z.strictObject({ ...pageQuery, taxonomy_id: z.uuid().optional() }), response: { 200: pageSchema } } }, async (request, reply) => {
    const q = request.query;
    const terms = q.taxonomy_id === undefined || q.taxonomy_id === TRAY_TAXONOMY_ID ? allTaxonomyTerms(q.lang) : [];
    void reply.header('cache-control', CACHE);
    return hsdsPage(pageOf(terms, q.page, q.per_page), terms.length, q.page, q.per_page);
  });

  r.get('/api/public/hsds/taxonomy_terms/:id', { config: publicAccess, schema: { tags, params: idParams, querystring: langQuery, response: { 200: hsdsObject } } }, async (request, reply) => {
    const category = trayCategories.find((c) => termId(c) === request.params.id);
    if (!category || !isTrayCategory(category)) throw notFound('Taxonomy term');
    void reply.header('cache-control', CACHE);
    return hsdsTaxonomyTerm(category, request.query.lang);
  });
}

export type { Locale };
