import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isMonth } from '../../domain/daylog-trend.js';
import { daylogInputSchema } from '../../domain/outreach.js';
import { daylogViewSchema } from '../../domain/outreach-views.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { calendarDay } from '../sessions/calendar.js';
import { daylogTrend, listDaylogMonth, saveDaylog } from './commands.js';
import { daylogMonthSchema, daylogTrendSchema, presentDaylog } from './present.js';
import { writableDays } from './window.js';

const month = z.string().refine(isMonth, { message: 'a month as YYYY-MM' });
const siteParams = z.object({ siteId: z.uuid() });
const tags = ['day-centre log'];

export function registerDaylogRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.put('/api/sites/:siteId/daylog/:day', {
    config: { access: { access: 'action', action: 'daylog.write' } },
    schema: { tags, params: siteParams.extend({ day: calendarDay }), body: daylogInputSchema, response: { 200: daylogViewSchema, 201: daylogViewSchema } },
  }, async (request, reply) => {
    const { row, isCreated } = await saveDaylog(deps, contextOf(request), request.params.siteId, request.params.day, request.body);
    return reply.status(isCreated ? 201 : 200).send(presentDaylog(row));
  });

  r.get('/api/sites/:siteId/daylog', {
    config: { access: { access: 'action', action: 'daylog.read' } },
    schema: { tags, params: siteParams, querystring: z.object({ month: month.optional() }), response: { 200: daylogMonthSchema } },
  }, async (request) => ({
    days: (await listDaylogMonth(deps, contextOf(request), request.params.siteId, request.query.month)).map(presentDaylog),
    writable: writableDays(deps),
  }));

  r.get('/api/sites/:siteId/daylog/trend', {
    config: { access: { access: 'action', action: 'daylog.read' } },
    schema: { tags, params: siteParams, querystring: z.object({ from: month.optional(), to: month.optional() }), response: { 200: daylogTrendSchema } },
  }, async (request) => ({ months: await daylogTrend(deps, contextOf(request), request.params.siteId, request.query) }));
}
