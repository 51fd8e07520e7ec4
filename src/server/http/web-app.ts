import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * Serves the built React app and answers every other non-API GET with index.html, so that deep
 * links (/admin/sites) work on reload. API 404s stay JSON.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const indexPath = path.join(webDir, 'index.html');
  const hasBuild = fs.existsSync(indexPath);
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      maxAge: '1h',
      // The service worker and manifest name the current bundles: a stale copy would pin an old app.
      setHeaders: (response, filePath) => {
        if (/(^|\/)(sw\.js|manifest\.webmanifest)$/.test(filePath)) void response.header('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && request.url !== '/api';
    if (!isPage) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
    }
    if (!hasBuild) {
      return reply.status(503).type('text/plain; charset=utf-8').send('The web app is not built yet. Run `npm run build:web` (npm start does it for you).');
    }
    // index.html must never be cached: it names the current hashed bundles.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', webDir, { maxAge: 0 });
  });
}
