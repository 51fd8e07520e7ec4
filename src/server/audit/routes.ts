import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditPageSchema } from '../../domain/api-types.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { readAudit } from './read-audit.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');

export function registerAuditRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/audit', {
    config: { access: { access: 'action', action: 'audit.read' } },
    schema: {
      tags: ['audit'],
      querystring: z.object({
        action: z.string().max(100).regex(/^[a-z_.]+$/).optional(),
        actorId: z.uuid().optional(),
        siteId: z.uuid().optional(),
        resourceType: z.string().max(50).regex(/^[a-z_]+$/).optional(),
        resourceId: z.string().max(100).optional(),
        from: day.optional(),
        to: day.optional(),
        cursor: z.string().regex(/^\d{1,18}$/).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: auditPageSchema },
    },
  }, async (request) => readAudit(deps, contextOf(request), request.query));
}
