import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthSchema } from '../domain/api-types.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';
import { registerAccessControl } from './http/access.js';
import { registerApiDocs } from './http/api-docs.js';
import { createAdmissionGate, registerAdmission, type AdmissionGate } from './http/admission.js';
import { registerErrorHandler } from './http/error-handler.js';
import { registerEmptyPatchGuard } from './http/empty-patch.js';
import { registerMethodNotAllowed } from './http/method-not-allowed.js';
import { registerStrictJsonParser } from './http/json-parser.js';
import { registerWebApp } from './http/web-app.js';
import { fastifyTrustProxy } from './http/trust-proxy.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerOidcRoutes, registerSignInMethodsRoute } from './auth/oidc-routes.js';
import { registerSiteRoutes } from './sites/routes.js';
import { registerUserRoutes } from './users/routes.js';
import { registerAuditRoutes } from './audit/routes.js';
import { registerCodeRoutes } from './codes/routes.js';
import { registerMunicipalityRoutes } from './municipalities/routes.js';
import { registerStructuralRoutes } from './structural/routes.js';
import { registerIndicatorRoutes } from './indicators/routes.js';
import { registerSessionRoutes } from './sessions/routes.js';
import { registerDaylogRoutes } from './daylog/routes.js';
import { registerEncounterRoutes } from './encounters/routes.js';
import { registerVisitorCodeRoutes } from './visitor-codes/routes.js';
import { registerReferralRoutes } from './referrals/routes.js';
import { registerGroupRoutes } from './groups/routes.js';
import { registerFeedbackRoutes } from './feedback/routes.js';
import { registerReportRoutes } from './reports/routes.js';
import { registerPilotRoutes } from './pilots/routes.js';
import { registerClientRoutes } from './clients/routes.js';
import { registerClientRecordRoutes } from './client-record/routes.js';
import { registerOwnRoutes } from './own/routes.js';
import { registerInvitationRoutes } from './invitations/routes.js';
import { registerChatRoutes } from './chat/routes.js';
import { registerHelpRequestRoutes } from './help-requests/routes.js';
import { registerGoodPracticeRoutes } from './good-practices/routes.js';
import { registerServiceTrayRoutes } from './services/routes.js';

export type AppOptions = { logger?: boolean | object };

// styled-components (the design system's styling) injects <style> tags, hence 'unsafe-inline' for styles
// only; scripts are strictly same-origin files.
const contentSecurityPolicy = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    upgradeInsecureRequests: null,
  },
};

// Zod validates and serializes every route, so Fastify's default compilers (Ajv, fast-json-stringify)
// would only be loaded and set up for nothing, about a tenth of the embedded start. Fastify types these
// factories as Ajv's; at run time it takes any schema compiler.
const zodCompilers = { buildValidator: () => validatorCompiler, buildSerializer: () => serializerCompiler } as unknown as SchemaCompilers;
type SchemaCompilers = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

/** Builds the whole HTTP app without listening, so tests drive it with inject() and main.ts with listen(). */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: fastifyTrustProxy(deps.config.trustProxy),
    genReqId: () => deps.ids.newId(),
    requestIdHeader: false,
    bodyLimit: 256 * 1024,
    schemaController: { compilersFactory: zodCompilers },
    // Errors raised by the router before any handler (e.g. a malformed %-escape) get the same shape too.
    frameworkErrors: (error, _request, reply) => {
      // Fastify types this reply with an unresolved route generic; it is an ordinary reply.
      void (reply as FastifyReply).status(400).send({ error: { code: 'bad_request', message: error.message } });
    },
  });
  // JSON only: a text/plain body is what a cross-site form could send without a CORS preflight.
  app.removeContentTypeParser('text/plain');
  registerStrictJsonParser(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => void reply.header('x-request-id', request.id));
  // API answers are about people and sessions: no browser, proxy or shared-computer cache may keep
  // them. A route whose answer is public and cacheable sets its own Cache-Control, which stays.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
  });
  registerErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, { contentSecurityPolicy, frameguard: { action: 'deny' }, hsts: deps.config.isSecureCookies });
  // The OpenAPI document and the docs UI: their routes now, their code on the first request to them.
  await registerApiDocs(app);
  const { maxConcurrentRequests, maxConcurrentWrites, maxQueueWaitMs } = deps.config;
  // A line longer than a few rounds of the slots could not be served within the wait bound anyway.
  const maxQueue = maxConcurrentRequests * 5;
  const gate = createAdmissionGate({ concurrency: maxConcurrentRequests, maxWaitMs: maxQueueWaitMs, maxQueue });
  const writeGate = maxConcurrentWrites < maxConcurrentRequests ? createAdmissionGate({ concurrency: maxConcurrentWrites, maxWaitMs: maxQueueWaitMs, maxQueue }) : null;
  registerAdmission(app, gate, writeGate);
  if (deps.config.loadSampleMs > 0) sampleLoad(app, gate, deps);
  registerAccessControl(app, deps);
  registerMethodNotAllowed(app);
  registerEmptyPatchGuard(app);
  registerRoutes(app, deps);
  await registerWebApp(app, deps.config.webDir);
  return app;
}

/** A warn line with the admission line and the pool every few seconds, so an overload can be read from the log afterwards. */
function sampleLoad(app: FastifyInstance, gate: AdmissionGate, deps: Deps): void {
  const timer = setInterval(() => {
    app.log.warn({ admission: { active: gate.active, waiting: gate.waiting }, pool: deps.db.poolStats?.() ?? null }, 'load sample');
  }, deps.config.loadSampleMs);
  timer.unref();
  app.addHook('onClose', (_app, done) => {
    clearInterval(timer);
    done();
  });
}

function registerRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { access: { access: 'public' } },
    schema: { tags: ['health'], response: { 200: healthSchema } },
  }, async () => {
    try {
      await deps.db.ping();
    } catch {
      throw new AppError('db_unavailable', 'The database is not reachable.');
    }
    return { status: 'ok' as const, database: 'ok' as const, engine: deps.db.engine };
  });
  registerAuthRoutes(app, deps);
  registerSignInMethodsRoute(app, deps);
  // Only a deployment that signs staff in through its OpenID Connect provider has these routes.
  if (deps.config.oidc) registerOidcRoutes(app, deps);
  registerSiteRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerCodeRoutes(app, deps);
  registerMunicipalityRoutes(app, deps);
  registerStructuralRoutes(app, deps);
  registerIndicatorRoutes(app, deps);
  registerSessionRoutes(app, deps);
  registerDaylogRoutes(app, deps);
  registerEncounterRoutes(app, deps);
  registerVisitorCodeRoutes(app, deps);
  registerReferralRoutes(app, deps);
  registerGroupRoutes(app, deps);
  registerFeedbackRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerPilotRoutes(app, deps);
  registerClientRoutes(app, deps);
  registerClientRecordRoutes(app, deps);
  registerOwnRoutes(app, deps);
  registerInvitationRoutes(app, deps);
  registerChatRoutes(app, deps);
  registerHelpRequestRoutes(app, deps);
  registerGoodPracticeRoutes(app, deps);
  registerServiceTrayRoutes(app, deps);
}
