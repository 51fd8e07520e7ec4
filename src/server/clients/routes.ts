import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { processEventInputSchema, processStates } from '../../domain/clients/process.js';
import {
  careTeamInputSchema, clientDetailSchema, clientInputSchema, clientSummarySchema, clientUpdateSchema, consentInputSchema,
  dueCountsSchema, dueListSchema, lookupAnswerSchema, lookupInputSchema, visitorCodeLinkInputSchema,
} from '../../domain/clients/schemas.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { advanceProcess, createClient, grantConsent, linkVisitorCode, revokeConsent, setCareTeam, updateClient } from './commands.js';
import { dueCounts, dueForWorker, getClientDetail, listOwnClients, lookupClients } from './queries.js';

const clientParams = z.object({ clientId: z.uuid() });
const consentParams = clientParams.extend({ consentId: z.uuid() });
const tags = ['clients'];

/**
 * Clients of the social-welfare register and their process (issue 18 items 2–3). Every client route is
 * reached by the client's id; identity codes travel in bodies only, never in a URL.
 */
export function registerClientRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => contextOf(request);
  const detail = (request: FastifyRequest, clientId: string) => getClientDetail(deps, ctx(request), clientId);

  r.get('/api/clients', {
    config: { access: { access: 'action', action: 'client.list' } },
    schema: { tags, response: { 200: z.object({ clients: z.array(clientSummarySchema) }) } },
  }, async (request) => ({ clients: await listOwnClients(deps, ctx(request)) }));

  r.get('/api/clients/due', {
    config: { access: { access: 'action', action: 'client.list' } },
    schema: { tags, response: { 200: dueListSchema } },
  }, async (request) => dueForWorker(deps, ctx(request)));

  r.get('/api/clients/due-counts', {
    config: { access: { access: 'action', action: 'client.counts' } },
    schema: { tags, response: { 200: dueCountsSchema } },
  }, async (request) => dueCounts(deps, ctx(request)));

  r.post('/api/clients/lookup', {
    config: { access: { access: 'action', action: 'client.lookup' } },
    schema: { tags, body: lookupInputSchema, response: { 200: lookupAnswerSchema } },
  }, async (request) => lookupClients(deps, ctx(request), request.body));

  r.post('/api/clients', {
    config: { access: { access: 'action', action: 'client.create' } },
    schema: { tags, body: clientInputSchema, response: { 201: clientDetailSchema } },
  }, async (request, reply) => {
    const { clientId } = await createClient(deps, ctx(request), request.body);
    return reply.status(201).send(await detail(request, clientId));
  });

  r.get('/api/clients/:clientId', {
    config: { access: { access: 'action', action: 'client.read' } },
    schema: { tags, params: clientParams, response: { 200: clientDetailSchema } },
  }, async (request) => detail(request, request.params.clientId));

  r.patch('/api/clients/:clientId', {
    config: { access: { access: 'action', action: 'client.update' } },
    schema: { tags, params: clientParams, body: clientUpdateSchema, response: { 200: clientDetailSchema } },
  }, async (request) => {
    await updateClient(deps, ctx(request), request.params.clientId, request.body);
    return detail(request, request.params.clientId);
  });

  r.put('/api/clients/:clientId/care-team', {
    config: { access: { access: 'action', action: 'client.update' } },
    schema: { tags, params: clientParams, body: careTeamInputSchema, response: { 200: clientDetailSchema } },
  }, async (request) => {
    await setCareTeam(deps, ctx(request), request.params.clientId, request.body.memberIds);
    return detail(request, request.params.clientId);
  });

  r.post('/api/clients/:clientId/consents', {
    config: { access: { access: 'action', action: 'consent.manage' } },
    schema: { tags, params: clientParams, body: consentInputSchema, response: { 201: clientDetailSchema } },
  }, async (request, reply) => {
    await grantConsent(deps, ctx(request), request.params.clientId, request.body);
    return reply.status(201).send(await detail(request, request.params.clientId));
  });

  r.post('/api/clients/:clientId/consents/:consentId/revoke', {
    config: { access: { access: 'action', action: 'consent.manage' } },
    schema: { tags, params: consentParams, response: { 200: clientDetailSchema } },
  }, async (request) => {
    await revokeConsent(deps, ctx(request), request.params.clientId, request.params.consentId);
    return detail(request, request.params.clientId);
  });

  r.post('/api/clients/:clientId/visitor-codes', {
    config: { access: { access: 'action', action: 'client.update' } },
    schema: { tags, params: clientParams, body: visitorCodeLinkInputSchema, response: { 201: clientDetailSchema } },
  }, async (request, reply) => {
    await linkVisitorCode(deps, ctx(request), request.params.clientId, request.body);
    return reply.status(201).send(await detail(request, request.params.clientId));
  });

  r.post('/api/clients/:clientId/process/events', {
    config: { access: { access: 'action', action: 'process.advance' } },
    schema: {
      tags, params: clientParams, body: processEventInputSchema,
      response: { 200: z.object({ state: z.enum(processStates), prompts: z.array(z.enum(['arrange_handover_meeting', 'make_notification'])), client: clientDetailSchema }) },
    },
  }, async (request) => {
    const moved = await advanceProcess(deps, ctx(request), request.params.clientId, request.body);
    return { state: moved.state, prompts: moved.prompts, client: await detail(request, request.params.clientId) };
  });
}
