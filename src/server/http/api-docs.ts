import type { FastifyInstance, FastifyPluginCallback, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { DocsServer } from './api-docs-server.js';

/** Where the docs UI and the document are served (the UI at the prefix, the document at /json and /yaml). */
export const DOCS_PREFIX = '/api/docs';

type DocsState = { routes: RouteOptions[]; isReady: boolean; server: Promise<DocsServer> | null };
const states = new WeakMap<FastifyInstance, DocsState>();

/**
 * The OpenAPI document of the app (built on the first call, then the same object). It needs the app
 * ready, since every route must be known; async because the document's builder loads on demand.
 */
export async function openApiDocument(app: FastifyInstance): Promise<Record<string, unknown>> {
  return (await docsServerOf(stateOf(app))).document();
}

function stateOf(app: FastifyInstance): DocsState {
  const state = states.get(app);
  if (!state) throw new Error('The app has no API docs: registerApiDocs() was not called on it.');
  return state;
}

function docsServerOf(state: DocsState): Promise<DocsServer> {
  if (!state.isReady) return Promise.reject(new Error('The OpenAPI document can only be built after the app is ready.'));
  // @fastify/swagger, @fastify/swagger-ui and yaml load here, not at start (a large share of building the app).
  state.server ??= import('./api-docs-server.js').then(({ buildDocsServer }) => buildDocsServer(state.routes, DOCS_PREFIX));
  // A failed build is not kept: the next request tries again.
  state.server.catch(() => { state.server = null; });
  return state.server;
}

/**
 * The same routes that @fastify/swagger-ui registers under DOCS_PREFIX, answered by its own handlers,
 * which run in a docs-only Fastify instance built on the first request (`api-docs-server.ts`). Keeping
 * the routes themselves here, registered at the same point of the app, keeps their place in the
 * router and the hooks they run under (the ones registered before them) exactly as before.
 */
const docsRoutes: FastifyPluginCallback<{ state: DocsState }> = (docs, { state }, done) => {
  const delegate = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const server = await docsServerOf(state);
    const result: unknown = await server.handle(request, reply);
    // swagger-ui's handlers are synchronous and call reply.send themselves; from an async handler like
    // this one, Fastify would send `undefined` a second time unless it gets the reply back.
    return result === undefined ? reply : result;
  };
  const hidden = { schema: { hide: true } };
  for (const url of ['/', '/static/index.html', '/static/swagger-initializer.js', '/json', '/yaml']) {
    docs.route({ method: 'GET', url, ...hidden, handler: delegate });
  }
  // @fastify/static's route for the UI's files, with its error handler: a client that went away while
  // a file streamed is not an error to answer.
  docs.route({
    method: ['HEAD', 'GET'],
    url: '/static/*',
    ...hidden,
    errorHandler(error, request, reply) {
      if ((error as { code?: string } | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
        reply.request.raw.destroy();
        return;
      }
      return docs.errorHandler(error, request, reply);
    },
    handler: delegate,
  });
  done();
};

/**
 * Collects every route as it is added (what @fastify/swagger would document) and registers the docs'
 * routes; the document and the UI's handlers are built on their first request.
 */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  const state: DocsState = { routes: [], isReady: false, server: null };
  states.set(app, state);
  app.addHook('onRoute', (route) => void state.routes.push(route));
  app.addHook('onReady', (done) => {
    state.isReady = true;
    done();
  });
  await app.register(docsRoutes, { prefix: DOCS_PREFIX, state });
}
