import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { precompressDir } from '../../web/build/precompress.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createPasswordHasher } from '../auth/passwords.js';
import type { Database } from '../db/connect.js';
import { systemIds, type Deps } from '../deps.js';
import { createTestDatabase } from '../testing/test-db.js';

// A small built app, as Vite lays it out: a hashed bundle, index.html naming it, sw.js and the manifest.
const bundle = `export const texts = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `text number ${i}`))};\n`;
const indexHtml = `<!doctype html><html lang="fi"><head><script type="module" src="/assets/index-AbC_12-x.js"></script></head><body>${'<div></div>'.repeat(50)}</body></html>`;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A real HTTP request (not inject), so the bytes are exactly what a browser receives. */
function get(port: number, urlPath: string, acceptEncoding: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: urlPath, headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

function decode(answer: Answer): Buffer {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(answer.body);
  if (encoding === 'gzip') return zlib.gunzipSync(answer.body);
  expect(encoding).toBeUndefined();
  return answer.body;
}

describe('serving the built web app', () => {
  let webDir: string;
  let db: Database;
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'silta-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'assets', 'index-AbC_12-x.js'), bundle);
    fs.writeFileSync(path.join(webDir, 'index.html'), indexHtml);
    fs.writeFileSync(path.join(webDir, 'sw.js'), `const precache = ${JSON.stringify(Array.from({ length: 60 }, (_, i) => `/assets/page-${i}.js`))};\n`);
    fs.writeFileSync(path.join(webDir, 'manifest.webmanifest'), '{"name":"Silta"}');
    await precompressDir(webDir);
    db = await createTestDatabase();
    const deps: Deps = { db, config: { ...loadConfig({}), webDir }, clock: { now: () => new Date() }, ids: systemIds, passwords: createPasswordHasher() };
    app = await buildApp(deps);
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await app.close();
    await db.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('writes a brotli and a gzip copy beside each file worth compressing, and none of a tiny one', () => {
    expect(fs.existsSync(path.join(webDir, 'assets', 'index-AbC_12-x.js.br'))).toBe(true);
    expect(fs.existsSync(path.join(webDir, 'assets', 'index-AbC_12-x.js.gz'))).toBe(true);
    expect(fs.existsSync(path.join(webDir, 'index.html.br'))).toBe(true);
    expect(fs.existsSync(path.join(webDir, 'manifest.webmanifest.br'))).toBe(false);
  });

  it.each(['/assets/index-AbC_12-x.js', '/', '/admin/sites', '/sw.js'])('answers %s in br, gzip and identity with the same bytes', async (urlPath) => {
    const original = fs.readFileSync(path.join(webDir, urlPath.startsWith('/assets/') || urlPath === '/sw.js' ? urlPath : 'index.html'));
    const br = await get(port, urlPath, 'br, gzip');
    const gzip = await get(port, urlPath, 'gzip');
    const identity = await get(port, urlPath, 'identity');
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(identity.headers['content-encoding']).toBeUndefined();
    for (const answer of [br, gzip, identity]) {
      expect(answer.status).toBe(200);
      expect(decode(answer).equals(original)).toBe(true);
      // A shared cache must not hand a brotli body to a client that did not ask for it.
      expect(answer.headers.vary?.toLowerCase()).toContain('accept-encoding');
    }
    // Compressed answers are what the build wrote, byte for byte: nothing is compressed per request.
    expect(br.body.equals(fs.readFileSync(path.join(webDir, urlPath.startsWith('/assets/') || urlPath === '/sw.js' ? urlPath : 'index.html') + '.br'))).toBe(true);
    expect(br.body.length).toBeLessThan(original.length);
  });

  it('lets browsers keep hashed bundles for a year without asking', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const answer = await get(port, '/assets/index-AbC_12-x.js', encoding);
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(answer.headers['content-type']).toMatch(/javascript/);
    }
  });

  it('makes browsers revalidate index.html, deep links, the service worker and the manifest', async () => {
    for (const urlPath of ['/', '/admin/sites', '/sw.js', '/manifest.webmanifest']) {
      for (const encoding of ['br', 'identity']) {
        const answer = await get(port, urlPath, encoding);
        expect(answer.status).toBe(200);
        expect(answer.headers['cache-control']).toBe('no-cache');
      }
    }
    expect((await get(port, '/', 'br')).headers['content-type']).toMatch(/text\/html/);
  });

  it('keeps API 404s as JSON', async () => {
    const answer = await get(port, '/api/nothing-here', 'br');
    expect(answer.status).toBe(404);
    expect(JSON.parse(decode(answer).toString('utf8'))).toMatchObject({ error: { code: 'not_found' } });
  });
});
