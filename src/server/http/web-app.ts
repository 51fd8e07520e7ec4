import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Vite's content-hashed output (`assets/<name>-<hash>.<ext>`, maybe with a `.br`/`.gz` copy's suffix). */
const hashedAsset = /(^|[\\/])assets[\\/][^\\/]+-[\w-]{8}\.[a-z0-9]+(\.(br|gz))?$/i;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
// Everything else (index.html, sw.js, the manifest, the icon) names or is the current build: the
// browser may keep it but must ask first, or a stale copy would pin an old app.
export const REVALIDATE = 'no-cache';

/** The Cache-Control of a file of the built app, from its path on disk. */
export function cacheControlFor(filePath: string): string {
  return hashedAsset.test(filePath) ? IMMUTABLE : REVALIDATE;
}

/**
 * Serves the built React app and answers every other non-API GET with index.html, so that deep
 * links (/admin/sites) work on reload. API 404s stay JSON. Files go out as the build compressed them
 * (`.br`/`.gz` beside each, see src/web/build/precompress.ts) when the browser accepts that.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const indexPath = path.join(webDir, 'index.html');
  const hasBuild = fs.existsSync(indexPath);
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webDir,
      // One catch-all route that looks the file up per request: a route per built file (wildcard: false)
      // meant listing dist/web and registering hundreds of routes at every start. A missing file falls
      // through to the not-found handler below (index.html for pages, JSON for /api).
      wildcard: true,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (response, filePath) => {
        void response.header('cache-control', cacheControlFor(filePath));
      },
    });
    // The catch-all would take / for the directory (index: false): the app's front page is index.html.
    app.get('/', (_request, reply) => reply.sendFile('index.html', webDir));
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && request.url !== '/api';
    if (!isPage) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
    }
    if (!hasBuild) {
      return reply.status(503).type('text/plain; charset=utf-8').send('The web app is not built yet. Run `npm run build:web` (npm start does it for you).');
    }
    // index.html must never be used unchecked: it names the current hashed bundles (setHeaders says no-cache).
    return reply.sendFile('index.html', webDir);
  });
}
