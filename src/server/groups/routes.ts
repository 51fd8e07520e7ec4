import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attendanceInputSchema,
  attendanceViewSchema,
  groupSeriesDetailSchema,
  groupSeriesInputSchema,
  groupSeriesUpdateSchema,
  groupSeriesViewSchema,
  groupSessionInputSchema,
  groupSessionUpdateSchema,
  groupSessionViewSchema,
  seriesStatisticsSchema,
} from '../../domain/groups.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { addGroupSession, createSeries, recordAttendance, updateGroupSession, updateSeries } from './commands.js';
import { getGroupSessionView, getSeriesDetail, getSeriesStatistics, listSeriesOfSite, readAttendance } from './queries.js';

const siteParams = z.object({ siteId: z.uuid() });
const seriesParams = z.object({ seriesId: z.uuid() });
const sessionParams = z.object({ sessionId: z.uuid() });
const tags = ['groups'];


export function registerGroupRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/sites/:siteId/group-series', {
    config: { access: { access: 'action', action: 'group.manage' } },
    schema: { tags, params: siteParams, body: groupSeriesInputSchema, response: { 201: groupSeriesDetailSchema } },
  }, async (request, reply) => {
    const series = await createSeries(deps, contextOf(request), request.params.siteId, request.body);
    return reply.status(201).send(await getSeriesDetail(deps, contextOf(request).actor, series.id));
  });

  r.get('/api/sites/:siteId/group-series', {
    config: { access: { access: 'action', action: 'group.list' } },
    schema: { tags, params: siteParams, response: { 200: z.object({ series: z.array(groupSeriesViewSchema) }) } },
  }, async (request) => ({ series: await listSeriesOfSite(deps, contextOf(request).actor, request.params.siteId) }));

  r.get('/api/group-series/:seriesId', {
    config: { access: { access: 'action', action: 'group.list' } },
    schema: { tags, params: seriesParams, response: { 200: groupSeriesDetailSchema } },
  }, async (request) => getSeriesDetail(deps, contextOf(request).actor, request.params.seriesId));

  r.patch('/api/group-series/:seriesId', {
    config: { access: { access: 'action', action: 'group.manage' } },
    schema: { tags, params: seriesParams, body: groupSeriesUpdateSchema, response: { 200: groupSeriesDetailSchema } },
  }, async (request) => {
    await updateSeries(deps, contextOf(request), request.params.seriesId, request.body);
    return getSeriesDetail(deps, contextOf(request).actor, request.params.seriesId);
  });

  r.get('/api/group-series/:seriesId/statistics', {
    config: { access: { access: 'action', action: 'group.statistics' } },
    schema: { tags, params: seriesParams, response: { 200: seriesStatisticsSchema } },
  }, async (request) => getSeriesStatistics(deps, contextOf(request).actor, request.params.seriesId));

  r.post('/api/group-series/:seriesId/sessions', {
    config: { access: { access: 'action', action: 'group.manage' } },
    schema: { tags, params: seriesParams, body: groupSessionInputSchema, response: { 201: groupSessionViewSchema } },
  }, async (request, reply) => {
    const row = await addGroupSession(deps, contextOf(request), request.params.seriesId, request.body);
    return reply.status(201).send(await getGroupSessionView(deps, contextOf(request).actor, row.id));
  });

  r.patch('/api/group-sessions/:sessionId', {
    config: { access: { access: 'action', action: 'group.manage' } },
    schema: { tags, params: sessionParams, body: groupSessionUpdateSchema, response: { 200: groupSessionViewSchema } },
  }, async (request) => {
    await updateGroupSession(deps, contextOf(request), request.params.sessionId, request.body);
    return getGroupSessionView(deps, contextOf(request).actor, request.params.sessionId);
  });

  r.get('/api/group-sessions/:sessionId/attendance', {
    config: { access: { access: 'action', action: 'group_attendance.read' } },
    schema: { tags, params: sessionParams, response: { 200: attendanceViewSchema } },
  }, async (request) => readAttendance(deps, contextOf(request), request.params.sessionId));

  r.put('/api/group-sessions/:sessionId/attendance', {
    config: { access: { access: 'action', action: 'group_attendance.record' } },
    schema: { tags, params: sessionParams, body: attendanceInputSchema, response: { 200: groupSessionViewSchema } },
  }, async (request) => {
    await recordAttendance(deps, contextOf(request), request.params.sessionId, request.body);
    return getGroupSessionView(deps, contextOf(request).actor, request.params.sessionId);
  });
}
