// How the server is bundled, in one place: `npm run build:server` (for `npm start`) and the browser
// tests' global setup both call it, so the tests always run the server exactly as it is shipped.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/**
 * Packages left to Node's resolver at run time; every other dependency (Fastify and its plugins' code,
 * zod, Drizzle…) goes into the bundle. Node spends much of an embedded start resolving, reading and
 * compiling node_modules file by file (hundreds of files, each CommonJS one scanned for its exports),
 * and a few chunks cost far less. These stay outside because they find files beside their own modules:
 */
export const externalPackages = [
  // its WebAssembly and file-system bundle, by import.meta.url
  '@electric-sql/pglite',
  // a native addon
  '@node-rs/argon2',
  // node-postgres, loaded only for PostgreSQL (it may also try the optional native pg-native)
  'pg',
  // the docs UI's static files, the spec's package.json and the served files, by __dirname
  '@fastify/swagger',
  '@fastify/swagger-ui',
  '@fastify/static',
  // Fastify's logger: its transports start worker threads from files beside its modules
  'pino',
];

// The bundle is an ES module, but bundled CommonJS code calls require() (for Node's built-ins and the
// packages above), which an ES module does not have: give it one that resolves from the bundle's place.
const requireBanner = "import { createRequire as __siltaCreateRequire } from 'node:module'; const require = __siltaCreateRequire(import.meta.url);";

/**
 * Bundles `entryPoints` (name → source path under the repository) into `outdir` as ES modules for
 * Node 20, dependencies bundled except `externalPackages`, with source maps, and copies the SQL migrations beside them
 * (migrate.ts reads its SQL files from `migrations/` beside the running module).
 */
export async function bundleServer(outdir, entryPoints) {
  await build({
    entryPoints: Object.fromEntries(Object.entries(entryPoints).map(([name, source]) => [name, path.join(repoRoot, source)])),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: externalPackages,
    banner: { js: requireBanner },
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
