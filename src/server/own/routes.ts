import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessLogSchema, ownClientSchema, ownClientSummarySchema, ownSessionSchema } from '../../domain/own/schemas.js';
import type { Deps } from '../deps.js';
import { principalContextOf } from '../http/context.js';
import { noContent } from '../http/openapi.js';
import { PRINCIPAL_SESSION_COOKIE } from '../invitations/principal-sessions.js';
import { readAccessLog } from './access-log.js';
import { listOwnClients, readOwnClient } from './queries.js';
import { endOwnSession, ownSession } from './session.js';

const tags = ['own'];
const clientParams = z.object({ clientId: z.uuid() });
const pageQuery = z.object({
  cursor: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/**
 * The pages of clients and external members (issue 18 item 5), on their own session ('principal'
 * access): a staff session never opens them. What each may see of a client is the rules' answer
 * (src/domain/policy/client-rules.ts); anything else is 404.
 */
export function registerOwnRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const principal = { access: 'principal' } as const;

  r.get('/api/own/session', { config: { access: principal }, schema: { tags, response: { 200: ownSessionSchema } } }, (request) => ownSession(request));

  r.delete('/api/own/session', { config: { access: principal }, schema: { tags, response: { 204: noContent } } }, async (request, reply) => {
    await endOwnSession(deps, request);
    void reply.clearCookie(PRINCIPAL_SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  r.get('/api/own/clients', {
    config: { access: principal },
    schema: { tags, response: { 200: z.object({ clients: z.array(ownClientSummarySchema) }) } },
  }, async (request) => ({ clients: await listOwnClients(deps, principalContextOf(request)) }));

  r.get('/api/own/clients/:clientId', {
    config: { access: principal },
    schema: { tags, params: clientParams, response: { 200: ownClientSchema } },
  }, async (request) => readOwnClient(deps, principalContextOf(request), request.params.clientId));

  r.get('/api/own/clients/:clientId/access-log', {
    config: { access: principal },
    schema: { tags, params: clientParams, querystring: pageQuery, response: { 200: accessLogSchema } },
  }, async (request) => readAccessLog(deps, principalContextOf(request), request.params.clientId, request.query));
}
