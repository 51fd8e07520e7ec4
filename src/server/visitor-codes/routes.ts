import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { visitorCodeViewSchema } from '../../domain/outreach-views.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { issueVisitorCode, readVisitorCode, retireVisitorCode } from './commands.js';

// Loose on purpose: spaces, dashes and lower case are normalised, and a typo gets its own message.
const codeParams = z.object({ code: z.string().min(1).max(40) });

export function registerVisitorCodeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/sites/:siteId/visitor-codes', {
    config: { access: { access: 'action', action: 'visitor_code.issue' } },
    schema: { tags: ['visitor codes'], params: z.object({ siteId: z.uuid() }), response: { 201: z.object({ code: z.string() }) } },
  }, async (request, reply) => reply.status(201).send({ code: await issueVisitorCode(deps, contextOf(request), request.params.siteId) }));

  r.get('/api/visitor-codes/:code', {
    config: { access: { access: 'action', action: 'visitor_code.read' } },
    schema: { tags: ['visitor codes'], params: codeParams, response: { 200: visitorCodeViewSchema } },
  }, async (request) => readVisitorCode(deps, contextOf(request), request.params.code));

  r.post('/api/visitor-codes/:code/retire', {
    config: { access: { access: 'action', action: 'visitor_code.retire' } },
    schema: { tags: ['visitor codes'], params: codeParams, response: { 200: z.object({ code: z.string(), retiredAt: z.string() }) } },
  }, async (request) => retireVisitorCode(deps, contextOf(request), request.params.code));
}
