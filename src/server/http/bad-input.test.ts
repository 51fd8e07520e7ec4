import { createPrincipalSession, PRINCIPAL_SESSION_COOKIE } from '../invitations/principal-sessions.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { isErrorCode } from '../../domain/errors.js';
import { roles } from '../../domain/org.js';
import { createSession } from '../auth/sessions.js';
import { routeCases } from '../policy/route-cases.js';
import { routeCatalogue } from './access.js';
import { openApiDocument } from './api-docs.js';
import { createHarness, makeRegion, makeUser, signIn, type Client, type Harness } from '../testing/harness.js';
import { setUpRoleFixture, type Fixture, type RoleKey } from '../testing/policy-matrix.js';
import {
  badValuesFor, DROP, fieldsOf, operationsOf, paramArbitrary, paramsFromUrl, wholeBodies, withValue, type Operation, type Replacement,
} from '../testing/openapi-fuzz.js';
import { testEngine } from '../testing/test-db.js';

type Sent = { url: string; payload?: string | Buffer; contentType?: string };

/** Never a 5xx; a 4xx has the error shape with a documented code; a 2xx is documented and carries no error body. */
function expectCleanAnswer(where: string, response: LightMyRequestResponse, documented?: Record<string, unknown>): void {
  const said = `${where} → ${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, said).toBeLessThan(500);
  if (response.statusCode >= 400) {
    const body = response.json<{ error?: { code?: unknown; message?: unknown } }>();
    expect(body, said).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
    expect(isErrorCode(String(body.error?.code)), `${said}: an undocumented error code`).toBe(true);
    return;
  }
  // A chat stream (server-sent events) answers text, not JSON: its events are the chat's own.
  const isStream = String(response.headers['content-type'] ?? '').startsWith('text/event-stream');
  if (response.body !== '' && !isStream) expect(Object.keys(response.json<object>()), `${said}: a success with an error body`).not.toContain('error');
  if (documented) expect(Object.keys(documented), `${said}: an undocumented success status`).toContain(String(response.statusCode));
}

// These end the caller's session, so each of their runs gets a session of its own.
const sessionEnding = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);
const RUNS = { GET: 4, other: 8 };

type Fuzz = { param: Record<string, string>; body: { path: (string | number)[]; value: Replacement } | { whole: unknown } | null; query: { name: string; value: Replacement } | null };

/** A valid request for the route (from its policy case), with every path parameter resolved to an existing id. */
async function validRequestFor(f: Fixture, op: Operation) {
  const key = `${op.method} ${op.route}`;
  const policyCase = routeCases[key];
  if (!policyCase) throw new Error(`${key} has no policy case, so its parameters cannot be resolved to real ids`);
  const role: RoleKey | null = policyCase.allow === 'public' || policyCase.allow === 'principal' ? null : (policyCase.allow.find((r) => r !== 'anonymous') ?? null);
  const caller = role === null ? null : f.users[role];
  const valid = await policyCase.request({ ...f, caller, role: role ?? 'anonymous', unique: `fuzz-${key}` });
  const params = paramsFromUrl(op.route, valid.url);
  const unresolved = op.pathParams.filter((name) => !params?.[name]);
  if (unresolved.length > 0) throw new Error(`${key}: no real id for ${unresolved.join(', ')} (from ${valid.url})`);
  return { key, caller, params: params ?? {}, body: valid.body, search: new URLSearchParams(valid.url.split('?')[1] ?? '') };
}

function fuzzArbitrary(op: Operation, params: Record<string, string>, body: unknown, realIds: string[]): fc.Arbitrary<Fuzz> {
  const param = fc.record(Object.fromEntries(op.pathParams.map((name) => [name, paramArbitrary(params[name]!)])));
  const fields = op.body ? fieldsOf(op.body, body) : [];
  const bodyFuzz: fc.Arbitrary<Fuzz['body']> = op.body === null ? fc.constant(null) : fc.oneof(
    fc.constant(null),
    fc.constantFrom(...wholeBodies).map((whole) => ({ whole })),
    ...(fields.length > 0 ? [fc.constantFrom(...fields).chain((field) => badValuesFor(field, realIds).map((value) => ({ path: field.path, value })))] : []),
    ...(fields.length > 0 ? [fc.constantFrom(...fields).map((field) => ({ path: [...field.path.slice(0, -1), 'unexpectedField'], value: 'x' }))] : []),
  );
  const queryFuzz: fc.Arbitrary<Fuzz['query']> = op.query.length === 0 ? fc.constant(null) : fc.option(
    fc.constantFrom(...op.query).chain((q) => badValuesFor({ path: [q.name], schema: q.schema, isRequired: false }, realIds).map((value) => ({ name: q.name, value }))),
  );
  return fc.record({ param, body: bodyFuzz, query: queryFuzz });
}

function buildRequest(op: Operation, valid: { body: unknown; search: URLSearchParams }, fuzz: Fuzz): Sent {
  const url = op.route.replace(/:(\w+)/g, (_, name: string) => fuzz.param[name] ?? '');
  const search = new URLSearchParams(valid.search);
  if (fuzz.query && fuzz.query.value === DROP) search.delete(fuzz.query.name);
  else if (fuzz.query) search.set(fuzz.query.name, typeof fuzz.query.value === 'string' ? fuzz.query.value : JSON.stringify(fuzz.query.value));
  const fullUrl = search.size > 0 ? `${url}?${search.toString()}` : url;
  if (op.body === null) return { url: fullUrl };
  const body = fuzz.body === null ? valid.body : 'whole' in fuzz.body ? fuzz.body.whole : withValue(valid.body, fuzz.body.path, fuzz.body.value);
  return { url: fullUrl, payload: JSON.stringify(body ?? null), contentType: 'application/json' };
}

describe(`bad input to every endpoint on ${testEngine}`, () => {
  it('gets a 4xx with the error shape, never a 5xx (property-based, driven by the OpenAPI document)', async () => {
    const h = await createHarness();
    const base = await setUpRoleFixture(h);
    const f: Fixture = { h, ...base, caller: null, role: 'anonymous', unique: 'fuzz' };
    await h.app.ready();
    const operations = operationsOf(await openApiDocument(h.app));
    // The document lists every API route, so the suite below cannot silently skip one.
    expect(operations.map((op) => `${op.method} ${op.route}`).sort()).toEqual(routeCatalogue(h.app).map((r) => `${r.method} ${r.url}`).sort());
    const realIds = [base.siteId, base.regionId, base.target.id];
    for (const op of operations) {
      const valid = await validRequestFor(f, op);
      const sessionFor = async () => (valid.caller ? createSession(h.db.orm, h.deps, valid.caller.id) : null);
      let session = await sessionFor();
      await fc.assert(
        fc.asyncProperty(fuzzArbitrary(op, valid.params, valid.body, realIds), async (fuzz) => {
          if (sessionEnding.has(valid.key)) session = await sessionFor();
          const sent = buildRequest(op, valid, fuzz);
          const response = await h.app.inject({
            method: op.method as 'GET',
            url: sent.url,
            ...(session ? { cookies: { silta_session: session.token }, headers: { 'x-csrf-token': session.csrfToken, ...(sent.contentType ? { 'content-type': sent.contentType } : {}) } } : sent.contentType ? { headers: { 'content-type': sent.contentType } } : {}),
            ...(sent.payload === undefined ? {} : { payload: sent.payload }),
          });
          expectCleanAnswer(`${op.method} ${sent.url} with ${String(sent.payload).slice(0, 200)}`, response, op.responses);
        }),
        // The unchanged valid request and the empty body always run first: they are the cheapest bugs to miss.
        { numRuns: op.method === 'GET' ? RUNS.GET : RUNS.other, examples: [[{ param: valid.params, body: null, query: null }], [{ param: valid.params, body: { whole: {} }, query: null }]] },
      );
    }
  }, 300_000);

  it('rejects broken JSON, broken UTF-8, wrong content types and oversized bodies with the error shape', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const admin = await makeUser(h, region.id, roles.map((role) => ({ role, siteId: null })), 'nurse');
    const client: Client = await signIn(h, admin);
    // The routes of clients and external members are reached with a session of their own.
    const principal = await createPrincipalSession(h.db.orm, h.deps, { kind: 'client', clientId: h.deps.ids.newId(), regionId: region.id, displayName: 'Asiakas' });
    const raw: { sent: Omit<Sent, 'url'>; status: number }[] = [
      { sent: { payload: '{"name": ', contentType: 'application/json' }, status: 400 },
      { sent: { payload: Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]), contentType: 'application/json' }, status: 400 },
      { sent: { payload: 'name=x', contentType: 'application/x-www-form-urlencoded' }, status: 415 },
      { sent: { payload: 'plain', contentType: 'text/plain' }, status: 415 },
      { sent: { payload: JSON.stringify({ name: 'x'.repeat(300 * 1024) }), contentType: 'application/json' }, status: 413 },
    ];
    // Routes with a body limit of their own (Sotkanet's files, src/server/indicators) get a body over theirs.
    const ownLimits: Record<string, number> = { 'POST /api/indicators/sotkanet': 8 * 1024 * 1024 };
    const oversized = (key: string) => JSON.stringify({ name: 'x'.repeat((ownLimits[key] ?? 256 * 1024) + 44 * 1024) });
    // A principal route refuses a staff session before it reads a body (401); its input is the principal's to send.
    for (const route of routeCatalogue(h.app).filter((r) => r.method !== 'GET' && r.url !== '/api/auth/logout' && r.access.access !== 'principal')) {
      for (const { sent: given, status } of raw) {
        const sent = status === 413 ? { ...given, payload: oversized(`${route.method} ${route.url}`) } : given;
        const url = route.url.replace(/:[A-Za-z]+/g, region.id);
        const response = route.access.access === 'principal'
          ? await sendAs(h, { cookies: { [PRINCIPAL_SESSION_COOKIE]: principal.token }, csrfToken: principal.csrfToken }, route.method, { ...sent, url })
          : await sendAs(h, { cookies: { silta_session: client.cookie }, csrfToken: client.session.csrfToken }, route.method, { ...sent, url });
        expectCleanAnswer(`${route.method} ${url} ${sent.contentType}`, response);
        expect(response.statusCode, `${route.method} ${route.url} ${sent.contentType}`).toBe(status);
      }
    }
  }, 120_000);
});

async function sendAs(h: Harness, as: { cookies: Record<string, string>; csrfToken: string }, method: string, sent: Sent): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method: method as 'GET',
    url: sent.url,
    cookies: as.cookies,
    headers: { 'x-csrf-token': as.csrfToken, ...(sent.contentType ? { 'content-type': sent.contentType } : {}) },
    ...(sent.payload === undefined ? {} : { payload: sent.payload }),
  });
}
