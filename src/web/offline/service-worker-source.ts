/**
 * The service worker, as text: vite.config.ts writes it to dist/web/sw.js with the list of the
 * built files (the app shell), so a phone that has opened the app once can open it again offline.
 * It never touches /api: the app's outbox and offline copies handle data.
 */
export function serviceWorkerSource(version: string, precache: readonly string[]): string {
  return `// Silta service worker ${version}. Generated at build time; do not edit.
const CACHE = 'silta-shell-${version}';
const PRECACHE = ${JSON.stringify(precache)};

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('silta-shell-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname === '/api' || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // Network first, so a new version is seen at once; the cached shell when offline.
    event.respondWith(
      fetch(request).catch(() => caches.match('/index.html', { cacheName: CACHE }).then((cached) => cached || Response.error())),
    );
    return;
  }
  // Hashed assets never change: the cached copy is always right.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request)));
});
`;
}
