import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientRecordSchema } from '../../domain/client-record.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { exportClientRecord } from './export.js';

/** The client record export for the county's official record system (issue 18 item 6). */
export function registerClientRecordRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/clients/:clientId/record', {
    config: { access: { access: 'action', action: 'client.export' } },
    schema: { tags: ['clients'], params: z.object({ clientId: z.uuid() }), response: { 200: clientRecordSchema } },
  }, async (request, reply) => {
    // A whole client record: never kept by a browser's or a proxy's cache.
    void reply.header('cache-control', 'no-store');
    return exportClientRecord(deps, contextOf(request), request.params.clientId);
  });
}
