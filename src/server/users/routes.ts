import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userViewSchema } from '../../domain/api-types.js';
import { passwordSchema, userInputSchema, userUpdateSchema } from '../../domain/org.js';
import type { Deps } from '../deps.js';
import { actorOf } from '../http/context.js';
import { requestContext } from '../auth/routes.js';
import { presentUser } from './present.js';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './commands.js';
import { colleagueListSchema, listColleagues } from './colleagues.js';
import { noContent } from '../http/openapi.js';

const userParams = z.object({ userId: z.uuid() });
const siteParams = z.object({ siteId: z.uuid() });

export function registerUserRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => ({ ...requestContext(request), actor: actorOf(request) });

  r.get('/api/users', {
    config: { access: { access: 'action', action: 'user.list' } },
    schema: { tags: ['users'], response: { 200: z.object({ users: z.array(userViewSchema) }) } },
  }, async (request) => ({ users: (await listUsers(deps, ctx(request))).map(presentUser) }));

  r.post('/api/users', {
    config: { access: { access: 'action', action: 'user.create' } },
    schema: { tags: ['users'], body: userInputSchema, response: { 201: userViewSchema } },
  }, async (request, reply) => reply.status(201).send(presentUser(await createUser(deps, ctx(request), request.body))));

  r.get('/api/users/:userId', {
    config: { access: { access: 'action', action: 'user.read' } },
    schema: { tags: ['users'], params: userParams, response: { 200: userViewSchema } },
  }, async (request) => presentUser(await getUser(deps, ctx(request), request.params.userId)));

  r.patch('/api/users/:userId', {
    config: { access: { access: 'action', action: 'user.update' } },
    schema: { tags: ['users'], params: userParams, body: userUpdateSchema, response: { 200: userViewSchema } },
  }, async (request) => presentUser(await updateUser(deps, ctx(request), request.params.userId, request.body)));

  r.post('/api/users/:userId/password', {
    config: { access: { access: 'action', action: 'user.reset_password' } },
    schema: { tags: ['users'], params: userParams, body: z.object({ newPassword: passwordSchema }), response: { 204: noContent } },
  }, async (request, reply) => {
    await resetPassword(deps, ctx(request), request.params.userId, request.body.newPassword);
    return reply.status(204).send(null);
  });

  // The site's staff directory for session and encounter pickers; not audited (no visitor data), see colleagues.ts.
  r.get('/api/sites/:siteId/colleagues', {
    config: { access: { access: 'action', action: 'colleague.list' } },
    schema: { tags: ['users'], params: siteParams, response: { 200: colleagueListSchema } },
  }, async (request) => ({ colleagues: await listColleagues(deps, actorOf(request), request.params.siteId) }));
}
