import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ENCOUNTER_BATCH_MAX, encounterBatchResponseSchema } from '../../domain/encounter-batch.js';
import { encounterViewSchema } from '../../domain/outreach-views.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { recordEncounter } from './create-encounter.js';
import { correctEncounter, removeEncounter } from './correct-encounter.js';
import { deleteEncounter, updateEncounter } from './edit-encounter.js';
import { listEncountersOfDay, readEncounter } from './read-encounters.js';
import { recordEncounterBatch } from './record-batch.js';
import { dayQuerySchema, encounterCorrectionSchema, encounterCreateSchema, encounterPatchSchema, encounterRemovalSchema, encounterSummarySchema, summaryQuerySchema } from './schemas.js';
import { summariseEncounters } from './summary.js';
import { noContent } from '../http/openapi.js';

const siteParams = z.object({ siteId: z.uuid() });
const encounterParams = z.object({ encounterId: z.uuid() });
// Only the ids are checked for the batch as a whole; each item is validated on its own, so that one
// bad entry is refused alone instead of failing the entries sent with it.
const batchBody = z.object({ encounters: z.array(z.looseObject({ id: z.uuid() })).min(1).max(ENCOUNTER_BATCH_MAX) });

export function registerEncounterRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // 201 when stored now, 200 when the same entry was stored before (an offline retry).
  r.post('/api/encounters', {
    config: { access: { access: 'action', action: 'encounter.create' } },
    schema: { tags: ['encounters'], body: encounterCreateSchema, response: { 200: encounterViewSchema, 201: encounterViewSchema } },
  }, async (request, reply) => {
    const { encounter, isNew } = await recordEncounter(deps, contextOf(request), request.body);
    return reply.status(isNew ? 201 : 200).send(encounter);
  });

  // The offline outbox's way in: many entries, one result each ('created' | 'exists' | 'refused'), 200
  // even when some were refused. Each item goes through the same command as the route above.
  r.post('/api/encounters/batch', {
    config: { access: { access: 'action', action: 'encounter.create' } },
    schema: { tags: ['encounters'], body: batchBody, response: { 200: encounterBatchResponseSchema } },
  }, async (request) => ({ results: await recordEncounterBatch(deps, contextOf(request), request.body.encounters) }));

  r.get('/api/sites/:siteId/encounters', {
    config: { access: { access: 'action', action: 'encounter.read' } },
    schema: { tags: ['encounters'], params: siteParams, querystring: dayQuerySchema, response: { 200: z.object({ encounters: z.array(encounterViewSchema) }) } },
  }, async (request) => ({ encounters: await listEncountersOfDay(deps, contextOf(request), request.params.siteId, request.query.day) }));

  r.get('/api/sites/:siteId/encounters/summary', {
    config: { access: { access: 'action', action: 'encounter.aggregate' } },
    schema: { tags: ['encounters'], params: siteParams, querystring: summaryQuerySchema, response: { 200: encounterSummarySchema } },
  }, async (request) => summariseEncounters(deps, contextOf(request), request.params.siteId, request.query.from, request.query.to));

  r.get('/api/encounters/:encounterId', {
    config: { access: { access: 'action', action: 'encounter.read' } },
    schema: { tags: ['encounters'], params: encounterParams, response: { 200: encounterViewSchema } },
  }, async (request) => readEncounter(deps, contextOf(request), request.params.encounterId));

  r.patch('/api/encounters/:encounterId', {
    config: { access: { access: 'action', action: 'encounter.update' } },
    schema: { tags: ['encounters'], params: encounterParams, body: encounterPatchSchema, response: { 200: encounterViewSchema } },
  }, async (request) => updateEncounter(deps, contextOf(request), request.params.encounterId, request.body));

  r.delete('/api/encounters/:encounterId', {
    config: { access: { access: 'action', action: 'encounter.delete' } },
    schema: { tags: ['encounters'], params: encounterParams, response: { 204: noContent } },
  }, async (request, reply) => {
    await deleteEncounter(deps, contextOf(request), request.params.encounterId);
    return reply.status(204).send(null);
  });

  // A coordinator's way to correct the record after the day: find the entry, then correct or remove it
  // with a reason. The list is the same person-level read as the professionals' one, audited.
  r.get('/api/sites/:siteId/encounters/for-correction', {
    config: { access: { access: 'action', action: 'encounter.correct' } },
    schema: { tags: ['encounters'], params: siteParams, querystring: dayQuerySchema, response: { 200: z.object({ encounters: z.array(encounterViewSchema) }) } },
  }, async (request) => ({ encounters: await listEncountersOfDay(deps, contextOf(request), request.params.siteId, request.query.day, 'encounter.correct') }));

  r.post('/api/encounters/:encounterId/correction', {
    config: { access: { access: 'action', action: 'encounter.correct' } },
    schema: { tags: ['encounters'], params: encounterParams, body: encounterCorrectionSchema, response: { 200: encounterViewSchema } },
  }, async (request) => correctEncounter(deps, contextOf(request), request.params.encounterId, request.body));

  r.post('/api/encounters/:encounterId/removal', {
    config: { access: { access: 'action', action: 'encounter.correct' } },
    schema: { tags: ['encounters'], params: encounterParams, body: encounterRemovalSchema, response: { 204: noContent } },
  }, async (request, reply) => {
    await removeEncounter(deps, contextOf(request), request.params.encounterId, request.body.reason);
    return reply.status(204).send(null);
  });
}
