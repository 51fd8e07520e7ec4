import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { createHarness, makeRegion, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

const errorOf = (response: LightMyRequestResponse) => response.json<{ error: { code: string; message: string } }>().error;

describe(`the error answer on ${testEngine}`, () => {
  it('is { error: { code, message } } for an unexpected throw, with a generic message and never the internal text', async () => {
    const h = await createHarness();
    const secret = 'connection string postgres://silta:hunter2@db';
    h.app.get('/api/test/throws', { config: { access: { access: 'public' } } }, () => {
      throw new Error(secret);
    });
    // Errors without a cause, with a cause that is not an object, and things that are not errors at all.
    h.app.get('/api/test/odd-cause', { config: { access: { access: 'public' } } }, () => {
      throw Object.assign(new Error(secret), { cause: 'a string' });
    });
    h.app.get('/api/test/not-an-error', { config: { access: { access: 'public' } } }, () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a library may throw anything
      throw { message: secret, statusCode: 418 };
    });
    for (const url of ['/api/test/throws', '/api/test/odd-cause']) {
      const response = await h.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(500);
      expect(errorOf(response), url).toEqual({ code: 'internal', message: expect.stringMatching(/went wrong/) });
      expect(response.body).not.toContain('hunter2');
    }
    const odd = await h.app.inject({ method: 'GET', url: '/api/test/not-an-error' });
    expect(odd.statusCode).toBeGreaterThanOrEqual(400);
    expect(errorOf(odd).code).toMatch(/^[a-z_]+$/);
    expect(odd.body).not.toContain('hunter2');
  });

  // Was the one 500 of the soak after a stall of the writes (issue 16): every pooled connection was held.
  it.runIf(testEngine === 'postgres')('answers 503 busy with Retry-After, not 500, when no pooled connection came free in time', async () => {
    const h = await createHarness();
    const pool = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1, connectionTimeoutMillis: 50 });
    const held = await pool.connect();
    try {
      h.app.get('/api/test/pool-exhausted', { config: { access: { access: 'public' } } }, async () => {
        await drizzle({ client: pool }).execute(sql`select 1`);
        return { reached: true };
      });
      const response = await h.app.inject({ method: 'GET', url: '/api/test/pool-exhausted' });
      expect(response.statusCode).toBe(503);
      expect(errorOf(response).code).toBe('busy');
      expect(response.headers['retry-after']).toBe('2');
    } finally {
      held.release();
      await pool.end();
    }
  });

  it('answers an empty PATCH with 400 nothing_to_change instead of a 500', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const admin = await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]);
    const client = await signIn(h, admin);
    for (const body of [{}, { unknownField: 1 }]) {
      const response = await client.request('PATCH', '/api/codes/need/health/blood_pressure', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(errorOf(response)).toEqual({ code: 'nothing_to_change', message: expect.stringMatching(/at least one field/) });
    }
    // A real change still goes through.
    const changed = await client.request('PATCH', '/api/codes/need/health/blood_pressure', { sortOrder: 7 });
    expect(changed.statusCode, changed.body).toBe(200);
  });

  it('gives Fastify\'s own errors the same shape: unknown route 404, wrong method 405 with Allow, validation 400', async () => {
    const h = await createHarness();
    const region = await makeRegion(h);
    const admin = await makeUser(h, region.id, [{ role: 'administrator', siteId: null }]);
    const client = await signIn(h, admin);
    const missing = await client.request('GET', '/api/no-such-thing');
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('not_found');

    const wrongMethod = await client.request('DELETE', '/api/sites');
    expect(wrongMethod.statusCode).toBe(405);
    expect(errorOf(wrongMethod)).toEqual({ code: 'method_not_allowed', message: expect.stringMatching(/DELETE/) });
    expect(wrongMethod.headers.allow).toBe('GET, POST');
    const wrongMethodWithParam = await client.request('PUT', `/api/sites/${region.id}`);
    expect(wrongMethodWithParam.statusCode).toBe(405);
    expect(wrongMethodWithParam.headers.allow).toBe('GET, PATCH');

    const invalid = await client.request('POST', '/api/sites', { name: 7 });
    expect(invalid.statusCode).toBe(400);
    expect(errorOf(invalid).code).toBe('bad_request');

    const badEscape = await client.request('GET', '/api/sites/%E0%A4%A');
    expect(badEscape.statusCode).toBe(400);
    expect(errorOf(badEscape).code).toBe('bad_request');
  });
});
