import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerInputSchema,
  noticesSeenSchema,
  observationNoticeSchema,
  quarterDeliverSchema,
  yearlySummarySchema,
  yearQuerySchema,
  observationDetailSchema,
  observationInputSchema,
  observationUpdateSchema,
  observationViewSchema,
  quarterCompileSchema,
  quarterlyReportSchema,
  quarterPresentSchema,
  quarterQuerySchema,
} from '../../domain/structural/observations.js';
import type { Quarter } from '../../domain/structural/quarter.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { answerObservation, cosignObservation, createObservation, listObservations, readObservation, submitObservation, updateObservation } from './commands.js';
import { listNotices, markNoticesSeen } from './notices.js';
import { compileQuarterlyReport, deliverQuarterlyReport, presentQuarterlyReport, readQuarterlyReport } from './quarterly.js';
import { readYearlySummary } from './yearly.js';

const tags = ['structural'];
const idParams = z.object({ observationId: z.uuid() });
const listSchema = z.object({ observations: z.array(observationViewSchema) });
const asQuarter = (q: number) => q as Quarter['quarter'];

/** Structural social work reporting (issue 20): observations, their answers, and the municipality's quarterly report. */
export function registerStructuralRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/structural/observations', {
    config: { access: { access: 'action', action: 'observation.read' } },
    schema: { tags, querystring: z.object({ mine: z.enum(['true', 'false']).optional() }).strict(), response: { 200: listSchema } },
  }, async (request) => ({ observations: await listObservations(deps, contextOf(request), { mine: request.query.mine === 'true' }) }));

  r.post('/api/structural/observations', {
    config: { access: { access: 'action', action: 'observation.create' } },
    schema: { tags, body: observationInputSchema, response: { 201: observationViewSchema } },
  }, async (request, reply) => reply.status(201).send(await createObservation(deps, contextOf(request), request.body)));

  r.get('/api/structural/observations/:observationId', {
    config: { access: { access: 'action', action: 'observation.read' } },
    schema: { tags, params: idParams, response: { 200: observationDetailSchema } },
  }, async (request) => readObservation(deps, contextOf(request), request.params.observationId));

  r.patch('/api/structural/observations/:observationId', {
    config: { access: { access: 'action', action: 'observation.update' } },
    schema: { tags, params: idParams, body: observationUpdateSchema, response: { 200: observationViewSchema } },
  }, async (request) => updateObservation(deps, contextOf(request), request.params.observationId, request.body));

  r.post('/api/structural/observations/:observationId/submit', {
    config: { access: { access: 'action', action: 'observation.update' } },
    schema: { tags, params: idParams, response: { 200: observationViewSchema } },
  }, async (request) => submitObservation(deps, contextOf(request), request.params.observationId));

  r.post('/api/structural/observations/:observationId/cosign', {
    config: { access: { access: 'action', action: 'observation.cosign' } },
    schema: { tags, params: idParams, response: { 200: observationViewSchema } },
  }, async (request) => cosignObservation(deps, contextOf(request), request.params.observationId));

  r.post('/api/structural/observations/:observationId/answer', {
    config: { access: { access: 'action', action: 'observation.answer' } },
    schema: { tags, params: idParams, body: answerInputSchema, response: { 200: observationViewSchema } },
  }, async (request) => answerObservation(deps, contextOf(request), request.params.observationId, request.body));

  r.get('/api/structural/quarterly', {
    config: { access: { access: 'action', action: 'structural_report.read' } },
    schema: { tags, querystring: quarterQuerySchema, response: { 200: quarterlyReportSchema } },
  }, async (request) => readQuarterlyReport(deps, contextOf(request), { ...request.query, quarter: asQuarter(request.query.quarter) }));

  r.post('/api/structural/quarterly/compile', {
    config: { access: { access: 'action', action: 'structural_report.compile' } },
    schema: { tags, body: quarterCompileSchema, response: { 200: quarterlyReportSchema } },
  }, async (request) => compileQuarterlyReport(deps, contextOf(request), { ...request.body, quarter: asQuarter(request.body.quarter) }));

  r.post('/api/structural/quarterly/present', {
    config: { access: { access: 'action', action: 'structural_report.compile' } },
    schema: { tags, body: quarterPresentSchema, response: { 200: quarterlyReportSchema } },
  }, async (request) => presentQuarterlyReport(deps, contextOf(request), { ...request.body, quarter: asQuarter(request.body.quarter) }));

  r.post('/api/structural/quarterly/deliver', {
    config: { access: { access: 'action', action: 'structural_report.compile' } },
    schema: { tags, body: quarterDeliverSchema, response: { 200: quarterlyReportSchema } },
  }, async (request) => deliverQuarterlyReport(deps, contextOf(request), { ...request.body, quarter: asQuarter(request.body.quarter) }));

  r.get('/api/structural/yearly', {
    config: { access: { access: 'action', action: 'structural_report.read' } },
    schema: { tags, querystring: yearQuerySchema, response: { 200: yearlySummarySchema } },
  }, async (request) => readYearlySummary(deps, contextOf(request), request.query));

  // The reporter's and co-signers' notices of status changes, on their home page.
  r.get('/api/structural/notices', {
    config: { access: { access: 'action', action: 'observation.read' } },
    schema: { tags, response: { 200: z.object({ notices: z.array(observationNoticeSchema) }) } },
  }, async (request) => ({ notices: await listNotices(deps, contextOf(request)) }));

  r.post('/api/structural/notices/seen', {
    config: { access: { access: 'action', action: 'observation.read' } },
    schema: { tags, body: noticesSeenSchema, response: { 200: z.object({ seen: z.number().int() }) } },
  }, async (request) => markNoticesSeen(deps, contextOf(request), request.body.ids));
}
