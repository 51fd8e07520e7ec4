// How the server is bundled, in one place: `npm run build:server` (for `npm start`) and the browser
// tests' global setup both call it, so the tests always run the server exactly as it is shipped.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/**
 * Bundles `entryPoints` (name → source path under the repository) into `outdir` as ES modules for
 * Node 20, packages left external, with source maps, and copies the SQL migrations beside them
 * (migrate.ts reads its SQL files from `migrations/` beside the running module).
 */
export async function bundleServer(outdir, entryPoints) {
  await build({
    entryPoints: Object.fromEntries(Object.entries(entryPoints).map(([name, source]) => [name, path.join(repoRoot, source)])),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Split, so that main.ts's dynamic imports (the HTTP app) load while the database opens. Chunks stay
    // beside the entry points: migrate.ts finds migrations/ next to the module it runs from.
    splitting: true,
    chunkNames: '[name]-[hash]',
    outdir,
    sourcemap: true,
    logLevel: 'warning',
  });
  fs.cpSync(path.join(repoRoot, 'src/server/db/migrations'), path.join(outdir, 'migrations'), { recursive: true });
}
