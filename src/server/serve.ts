// Serves Silta: database → migrations → (demo data on a fresh embedded database) → listen. Shared by the
// production entry (main.ts) and the browser tests' entry (testing/main-at-test-time.ts), which differ
// only in their clock.
import type { Config } from './config.js';
import { StartupError } from './startup-error.js';
import { createDeps, openDatabase } from './start.js';
import type { Clock, Deps } from './deps.js';
import { trustProxyWarning } from './http/trust-proxy.js';
import { preloadPgliteAssets, type PgliteAssets } from './db/pglite-assets.js';

// The browser tests' entry imports it from here; main.ts from its own module, to load light.
export { runOrExplain } from './run-or-explain.js';

const startedAt = performance.now();

// The HTTP app (Fastify, every route and its schemas), the demo seeder and the jobs load while the
// database opens: PGlite spends most of its opening waiting (WebAssembly compilation, files), so the
// two overlap. The server bundle is split (scripts/server-bundle.mjs), so these imports really wait.
const loadServerModules = () => Promise.all([import('./app.js'), import('./demo/seed-demo.js'), import('./jobs.js')]);
type DemoModule = Awaited<ReturnType<typeof loadServerModules>>[1];

async function seedIfFresh(demo: DemoModule, deps: Deps, url: string): Promise<void> {
  // Only the embedded database seeds itself: a PostgreSQL deployment gets demo data only when asked.
  if (deps.db.engine !== 'pglite' || (await demo.hasAnyUser(deps))) return;
  process.stdout.write(demo.formatDemoAccounts(await demo.seedDemo(deps), url) + '\n');
}

/**
 * `pgliteAssets`: the embedded engine's files if the caller started reading them before loading this
 * module (main.ts does); otherwise they are started here, still ahead of the server's modules.
 */
export async function serve(config: Config, clock: Clock, pgliteAssets?: Promise<PgliteAssets | undefined>): Promise<void> {
  const assets = pgliteAssets ?? (config.databaseUrl ? undefined : preloadPgliteAssets());
  const [db, [{ buildApp }, demo, { startJobs }]] = await Promise.all([openDatabase(config, assets), loadServerModules()]);
  const deps = createDeps(config, db, clock);
  const url = `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  await seedIfFresh(demo, deps, url);
  const app = await buildApp(deps, { logger: { level: config.logLevel } });
  const trustWarning = trustProxyWarning(config.trustProxy);
  if (trustWarning) app.log.warn(trustWarning);
  const stopJobs = startJobs(deps, app.log);
  let isClosing = false;
  const shutdown = (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    void Promise.all([stopJobs(), app.close()])
      .then(() => db.close())
      .then(() => process.exit(0), (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await db.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartupError(`Port ${config.port} is already in use. Stop the other program or set PORT to a free port.`);
    }
    throw error;
  }
  const port = (app.server.address() as { port: number } | null)?.port ?? config.port;
  app.log.info({ engine: db.engine, startMs: Math.round(performance.now() - startedAt), port }, `Silta is listening on ${url.replace(`:${config.port}`, `:${port}`)}`);
}
