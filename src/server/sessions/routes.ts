import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionPlanSchema, sessionUpdateSchema } from '../../domain/outreach.js';
import { announcementSchema, plannedSessionsSchema, sessionViewSchema } from '../../domain/outreach-views.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { dayRangeQuerySchema } from './calendar.js';
import { planSessions, updateSession } from './commands.js';
import { presentAnnouncement, presentPlanned, presentSession } from './present.js';
import { getSession, listAnnouncements, listMySessions, listSiteSessions } from './queries.js';
import { listPublicGroups } from '../groups/queries.js';
import { SLUG_MAX, slugPattern } from '../../domain/site-address.js';

const siteParams = z.object({ siteId: z.uuid() });
// Any case is found (a typed address may have capitals); the shape is checked so junk is a 400, not a query.
const slugParams = z.object({ slug: z.string().toLowerCase().max(SLUG_MAX).regex(slugPattern) });
const sessionParams = z.object({ sessionId: z.uuid() });
const sessionList = z.object({ sessions: z.array(sessionViewSchema) });
const tags = ['outreach sessions'];

export function registerSessionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/sites/:siteId/sessions', {
    config: { access: { access: 'action', action: 'session.manage' } },
    schema: { tags, params: siteParams, body: sessionPlanSchema, response: { 201: plannedSessionsSchema } },
  }, async (request, reply) => {
    const sessions = await planSessions(deps, contextOf(request), request.params.siteId, request.body);
    return reply.status(201).send(presentPlanned(sessions, deps.config.workingDays));
  });

  r.get('/api/sites/:siteId/sessions', {
    config: { access: { access: 'action', action: 'session.list' } },
    schema: { tags, params: siteParams, querystring: dayRangeQuerySchema, response: { 200: sessionList } },
  }, async (request) => ({ sessions: (await listSiteSessions(deps, contextOf(request).actor, request.params.siteId, request.query)).map(presentSession) }));

  r.get('/api/sessions/mine', {
    config: { access: { access: 'action', action: 'session.list' } },
    schema: { tags, querystring: dayRangeQuerySchema, response: { 200: sessionList } },
  }, async (request) => ({ sessions: (await listMySessions(deps, contextOf(request).actor, request.query)).map(presentSession) }));

  r.get('/api/sessions/:sessionId', {
    config: { access: { access: 'action', action: 'session.list' } },
    schema: { tags, params: sessionParams, response: { 200: sessionViewSchema } },
  }, async (request) => presentSession(await getSession(deps, contextOf(request).actor, request.params.sessionId)));

  r.patch('/api/sessions/:sessionId', {
    config: { access: { access: 'action', action: 'session.manage' } },
    schema: { tags, params: sessionParams, body: sessionUpdateSchema, response: { 200: sessionViewSchema } },
  }, async (request) => presentSession(await updateSession(deps, contextOf(request), request.params.sessionId, request.body)));

  // Visitors read this without signing in: the site and its coming sessions, professions but never names.
  r.get('/api/public/sites/:siteId/announcements', {
    config: { access: { access: 'public' } },
    schema: { tags, params: siteParams, querystring: dayRangeQuerySchema, response: { 200: announcementSchema } },
  }, async (request) => {
    const { site, sessions } = await listAnnouncements(deps, { id: request.params.siteId }, request.query);
    return presentAnnouncement(site, sessions, await listPublicGroups(deps, site.id, request.query));
  });

  // The same answer by the site's short address (/s/<slug>), for the page a person typed the address of.
  r.get('/api/public/addresses/:slug/announcements', {
    config: { access: { access: 'public' } },
    schema: { tags, params: slugParams, querystring: dayRangeQuerySchema, response: { 200: announcementSchema } },
  }, async (request) => {
    const { site, sessions } = await listAnnouncements(deps, { slug: request.params.slug }, request.query);
    return presentAnnouncement(site, sessions, await listPublicGroups(deps, site.id, request.query));
  });
}
