import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pilotDetailSchema, pilotInputSchema, pilotPhaseInputSchema, pilotSummarySchema, pilotUpdateSchema } from '../../domain/pilots.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { createPilot, savePhase, updatePilot } from './commands.js';
import { getPilotDetail, listPilots } from './queries.js';

const pilotParams = z.object({ pilotId: z.uuid() });
const tags = ['pilots'];

/** Pilots (experiments) and their three-phase evaluation (domain.md § 4.8). */
export function registerPilotRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/pilots', {
    config: { access: { access: 'action', action: 'pilot.read' } },
    schema: { tags, response: { 200: z.object({ pilots: z.array(pilotSummarySchema) }) } },
  }, async (request) => ({ pilots: await listPilots(deps, contextOf(request).actor) }));

  r.post('/api/pilots', {
    config: { access: { access: 'action', action: 'pilot.manage' } },
    schema: { tags, body: pilotInputSchema, response: { 201: pilotDetailSchema } },
  }, async (request, reply) => {
    const pilot = await createPilot(deps, contextOf(request), request.body);
    return reply.status(201).send(await getPilotDetail(deps, contextOf(request).actor, pilot.id));
  });

  r.get('/api/pilots/:pilotId', {
    config: { access: { access: 'action', action: 'pilot.read' } },
    schema: { tags, params: pilotParams, response: { 200: pilotDetailSchema } },
  }, async (request) => getPilotDetail(deps, contextOf(request).actor, request.params.pilotId));

  r.patch('/api/pilots/:pilotId', {
    config: { access: { access: 'action', action: 'pilot.manage' } },
    schema: { tags, params: pilotParams, body: pilotUpdateSchema, response: { 200: pilotDetailSchema } },
  }, async (request) => {
    await updatePilot(deps, contextOf(request), request.params.pilotId, request.body);
    return getPilotDetail(deps, contextOf(request).actor, request.params.pilotId);
  });

  r.post('/api/pilots/:pilotId/phases', {
    config: { access: { access: 'action', action: 'pilot.manage' } },
    schema: { tags, params: pilotParams, body: pilotPhaseInputSchema, response: { 201: pilotDetailSchema } },
  }, async (request, reply) => {
    await savePhase(deps, contextOf(request), request.params.pilotId, request.body);
    return reply.status(201).send(await getPilotDetail(deps, contextOf(request).actor, request.params.pilotId));
  });
}
