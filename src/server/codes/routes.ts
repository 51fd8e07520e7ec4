import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codeInputSchema, codeUpdateSchema, serviceInputSchema, serviceUpdateSchema } from '../../domain/outreach.js';
import { codeViewSchema, serviceViewSchema } from '../../domain/outreach-views.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { presentCode, presentService } from './present.js';
import { addCode, addService, listCodes, listServices, updateCode, updateService } from './commands.js';

const codeParams = z.object({ kind: z.enum(['need', 'support']), register: z.enum(['health', 'social']), code: z.string().regex(/^[a-z0-9_]{1,60}$/) });

export function registerCodeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/codes', {
    config: { access: { access: 'action', action: 'code.list' } },
    schema: { tags: ['code lists'], response: { 200: z.object({ codes: z.array(codeViewSchema) }) } },
  }, async () => ({ codes: (await listCodes(deps)).map(presentCode) }));

  r.post('/api/codes', {
    config: { access: { access: 'action', action: 'code.manage' } },
    schema: { tags: ['code lists'], body: codeInputSchema, response: { 201: codeViewSchema } },
  }, async (request, reply) => reply.status(201).send(presentCode(await addCode(deps, contextOf(request), request.body))));

  r.patch('/api/codes/:kind/:register/:code', {
    config: { access: { access: 'action', action: 'code.manage' } },
    schema: { tags: ['code lists'], params: codeParams, body: codeUpdateSchema, response: { 200: codeViewSchema } },
  }, async (request) => presentCode(await updateCode(deps, contextOf(request), request.params, request.body)));

  r.get('/api/services', {
    config: { access: { access: 'action', action: 'service.list' } },
    schema: { tags: ['code lists'], response: { 200: z.object({ services: z.array(serviceViewSchema) }) } },
  }, async (request) => ({ services: (await listServices(deps, contextOf(request).actor)).map(presentService) }));

  r.post('/api/services', {
    config: { access: { access: 'action', action: 'service.manage' } },
    schema: { tags: ['code lists'], body: serviceInputSchema, response: { 201: serviceViewSchema } },
  }, async (request, reply) => reply.status(201).send(presentService(await addService(deps, contextOf(request), request.body))));

  r.patch('/api/services/:serviceId', {
    config: { access: { access: 'action', action: 'service.manage' } },
    schema: { tags: ['code lists'], params: z.object({ serviceId: z.uuid() }), body: serviceUpdateSchema, response: { 200: serviceViewSchema } },
  }, async (request) => presentService(await updateService(deps, contextOf(request), request.params.serviceId, request.body)));
}
