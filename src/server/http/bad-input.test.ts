import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { roles } from '../../domain/org.js';
import { routeCatalogue, type RouteEntry } from './access.js';
import { createHarness, makeRegion, makeSite, makeUser, signIn, type Client, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

type Sent = { url: string; payload?: string | Buffer; contentType?: string };

function expectCleanRejection(route: RouteEntry, sent: Sent, response: LightMyRequestResponse): void {
  const where = `${route.method} ${sent.url} with ${String(sent.payload).slice(0, 200)} → ${response.statusCode} ${response.body.slice(0, 200)}`;
  expect(response.statusCode, where).toBeLessThan(500);
  if (response.statusCode >= 400) {
    expect(response.json(), where).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  }
}

// Path parameters: a real id, a well-formed stranger, and garbage.
const paramValue = (realIds: string[]) =>
  fc.oneof(fc.constantFrom(...realIds), fc.uuid(), fc.string({ maxLength: 40 }), fc.constantFrom('%00', '..%2F..', "1' or '1'='1", '%E0%A4%A'));

function fillParams(url: string, value: string): string {
  return url.replace(/:[A-Za-z]+/g, () => encodeURIComponent(value).replace(/%25/g, '%'));
}

const hostileStrings = fc.constantFrom('', ' ', '\u0000', 'x'.repeat(10_000), "'; drop table users; --", '<script>alert(1)</script>', '\uD800', '🧪'.repeat(50));
const bodyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('regionId', 'name', 'kind', 'username', 'password', 'roles', 'locale', 'displayName', 'openingHours', 'newPassword', 'currentPassword', 'isActive', 'siteId'), fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileStrings)),
);
const queryValue = fc.dictionary(fc.constantFrom('action', 'actorId', 'siteId', 'from', 'to', 'cursor', 'limit'), fc.oneof(fc.string({ maxLength: 30 }), hostileStrings.map((s) => s.slice(0, 300))));

async function send(h: Harness, client: Client, route: RouteEntry, sent: Sent): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method: route.method as 'GET',
    url: sent.url,
    cookies: { silta_session: client.cookie },
    headers: { 'x-csrf-token': client.session.csrfToken, ...(sent.contentType ? { 'content-type': sent.contentType } : {}) },
    ...(sent.payload === undefined ? {} : { payload: sent.payload }),
  });
}

// Someone who may call every route, so that bad input reaches every handler instead of stopping at 403.
const everyRole = () => roles.map((role) => ({ role, siteId: null }));

describe(`bad input to every endpoint on ${testEngine}`, () => {
  it('gets a 4xx with the error shape, never a 5xx (property-based, over the route list)', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const site = await makeSite(h, region.id);
    const admin = await makeUser(h, region.id, everyRole(), 'nurse');
    const client = await signIn(h, admin);
    const realIds = [site.id, admin.id, region.id];
    for (const route of routeCatalogue(h.app)) {
      // Sign-out and password changes would end the fuzzing session; their bodies are fuzzed through a fresh session.
      const fuzzClient = route.url === '/api/auth/logout' || route.url === '/api/auth/password' ? null : client;
      await fc.assert(
        fc.asyncProperty(paramValue(realIds), bodyValue, queryValue, async (param, body, query) => {
          const actor = fuzzClient ?? (await signIn(h, admin, `10.55.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`));
          const search = new URLSearchParams(query).toString();
          const url = fillParams(route.url, param) + (route.method === 'GET' && search ? `?${search}` : '');
          const sent: Sent = route.method === 'GET' ? { url } : { url, payload: JSON.stringify(body), contentType: 'application/json' };
          expectCleanRejection(route, sent, await send(h, actor, route, sent));
        }),
        { numRuns: route.method === 'GET' ? 25 : 40 },
      );
    }
  }, 300_000);

  it('rejects broken JSON, broken UTF-8, wrong content types and oversized bodies with the error shape', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const admin = await makeUser(h, region.id, everyRole(), 'nurse');
    const client = await signIn(h, admin);
    const raw: { sent: Omit<Sent, 'url'>; status: number }[] = [
      { sent: { payload: '{"name": ', contentType: 'application/json' }, status: 400 },
      { sent: { payload: Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]), contentType: 'application/json' }, status: 400 },
      { sent: { payload: 'name=x', contentType: 'application/x-www-form-urlencoded' }, status: 415 },
      { sent: { payload: 'plain', contentType: 'text/plain' }, status: 415 },
      { sent: { payload: JSON.stringify({ name: 'x'.repeat(300 * 1024) }), contentType: 'application/json' }, status: 413 },
    ];
    for (const route of routeCatalogue(h.app).filter((r) => r.method !== 'GET' && r.url !== '/api/auth/logout')) {
      for (const { sent, status } of raw) {
        const full = { ...sent, url: fillParams(route.url, region.id) };
        const response = await send(h, client, route, full);
        expectCleanRejection(route, full, response);
        expect(response.statusCode, `${route.method} ${route.url} ${sent.contentType}`).toBe(status);
      }
    }
  }, 120_000);
});
