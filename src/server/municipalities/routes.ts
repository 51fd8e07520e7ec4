import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { managerLinksInputSchema, managerLinksSchema, municipalityCodeSchema, municipalityInputSchema, municipalityUpdateSchema, municipalityViewSchema } from '../../domain/municipalities.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { createMunicipality, listMunicipalities, updateMunicipality } from './commands.js';
import { readManagerLinks, setManagerLinks } from './managers.js';
import { presentMunicipality } from './present.js';

export function registerMunicipalityRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => contextOf(request);

  r.get('/api/municipalities', {
    config: { access: { access: 'action', action: 'municipality.list' } },
    schema: { tags: ['organisation'], response: { 200: z.object({ municipalities: z.array(municipalityViewSchema) }) } },
  }, async (request) => ({ municipalities: (await listMunicipalities(deps, contextOf(request).actor)).map(presentMunicipality) }));

  r.post('/api/municipalities', {
    config: { access: { access: 'action', action: 'municipality.manage' } },
    schema: { tags: ['organisation'], body: municipalityInputSchema, response: { 201: municipalityViewSchema } },
  }, async (request, reply) => reply.status(201).send(presentMunicipality(await createMunicipality(deps, ctx(request), request.body))));

  r.patch('/api/municipalities/:code', {
    config: { access: { access: 'action', action: 'municipality.manage' } },
    schema: { tags: ['organisation'], params: z.object({ code: municipalityCodeSchema }), body: municipalityUpdateSchema, response: { 200: municipalityViewSchema } },
  }, async (request) => presentMunicipality(await updateMunicipality(deps, ctx(request), request.params.code, request.body)));

  // Issue 20: the managers who answer the municipality's structural social work observations.
  r.get('/api/municipalities/:code/managers', {
    config: { access: { access: 'action', action: 'municipality.manage' } },
    schema: { tags: ['organisation'], params: z.object({ code: municipalityCodeSchema }), response: { 200: managerLinksSchema } },
  }, async (request) => readManagerLinks(deps, ctx(request), request.params.code));

  r.put('/api/municipalities/:code/managers', {
    config: { access: { access: 'action', action: 'municipality.manage' } },
    schema: { tags: ['organisation'], params: z.object({ code: municipalityCodeSchema }), body: managerLinksInputSchema, response: { 200: managerLinksSchema } },
  }, async (request) => setManagerLinks(deps, ctx(request), request.params.code, request.body.userIds));
}
