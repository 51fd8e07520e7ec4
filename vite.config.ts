import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';
import { precompress } from './src/web/build/precompress';
import { serviceWorkerSource } from './src/web/offline/service-worker-source';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Files of src/web/public the app shell needs offline (they are copied, not bundled). */
const publicShellFiles = ['/favicon.svg', '/manifest.webmanifest'];

/**
 * Writes dist/web/sw.js with the built files to precache (index.html and the hashed bundles).
 * Its version is a hash of that list, so every new build replaces the old cache.
 */
function serviceWorker(): Plugin {
  return {
    name: 'silta-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle)
        .filter((file) => !file.endsWith('.map') && file !== 'index.html')
        .map((file) => `/${file}`)
        .sort();
      const precache = ['/index.html', ...publicShellFiles, ...built];
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(version, precache) });
    },
  };
}

// The Silta server serves dist/web in production; in development Vite serves the app and
// forwards /api to a server started with `npm run dev`, so cookies stay same-origin.
export default defineConfig({
  root: fromRoot('./src/web'),
  plugins: [react(), serviceWorker(), precompress(fromRoot('./dist/web'))],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    // Keep every asset a file: the CSP allows data: only for images and fonts.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
