import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  helpCodeInputSchema, helpConvertInputSchema, helpCountsSchema, helpListQuerySchema, helpReceiptSchema, helpRequestDetailSchema, helpRequestInputSchema,
  helpRequestPatchSchema, helpRequestSummarySchema, helpSettingsSchema, helpTextInputSchema, senderReplyInputSchema, senderViewSchema,
} from '../../domain/help-requests/schemas.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { addHelpNote, convertToClient, readHelpRequest, replyToSender, updateHelpRequest } from './commands.js';
import { openHelpRequest, helpSettings, senderReply, submitHelpRequest, type PublicCtx } from './public.js';
import { helpCounts, listHelpRequests } from './queries.js';

const tags = ['ask for help'];
const idParams = z.object({ requestId: z.uuid() });
const handle = { access: { access: 'action' as const, action: 'help_request.handle' as const } };
const publicAccess = { access: { access: 'public' as const } };
// The address is read for the in-memory flood and wrong-code counts and goes no further.
const publicCtx = (request: FastifyRequest): PublicCtx => ({ requestId: String(request.id), address: request.ip });

/**
 * Ask for help (issue 19 item 2): the public form and the sender's way back with their receipt code
 * (no sign-in: the code is the credential, sent in a body, never in a URL), and the guidance team's inbox.
 */
export function registerHelpRequestRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Reached by the region's own link (the "ask for help" button on a municipality's site points at it).
  r.get('/api/public/help/regions/:regionId', {
    config: publicAccess,
    schema: { tags, params: z.object({ regionId: z.uuid() }), response: { 200: helpSettingsSchema } },
  }, async (request) => helpSettings(deps, request.params.regionId));

  r.post('/api/public/help/requests', {
    config: publicAccess,
    schema: { tags, body: helpRequestInputSchema, response: { 201: helpReceiptSchema } },
  }, async (request, reply) => reply.status(201).send(await submitHelpRequest(deps, publicCtx(request), request.body)));

  r.post('/api/public/help/requests/open', {
    config: publicAccess,
    schema: { tags, body: helpCodeInputSchema, response: { 200: senderViewSchema } },
  }, async (request) => openHelpRequest(deps, publicCtx(request), request.body.code));

  r.post('/api/public/help/requests/reply', {
    config: publicAccess,
    schema: { tags, body: senderReplyInputSchema, response: { 200: senderViewSchema } },
  }, async (request) => senderReply(deps, publicCtx(request), request.body.code, request.body.message));

  r.get('/api/help-requests', {
    config: handle,
    schema: { tags, querystring: helpListQuerySchema, response: { 200: z.object({ requests: z.array(helpRequestSummarySchema) }) } },
  }, async (request) => ({ requests: await listHelpRequests(deps, contextOf(request), request.query.status) }));

  r.get('/api/help-requests/counts', {
    config: handle,
    schema: { tags, response: { 200: helpCountsSchema } },
  }, async (request) => helpCounts(deps, contextOf(request)));

  r.get('/api/help-requests/:requestId', {
    config: handle,
    schema: { tags, params: idParams, response: { 200: helpRequestDetailSchema } },
  }, async (request) => readHelpRequest(deps, contextOf(request), request.params.requestId));

  r.patch('/api/help-requests/:requestId', {
    config: handle,
    schema: { tags, params: idParams, body: helpRequestPatchSchema, response: { 200: helpRequestDetailSchema } },
  }, async (request) => updateHelpRequest(deps, contextOf(request), request.params.requestId, request.body));

  r.post('/api/help-requests/:requestId/notes', {
    config: handle,
    schema: { tags, params: idParams, body: helpTextInputSchema, response: { 201: helpRequestDetailSchema } },
  }, async (request, reply) => reply.status(201).send(await addHelpNote(deps, contextOf(request), request.params.requestId, request.body.text)));

  r.post('/api/help-requests/:requestId/replies', {
    config: handle,
    schema: { tags, params: idParams, body: helpTextInputSchema, response: { 201: helpRequestDetailSchema } },
  }, async (request, reply) => reply.status(201).send(await replyToSender(deps, contextOf(request), request.params.requestId, request.body.text)));

  // Registering a client is the client rules' (a professional of the social-welfare register at the site).
  r.post('/api/help-requests/:requestId/client', {
    config: { access: { access: 'action', action: 'client.create' } },
    schema: { tags, params: idParams, body: helpConvertInputSchema, response: { 201: z.object({ clientId: z.string(), request: helpRequestDetailSchema }) } },
  }, async (request, reply) => reply.status(201).send(await convertToClient(deps, contextOf(request), request.params.requestId, request.body)));
}
