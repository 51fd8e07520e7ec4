import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { reportQuerySchema, reportSchema } from '../../domain/report.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { buildReport } from './report.js';
import { buildComparison } from './comparison.js';
import { comparisonQuerySchema, comparisonSchema } from '../../domain/report-comparison.js';

/** The evaluation report: counts only, small numbers hidden unless the exact view is asked for (and allowed). */
export function registerReportRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/reports', {
    config: { access: { access: 'action', action: 'report.read' } },
    schema: { tags: ['reports'], querystring: reportQuerySchema, response: { 200: reportSchema } },
  }, async (request) => buildReport(deps, contextOf(request), request.query));

  // Two periods or two site selections side by side: one report, one suppression pass.
  r.get('/api/reports/comparison', {
    config: { access: { access: 'action', action: 'report.read' } },
    schema: { tags: ['reports'], querystring: comparisonQuerySchema, response: { 200: comparisonSchema } },
  }, async (request) => buildComparison(deps, contextOf(request), request.query));
}
