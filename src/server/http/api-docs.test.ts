import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createHarness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';
import { openApiDocument } from './api-docs.js';

// The document and the docs UI are built on their first request (not at start): these check that the
// first requests, even at once, get the same answers as later ones, and what the accessor promises.
describe(`the API docs, built on demand, on ${testEngine}`, () => {
  it('answers the first requests to the UI, its files and both forms of the document, all at once', async () => {
    const h = await createHarness();
    const [ui, initializer, css, json, yaml] = await Promise.all(
      ['/api/docs', '/api/docs/static/swagger-initializer.js', '/api/docs/static/swagger-ui.css', '/api/docs/json', '/api/docs/yaml']
        .map((url) => h.app.inject({ method: 'GET', url })),
    );
    for (const response of [ui, initializer, css, json, yaml]) expect(response!.statusCode, response!.body.slice(0, 300)).toBe(200);
    expect(ui!.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(ui!.body).toContain('src="/api/docs/static/swagger-initializer.js"');
    expect(initializer!.body).toContain('SwaggerUIBundle');
    expect(css!.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(json!.json()).toEqual(await openApiDocument(h.app));
    expect(yaml!.headers['content-type']).toBe('application/x-yaml');
    expect(yaml!.body).toMatch(/^openapi: 3\./);
    expect(yaml!.body).toContain('/api/health:');
    // The app's own hooks still run for the docs: no caching of API answers, the request id.
    expect(json!.headers['cache-control']).toBe('no-store');
    expect(json!.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('keeps the docs files\' answers for missing files and paths outside the UI', async () => {
    const h = await createHarness();
    expect((await h.app.inject({ method: 'GET', url: '/api/docs/static/no-such-file.js' })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/api/docs/static/../../package.json' })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'HEAD', url: '/api/docs/static/swagger-ui.css' })).statusCode).toBe(200);
  });

  // Over a real socket (inject hides it): a handler that replied must not be answered a second time
  // ("Reply was already sent", ERR_HTTP_HEADERS_SENT in the log) while the app's onSend hooks run.
  it('answers each docs request once, logging no warning or error', async () => {
    const h = await createHarness();
    const logged: string[] = [];
    const stream = new Writable({ write(chunk: Buffer, _encoding, done) { logged.push(chunk.toString()); done(); } });
    const app = await buildApp(h.deps, { logger: { level: 'warn', stream } });
    try {
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      for (const url of ['/api/docs', '/api/docs/json', '/api/docs/yaml', '/api/docs/static/swagger-ui.css', '/api/docs/static/no-such-file.js', '/api/docs/static/index.html']) {
        const response = await fetch(`${address}${url}`, { redirect: 'manual' });
        await response.arrayBuffer();
        expect(response.status, url).toBe(url.includes('no-such-file') ? 404 : url.endsWith('index.html') ? 302 : 200);
      }
    } finally {
      await app.close();
    }
    expect(logged).toEqual([]);
  });

  it('gives the same document object every time, and only once every route is known', async () => {
    const h = await createHarness();
    await expect(openApiDocument(h.app)).rejects.toThrow(/after the app is ready/);
    await h.app.ready();
    const document = await openApiDocument(h.app);
    expect(Object.keys(document.paths as object)).toContain('/api/health');
    expect(await openApiDocument(h.app)).toBe(document);
  });
});
