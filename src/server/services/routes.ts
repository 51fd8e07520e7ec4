import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  trayDraftSaveSchema,
  trayEditorialUpdateSchema,
  trayImportResultSchema,
  trayOrganizationInputSchema,
  trayOrganizationViewSchema,
  trayPublishSchema,
  trayReviewSchema,
  trayServiceCreateSchema,
  trayServiceDetailSchema,
  trayServiceSummarySchema,
  trayVersionDetailSchema,
} from '../../domain/services/views.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import {
  archiveTrayService,
  createOrganization,
  createTrayService,
  listOverdue,
  listTrayServices,
  publishTrayService,
  readTrayService,
  readTrayVersion,
  reviewTrayService,
  saveTrayDraft,
  updateTrayEditorial,
} from './commands.js';
import { presentOrganization } from './present.js';
import { listOrganizations } from './repo.js';
import { importPtvServices, ptvImportSchema } from './ptv-import.js';
import { registerHsdsRoutes } from './hsds-routes.js';
import { registerCataloguePages } from './catalogue-pages.js';

const tags = ['service tray'];
const idParams = z.object({ serviceId: z.uuid() });
const listSchema = z.object({ services: z.array(trayServiceSummarySchema) });
const createSchema = trayServiceCreateSchema.extend({ serviceId: z.uuid().optional() });

/** The service tray (issue 19, item 1): editing (staff), the public catalogue pages and the HSDS API. */
export function registerServiceTrayRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/tray/services', {
    config: { access: { access: 'action', action: 'tray.read' } },
    schema: { tags, response: { 200: listSchema } },
  }, async (request) => ({ services: await listTrayServices(deps, contextOf(request)) }));

  r.get('/api/tray/services/overdue', {
    config: { access: { access: 'action', action: 'tray_service.edit' } },
    schema: { tags, response: { 200: listSchema } },
  }, async (request) => ({ services: await listOverdue(deps, contextOf(request)) }));

  r.post('/api/tray/services', {
    config: { access: { access: 'action', action: 'tray_service.create' } },
    schema: { tags, body: createSchema, response: { 201: trayServiceDetailSchema } },
  }, async (request, reply) => reply.status(201).send(await createTrayService(deps, contextOf(request), request.body)));

  r.get('/api/tray/services/:serviceId', {
    config: { access: { access: 'action', action: 'tray.read' } },
    schema: { tags, params: idParams, response: { 200: trayServiceDetailSchema } },
  }, async (request) => readTrayService(deps, contextOf(request), request.params.serviceId));

  r.get('/api/tray/services/:serviceId/versions/:version', {
    config: { access: { access: 'action', action: 'tray.read' } },
    schema: { tags, params: idParams.extend({ version: z.coerce.number().int().min(1).max(1_000_000) }), response: { 200: trayVersionDetailSchema } },
  }, async (request) => readTrayVersion(deps, contextOf(request), request.params.serviceId, request.params.version));

  r.put('/api/tray/services/:serviceId/draft', {
    config: { access: { access: 'action', action: 'tray_service.edit' } },
    schema: { tags, params: idParams, body: trayDraftSaveSchema, response: { 200: trayServiceDetailSchema } },
  }, async (request) => saveTrayDraft(deps, contextOf(request), request.params.serviceId, request.body));

  r.post('/api/tray/services/:serviceId/publish', {
    config: { access: { access: 'action', action: 'tray_service.edit' } },
    schema: { tags, params: idParams, body: trayPublishSchema, response: { 200: trayServiceDetailSchema } },
  }, async (request) => publishTrayService(deps, contextOf(request), request.params.serviceId, request.body));

  r.post('/api/tray/services/:serviceId/review', {
    config: { access: { access: 'action', action: 'tray_service.edit' } },
    schema: { tags, params: idParams, body: trayReviewSchema, response: { 200: trayServiceDetailSchema } },
  }, async (request) => reviewTrayService(deps, contextOf(request), request.params.serviceId, request.body));

  r.post('/api/tray/services/:serviceId/archive', {
    config: { access: { access: 'action', action: 'tray_service.edit' } },
    schema: { tags, params: idParams, response: { 200: trayServiceDetailSchema } },
  }, async (request) => archiveTrayService(deps, contextOf(request), request.params.serviceId));

  r.patch('/api/tray/services/:serviceId/editorial', {
    config: { access: { access: 'action', action: 'tray_service.manage' } },
    schema: { tags, params: idParams, body: trayEditorialUpdateSchema, response: { 200: trayServiceDetailSchema } },
  }, async (request) => updateTrayEditorial(deps, contextOf(request), request.params.serviceId, request.body));

  r.get('/api/tray/organizations', {
    config: { access: { access: 'action', action: 'tray.read' } },
    schema: { tags, response: { 200: z.object({ organizations: z.array(trayOrganizationViewSchema) }) } },
  }, async (request) => ({ organizations: (await listOrganizations(deps.db.orm, contextOf(request).actor.regionId)).map(presentOrganization) }));

  r.post('/api/tray/organizations', {
    config: { access: { access: 'action', action: 'tray_organization.manage' } },
    schema: { tags, body: trayOrganizationInputSchema, response: { 201: trayOrganizationViewSchema } },
  }, async (request, reply) => reply.status(201).send(presentOrganization(await createOrganization(deps, contextOf(request), request.body))));

  r.post('/api/tray/import/ptv', {
    config: { access: { access: 'action', action: 'tray.import' } },
    schema: { tags, body: ptvImportSchema, response: { 200: trayImportResultSchema } },
  }, async (request) => importPtvServices(deps, contextOf(request), request.body));

  registerHsdsRoutes(app, deps);
  registerCataloguePages(app, deps);
}
