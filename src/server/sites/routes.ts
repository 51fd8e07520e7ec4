import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regionViewSchema, siteViewSchema, unitViewSchema } from '../../domain/api-types.js';
import { siteInputSchema, siteUpdateSchema, unitInputSchema } from '../../domain/org.js';
import type { Deps } from '../deps.js';
import { actorOf } from '../http/context.js';
import { requestContext } from '../auth/routes.js';
import { presentRegion, presentSite, presentUnit } from './present.js';
import { createSite, createUnit, getSite, listRegions, listSites, listUnits, updateSite } from './commands.js';

const siteParams = z.object({ siteId: z.uuid() });

export function registerSiteRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: Parameters<typeof requestContext>[0]) => ({ ...requestContext(request), actor: actorOf(request) });

  r.get('/api/regions', {
    config: { access: { access: 'action', action: 'region.read' } },
    schema: { tags: ['organisation'], response: { 200: z.object({ regions: z.array(regionViewSchema) }) } },
  }, async (request) => ({ regions: (await listRegions(deps, actorOf(request))).map(presentRegion) }));

  r.get('/api/sites', {
    config: { access: { access: 'action', action: 'site.list' } },
    schema: { tags: ['organisation'], response: { 200: z.object({ sites: z.array(siteViewSchema) }) } },
  }, async (request) => ({ sites: (await listSites(deps, actorOf(request))).map(presentSite) }));

  r.post('/api/sites', {
    config: { access: { access: 'action', action: 'site.create' } },
    schema: { tags: ['organisation'], body: siteInputSchema, response: { 201: siteViewSchema } },
  }, async (request, reply) => reply.status(201).send(presentSite(await createSite(deps, ctx(request), request.body))));

  r.get('/api/sites/:siteId', {
    config: { access: { access: 'action', action: 'site.read' } },
    schema: { tags: ['organisation'], params: siteParams, response: { 200: siteViewSchema } },
  }, async (request) => presentSite(await getSite(deps, actorOf(request), request.params.siteId)));

  r.patch('/api/sites/:siteId', {
    config: { access: { access: 'action', action: 'site.update' } },
    schema: { tags: ['organisation'], params: siteParams, body: siteUpdateSchema, response: { 200: siteViewSchema } },
  }, async (request) => presentSite(await updateSite(deps, ctx(request), request.params.siteId, request.body)));

  r.get('/api/units', {
    config: { access: { access: 'action', action: 'unit.list' } },
    schema: { tags: ['organisation'], response: { 200: z.object({ units: z.array(unitViewSchema) }) } },
  }, async (request) => ({ units: (await listUnits(deps, actorOf(request))).map(presentUnit) }));

  r.post('/api/units', {
    config: { access: { access: 'action', action: 'unit.create' } },
    schema: { tags: ['organisation'], body: unitInputSchema, response: { 201: unitViewSchema } },
  }, async (request, reply) => reply.status(201).send(presentUnit(await createUnit(deps, ctx(request), request.body))));
}
