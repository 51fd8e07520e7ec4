// The synthetic history for the report benchmark: one region of (by default) 100 sites and five years
// of outreach work ending yesterday, with `encounters` encounters (1 M by default, up to 10 M), generated
// inside the database with set-based SQL, deterministic for a seed. See bench/results/README.md for the
// distributions. The database must be freshly migrated and hold no region yet.
import { uuidv7 } from 'uuidv7';
import { ensureDefaultCodes } from '../../src/server/codes/reference-data.js';
import { loadConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/connect.js';
import { migrate } from '../../src/server/db/migrate.js';
import { ensureDefaultFeedbackForms } from '../../src/server/feedback/seed.js';
import { createRegion } from '../../src/server/sites/commands.js';
import { createDeps } from '../../src/server/start.js';
import { systemIds } from '../../src/server/deps.js';
import { BULK_TABLES, bulkSettings, dropForeignKeys, dropSecondaryIndexes, restoreForeignKeys, restoreIndexes } from './bulk-load.js';
import { setRollupTriggers } from './rollups.js';
import { countOf, timed, type GenContext, type SyntheticOptions } from './synthetic-context.js';
import { loadEncounterChunk } from './synthetic-encounters.js';
import { createExtras } from './synthetic-extras.js';
import { createOrganisation } from './synthetic-org.js';
import { createPlan, planChunks } from './synthetic-plan.js';
import { createSessions } from './synthetic-sessions.js';

export type { SyntheticOptions } from './synthetic-context.js';

/** Tables the report reads (and the generator fills), counted after the load. */
export const COUNTED_TABLES = [
  'sites', 'users', 'outreach_sessions', 'session_professionals', 'visitor_codes', 'encounters', 'encounter_professionals',
  'encounter_codes', 'referrals', 'daylog', 'group_series', 'group_sessions', 'group_attendees', 'feedback_responses', 'feedback_answers',
] as const;

export type SyntheticResult = {
  options: SyntheticOptions;
  regionId: string;
  coordinatorId: string;
  /** Every site with its number of encounters, biggest first. */
  sites: { id: string; name: string; encounters: number }[];
  rows: Record<(typeof COUNTED_TABLES)[number], number>;
  /** Wall-clock times of the steps, in ms. `encounters` is the chunked load of encounters and what hangs on them. */
  timings: { setup: number; sessions: number; encounters: number; extras: number; indexes: number; foreignKeys: number; vacuumAnalyze: number; total: number };
  /** Encounters per second over the encounter step, and rows (all tables counted) per second over the whole generation. */
  encountersPerSecond: number;
  rowsPerSecond: number;
  /** The secondary indexes dropped for the load and rebuilt after it. */
  rebuiltIndexes: string[];
};

export const DEFAULT_SYNTHETIC: Omit<SyntheticOptions, 'encounters' | 'firstDay' | 'lastDay'> = { sites: 100, seed: 20_261_123, chunkRows: 250_000 };

async function siteSizes(ctx: GenContext): Promise<SyntheticResult['sites']> {
  const rows = await ctx.session.query<{ id: string; name: string; encounters: string }>(
    `select b.id, s.name, sum(p.cend - p.cstart) as encounters
       from bench_site b join sites s on s.id = b.id join bench_plan p on p.site_idx = b.idx
      group by b.id, s.name order by 3 desc, s.name`,
  );
  return rows.map((row) => ({ id: row.id, name: row.name, encounters: Number(row.encounters) }));
}

async function loadEncounters(ctx: GenContext): Promise<void> {
  const pools = await createPlan(ctx);
  const chunks = await planChunks(ctx);
  const startedAt = performance.now();
  let done = 0;
  for (const [index, chunk] of chunks.entries()) {
    await loadEncounterChunk(ctx, pools, chunk.fromD, chunk.toD);
    done += chunk.rows;
    const seconds = (performance.now() - startedAt) / 1000;
    ctx.log(`encounters ${done.toLocaleString('en')}/${ctx.encounters.toLocaleString('en')} (chunk ${index + 1}/${chunks.length}, ${seconds.toFixed(0)} s, ${Math.round(done / seconds).toLocaleString('en')}/s)`);
  }
}

async function dropWorkingTables(ctx: GenContext): Promise<void> {
  const tables = await ctx.session.query<{ name: string }>(
    "select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname like 'pg_temp%' and c.relkind = 'r' and c.relname like 'bench\\_%'",
  );
  for (const { name } of tables) await ctx.session.exec(`drop table if exists ${name}`);
}

export async function generateSynthetic(db: Database, options: SyntheticOptions, log: (line: string) => void): Promise<SyntheticResult> {
  if (options.encounters < 1 || options.encounters > 20_000_000) throw new Error(`encounters must be 1…20,000,000, got ${options.encounters}`);
  const startedAt = performance.now();
  const now = new Date();
  await migrate(db);
  await ensureDefaultCodes(db.orm, now);
  await ensureDefaultFeedbackForms(db.orm, systemIds, now);
  // The region through the app's own command: it also seeds the region's services and feedback forms.
  const region = await createRegion(createDeps(loadConfig({ LOG_LEVEL: 'warn' }), db), { name: `Synthetic region ${options.seed}` });
  const coordinatorId = uuidv7();
  // The bulk load writes rows the rollups know nothing of: the caller rebuilds them afterwards (rebuildReportRollups).
  await setRollupTriggers(db, false);
  const timings = { setup: 0, sessions: 0, encounters: 0, extras: 0, indexes: 0, foreignKeys: 0, vacuumAnalyze: 0, total: 0 };
  let sites: SyntheticResult['sites'] = [];
  let rebuiltIndexes: string[] = [];
  await db.withRawSession(async (session) => {
    const ctx: GenContext = { ...options, session, engine: db.engine, regionId: region.id, coordinatorId, log };
    await bulkSettings(session, db.engine);
    timings.setup = (await timed(ctx, 'sites, staff and calendar', () => createOrganisation(ctx))).ms;
    timings.sessions = (await timed(ctx, 'outreach sessions', () => createSessions(ctx))).ms;
    const saved = await dropSecondaryIndexes(session, BULK_TABLES);
    const keys = await dropForeignKeys(session, BULK_TABLES);
    rebuiltIndexes = saved.map((index) => index.name);
    timings.encounters = (await timed(ctx, 'encounters, codes, professionals, referrals', () => loadEncounters(ctx))).ms;
    timings.extras = (await timed(ctx, 'day-centre logs, groups, feedback', () => createExtras(ctx))).ms;
    timings.indexes = (await timed(ctx, `${saved.length} secondary indexes rebuilt`, () => restoreIndexes(session, saved, log))).ms;
    timings.foreignKeys = (await timed(ctx, `${keys.length} foreign keys checked and restored`, () => restoreForeignKeys(session, keys, log))).ms;
    sites = await siteSizes(ctx);
    await dropWorkingTables(ctx);
    // Fresh statistics and visibility maps, as autovacuum would leave a database that grew over years.
    timings.vacuumAnalyze = (await timed(ctx, 'vacuum analyze', () => session.exec('vacuum (analyze)'))).ms;
    // The settings were for the load; the measurements run with the engine's defaults.
    await session.exec('reset all');
  });
  await setRollupTriggers(db, true);
  const rows = {} as SyntheticResult['rows'];
  await db.withRawSession(async (session) => {
    for (const table of COUNTED_TABLES) rows[table] = await countOf(session, table);
  });
  timings.total = performance.now() - startedAt;
  const allRows = Object.values(rows).reduce((sum, n) => sum + n, 0);
  return {
    options,
    regionId: region.id,
    coordinatorId,
    sites,
    rows,
    timings: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])) as SyntheticResult['timings'],
    encountersPerSecond: Math.round(options.encounters / (timings.encounters / 1000)),
    rowsPerSecond: Math.round(allRows / (timings.total / 1000)),
    rebuiltIndexes,
  };
}
