import type { FastifyInstance } from 'fastify';
import Router from 'find-my-way';
import { AppError } from '../errors.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * An API path that exists under other methods answers 405 with `Allow` instead of a bare 404, so a
 * client learns it used the wrong method, not a wrong address. Fastify has no 405 of its own; the
 * same router library it uses (find-my-way) matches the path against the API's routes.
 */
export function registerMethodNotAllowed(app: FastifyInstance): void {
  const router = Router();
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    for (const method of METHODS) {
      if ([route.method].flat().includes(method) && !router.hasRoute(method, route.url)) router.on(method, route.url, () => undefined);
    }
  });
  // onRequest also runs for requests that matched no route (is404), before the not-found handler.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.is404 || !request.url.startsWith('/api/')) return;
    const path = request.url.split('?')[0] ?? '';
    const allowed = METHODS.filter((method) => method !== request.method && router.find(method, path) !== null);
    if (allowed.length === 0) return;
    void reply.header('allow', allowed.join(', '));
    throw new AppError('method_not_allowed', `${request.method} is not allowed here; use ${allowed.join(' or ')}.`);
  });
}
