import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  areaChoiceSchema,
  importResultSchema,
  indicatorPanelSchema,
  manualIndicatorSchema,
  sotkanetFetchSchema,
  sotkanetUploadSchema,
} from '../../domain/indicators/indicators.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { chooseAreas, enterIndicator, importSotkanetFiles, readIndicatorPanel } from './commands.js';
import { fetchSotkanet } from './fetch-sotkanet.js';

const tags = ['indicators'];

/** Regional indicators (issue 20, item 4): published area statistics beside Silta's own figures. */
export function registerIndicatorRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/indicators', {
    config: { access: { access: 'action', action: 'indicator.read' } },
    schema: { tags, response: { 200: indicatorPanelSchema } },
  }, async (request) => readIndicatorPanel(deps, contextOf(request)));

  // Sotkanet's files as they come from its REST API: the areas file of a whole country is large.
  r.post('/api/indicators/sotkanet', {
    bodyLimit: 8 * 1024 * 1024,
    config: { access: { access: 'action', action: 'indicator.manage' } },
    schema: { tags, body: sotkanetUploadSchema, response: { 200: importResultSchema } },
  }, async (request) => importSotkanetFiles(deps, contextOf(request), request.body, 'upload'));

  r.post('/api/indicators/sotkanet/fetch', {
    config: { access: { access: 'action', action: 'indicator.manage' } },
    schema: { tags, body: sotkanetFetchSchema, response: { 200: importResultSchema } },
  }, async (request) => fetchSotkanet(deps, contextOf(request), request.body));

  r.post('/api/indicators/manual', {
    config: { access: { access: 'action', action: 'indicator.manage' } },
    schema: { tags, body: manualIndicatorSchema, response: { 200: z.object({ indicatorId: z.uuid() }) } },
  }, async (request) => enterIndicator(deps, contextOf(request), request.body));

  r.put('/api/indicators/areas', {
    config: { access: { access: 'action', action: 'indicator.manage' } },
    schema: { tags, body: areaChoiceSchema, response: { 200: areaChoiceSchema } },
  }, async (request) => chooseAreas(deps, contextOf(request), request.body));
}
