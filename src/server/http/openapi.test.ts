import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../domain/errors.js';
import { createHarness } from '../testing/harness.js';
import { operationsOf } from '../testing/openapi-fuzz.js';
import { testEngine } from '../testing/test-db.js';
import { routeCatalogue } from './access.js';
import { openApiDocument } from './api-docs.js';

type Document = {
  components: { schemas: Record<string, { properties?: Record<string, { properties?: Record<string, { enum?: string[] }> }> }>; securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }>; requestBody?: { content: Record<string, { schema: { minProperties?: number } }> } }>>;
};

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const errorRef = { $ref: '#/components/schemas/ApiError' };

async function documentOf() {
  const h = await createHarness();
  await h.app.ready();
  const document = (await openApiDocument(h.app)) as unknown as Document;
  return { h, document, operations: operationsOf(document as never) };
}

describe(`the OpenAPI document on ${testEngine}`, () => {
  it('declares the session cookie and the CSRF header, and applies them by each route\'s access rule', async () => {
    const { h, document, operations } = await documentOf();
    expect(document.components.securitySchemes).toEqual({
      sessionCookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'silta_session' }),
      principalSessionCookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'silta_principal_session' }),
      csrfToken: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-csrf-token' }),
    });
    const access = new Map(routeCatalogue(h.app).map((r) => [`${r.method} ${r.url}`, r.access.access]));
    for (const op of operations) {
      const key = `${op.method} ${op.route}`;
      const cookie = access.get(key) === 'principal' ? 'principalSessionCookie' : 'sessionCookie';
      const expected = access.get(key) === 'public' ? [] : [STATE_CHANGING.has(op.method) ? { [cookie]: [], csrfToken: [] } : { [cookie]: [] }];
      expect(op.security, key).toEqual(expected);
    }
  });

  it('lists the error answers of every operation with the error schema, whose codes are the documented ones', async () => {
    const { document, operations } = await documentOf();
    const code = document.components.schemas.ApiError?.properties?.error?.properties?.code;
    expect(code?.enum).toEqual([...errorCodes]);
    for (const op of operations) {
      const key = `${op.method} ${op.route}`;
      const expected = ['400', '500', '503', 'default'];
      if ((op.security?.length ?? 0) > 0) expected.push('401', '403');
      if (op.pathParams.length > 0) expected.push('404');
      if (op.body) expected.push('413', '415');
      expect(Object.keys(op.responses), key).toEqual(expect.arrayContaining(expected));
      for (const status of Object.keys(op.responses).filter((s) => s === 'default' || Number(s) >= 400)) {
        expect((op.responses[status] as { content: Record<string, { schema: unknown }> }).content['application/json']?.schema, `${key} ${status}`).toEqual(errorRef);
      }
    }
  });

  it('documents a success answer for every operation: 204 without a body where the route answers 204', async () => {
    const { document, operations } = await documentOf();
    for (const op of operations) {
      const key = `${op.method} ${op.route}`;
      const successes = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect(successes.length, `${key} documents no success answer`).toBeGreaterThan(0);
      for (const [status, response] of successes) {
        const hasContent = (response as { content?: unknown }).content !== undefined;
        expect(hasContent, `${key} ${status}`).toBe(status !== '204');
      }
    }
    const noContent = operations.filter((op) => '204' in op.responses).map((op) => `${op.method} ${op.route}`);
    expect(noContent.sort()).toEqual([
      'DELETE /api/encounters/:encounterId',
      'DELETE /api/own/session',
      'POST /api/auth/logout',
      'POST /api/encounters/:encounterId/removal',
      'POST /api/public/kiosk/leave',
      'POST /api/users/:userId/password',
    ]);
    // A PATCH must name at least one field to change.
    for (const [path, operations] of Object.entries(document.paths)) {
      const patch = operations.patch;
      if (patch) expect(patch.requestBody?.content['application/json']?.schema.minProperties, path).toBe(1);
    }
  });

  // A deployment serves the built web app beside the API: its page and file routes have no schema,
  // and the document must still render (without them: they are not API operations).
  it('renders the document when the built web app is served too', async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'silta-openapi-web-'));
    afterAll(() => fs.rmSync(webDir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Silta</title>');
    const h = await createHarness({ webDir });
    expect((await h.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    const response = await h.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const paths = Object.keys(response.json<Document>().paths);
    expect(paths).toContain('/api/health');
    expect(paths.filter((p) => !p.startsWith('/api/'))).toEqual([]);
  });
});
