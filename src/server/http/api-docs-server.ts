import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions, type RouteHandlerMethod, type RouteOptions } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { openApiOptions } from './openapi.js';

/** The docs-only instance: the app's OpenAPI document and the docs UI's handlers. */
export type DocsServer = {
  document(): Record<string, unknown>;
  /** Answers a request to one of the app's docs routes with @fastify/swagger-ui's handler for it. */
  handle(request: FastifyRequest, reply: FastifyReply): unknown;
};

// The replayed routes are never called here, only documented: their schemas need no validator or
// serializer, and Fastify's default compilers (Ajv, fast-json-stringify) would not read zod schemas.
const unusedCompilers = {
  buildValidator: () => () => () => true,
  buildSerializer: () => () => (data: unknown) => JSON.stringify(data),
} as unknown as SchemaCompilers;
type SchemaCompilers = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

/**
 * Registers @fastify/swagger and @fastify/swagger-ui on a Fastify instance of their own, with the same
 * options as always, and adds the app's routes to it as they were added to the app, so the document
 * is built from the same route options (schemas, config, URLs, in the same order).
 */
export async function buildDocsServer(appRoutes: readonly RouteOptions[], prefix: string): Promise<DocsServer> {
  const docs: FastifyInstance = Fastify({ schemaController: { compilersFactory: unusedCompilers } });
  const isDocsUrl = (url: string) => url === prefix || url.startsWith(`${prefix}/`);
  const handlers = new Map<string, RouteHandlerMethod>();
  docs.addHook('onRoute', (route) => {
    if (isDocsUrl(route.url)) handlers.set(route.url, route.handler);
  });
  await docs.register(fastifySwagger, openApiOptions);
  await docs.register(fastifySwaggerUi, { routePrefix: prefix });
  for (const route of appRoutes) {
    // HEAD routes are Fastify's own copies of GET routes (it adds them here too), which the document
    // leaves out; the app's docs routes are the ones swagger-ui has just registered here.
    if (route.method === 'HEAD' || isDocsUrl(route.url)) continue;
    docs.route({ method: route.method, url: route.url, schema: route.schema, config: route.config, exposeHeadRoute: false, handler: unreachable });
  }
  await docs.ready();
  return {
    document: () => docs.swagger() as unknown as Record<string, unknown>,
    handle(request, reply) {
      const handler = handlers.get(request.routeOptions.url ?? '');
      if (!handler) throw new Error(`No docs handler for ${request.routeOptions.url}`);
      return handler.call(docs, request, reply);
    },
  };
}

function unreachable(): never {
  throw new Error('A documented route is answered by the app, not by the docs instance.');
}
