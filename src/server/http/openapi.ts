import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../domain/api-types.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { PRINCIPAL_SESSION_COOKIE } from '../invitations/principal-sessions.js';
import type { RouteAccess } from './access.js';

/** The response of a route that answers 204: documented as "no content" (Fastify sends no body for 204). */
export const noContent = z.null().describe('No content');

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const errorRef = { $ref: '#/components/schemas/ApiError' };

export const securitySchemes = {
  sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie set by POST /api/auth/login (HttpOnly).' },
  principalSessionCookie: { type: 'apiKey', in: 'cookie', name: PRINCIPAL_SESSION_COOKIE, description: 'The session cookie of a client or external member (set when they sign in with a passkey or code and PIN).' },
  csrfToken: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'The csrfToken returned by login and GET /api/auth/me; required on every state change.' },
} as const;

/** Who may call the route, in OpenAPI terms: nothing for public routes, the cookie, plus the CSRF header on changes. */
function securityOf(access: RouteAccess | undefined, method: string): Record<string, string[]>[] | undefined {
  if (!access) return undefined;
  if (access.access === 'public') return [];
  const cookie = access.access === 'principal' ? 'principalSessionCookie' : 'sessionCookie';
  return [STATE_CHANGING.has(method) ? { [cookie]: [], csrfToken: [] } : { [cookie]: [] }];
}

type Operation = {
  security?: unknown[];
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
};

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorRef } } });

/** The error answers an operation can get, all with the `{ error: { code, message } }` body. */
function errorResponsesOf(method: string, operation: Operation): Record<string, unknown> {
  const isSecured = (operation.security?.length ?? 0) > 0;
  const hasPathParams = (operation.parameters ?? []).some((p) => p.in === 'path');
  const responses: Record<string, unknown> = {
    400: errorResponse(method === 'PATCH' ? 'bad_request: the input does not match the schema; nothing_to_change: the body names no field to change' : 'bad_request: the input does not match the schema'),
  };
  if (isSecured) responses[401] = errorResponse('unauthenticated: no valid session');
  if (isSecured) responses[403] = errorResponse(STATE_CHANGING.has(method) ? 'forbidden, or csrf: the x-csrf-token header is missing or wrong' : 'forbidden');
  if (hasPathParams) responses[404] = errorResponse('not_found (also for another region\'s items)');
  if (STATE_CHANGING.has(method)) responses[409] = errorResponse('conflict: that already exists');
  if (operation.requestBody) {
    responses[413] = errorResponse('payload_too_large');
    responses[415] = errorResponse('unsupported_media_type: send application/json');
  }
  if (!isSecured && STATE_CHANGING.has(method)) responses[429] = errorResponse('too_many_requests');
  responses[500] = errorResponse('internal: an unexpected failure (logged; the message never carries internal details)');
  responses[503] = errorResponse('db_unavailable or busy (with Retry-After)');
  responses.default = errorResponse('any other error, with the same shape');
  return responses;
}

/** Adds the error schema and every operation's error answers to the generated document. */
function completeDocument(document: Record<string, unknown>): Record<string, unknown> {
  const components = (document.components ?? {}) as Record<string, Record<string, unknown>>;
  components.schemas = { ...components.schemas, ApiError: z.toJSONSchema(apiErrorSchema, { target: 'openapi-3.0' }) };
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const operations of Object.values(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      operation.responses = { ...errorResponsesOf(method.toUpperCase(), operation), ...operation.responses };
    }
  }
  return { ...document, components };
}

/** @fastify/swagger options: zod schemas → JSON Schema, plus security, errors and the empty-PATCH rule. */
export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    info: { title: 'Silta API', version: '0.1.0', description: 'Low-threshold outreach work: encounters, referrals, feedback, evaluation.' },
    // Declared up front: @fastify/swagger resolves each route's `security` against these.
    components: { securitySchemes },
  },
  transform: (input) => {
    // The built web app's page and file routes have no schema: they are not API operations.
    if (!input.schema) return { schema: { hide: true }, url: input.url };
    const { schema, url } = jsonSchemaTransform(input);
    const method = [input.route.method].flat()[0] ?? 'GET';
    const security = securityOf(input.route.config?.access, method);
    const { body, response } = schema as { body?: Record<string, unknown>; response?: Record<string, unknown> };
    // A PATCH must name at least one field (the empty-patch guard answers 400 otherwise).
    const patched = method === 'PATCH' && body ? { body: { ...body, minProperties: 1 } } : {};
    // OpenAPI 3.0 has no null type; `type: 'null'` is how @fastify/swagger writes a response without content.
    const answered = response && '204' in response ? { response: { ...response, 204: { type: 'null', description: 'No content' } } } : {};
    return { schema: { ...schema, ...patched, ...answered, ...(security === undefined ? {} : { security }) }, url };
  },
  transformObject: (documentObject) => completeDocument((documentObject as { openapiObject: Record<string, unknown> }).openapiObject),
};
