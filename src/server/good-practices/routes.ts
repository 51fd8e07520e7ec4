import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  goodPracticeInputSchema, goodPracticePublishSchema, goodPracticeUpdateSchema, goodPracticeViewSchema, publicGoodPracticeSchema,
} from '../../domain/good-practices.js';
import type { Deps } from '../deps.js';
import { contextOf } from '../http/context.js';
import { createGoodPractice, listGoodPractices, publicGoodPractice, publicGoodPractices, publishGoodPractice, readGoodPractice, updateGoodPractice } from './commands.js';

const tags = ['good practices'];
const idParams = z.object({ practiceId: z.uuid() });
const read = { access: { access: 'action' as const, action: 'good_practice.read' as const } };
const manage = { access: { access: 'action' as const, action: 'good_practice.manage' as const } };

/** Good-practice descriptions (issue 19 item 4): written and published by the coordinator, read by anyone once published. */
export function registerGoodPracticeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/public/good-practices', {
    config: { access: { access: 'public' } },
    schema: { tags, querystring: z.strictObject({ regionId: z.uuid() }), response: { 200: z.object({ practices: z.array(publicGoodPracticeSchema) }) } },
  }, async (request) => ({ practices: await publicGoodPractices(deps, request.query.regionId) }));

  r.get('/api/public/good-practices/:practiceId', {
    config: { access: { access: 'public' } },
    schema: { tags, params: idParams, response: { 200: publicGoodPracticeSchema } },
  }, async (request) => publicGoodPractice(deps, request.params.practiceId));

  r.get('/api/good-practices', {
    config: read,
    schema: { tags, response: { 200: z.object({ practices: z.array(goodPracticeViewSchema) }) } },
  }, async (request) => ({ practices: await listGoodPractices(deps, contextOf(request)) }));

  r.post('/api/good-practices', {
    config: manage,
    schema: { tags, body: goodPracticeInputSchema, response: { 201: goodPracticeViewSchema } },
  }, async (request, reply) => reply.status(201).send(await createGoodPractice(deps, contextOf(request), request.body)));

  r.get('/api/good-practices/:practiceId', {
    config: read,
    schema: { tags, params: idParams, response: { 200: goodPracticeViewSchema } },
  }, async (request) => readGoodPractice(deps, contextOf(request), request.params.practiceId));

  r.patch('/api/good-practices/:practiceId', {
    config: manage,
    schema: { tags, params: idParams, body: goodPracticeUpdateSchema, response: { 200: goodPracticeViewSchema } },
  }, async (request) => updateGoodPractice(deps, contextOf(request), request.params.practiceId, request.body));

  r.post('/api/good-practices/:practiceId/publish', {
    config: manage,
    schema: { tags, params: idParams, body: goodPracticePublishSchema, response: { 200: goodPracticeViewSchema } },
  }, async (request) => publishGoodPractice(deps, contextOf(request), request.params.practiceId, request.body.published));
}
