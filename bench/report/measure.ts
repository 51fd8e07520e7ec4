// The report benchmark of issue 5, per engine: a throw-away database filled by the synthetic generator,
// the rollups rebuilt (timed), report latency next to count(*), a check of the report against the base
// tables, and saves per second with and without rollup maintenance.
import { execFileSync } from 'node:child_process';
import { and, asc, eq } from 'drizzle-orm';
import { addDays, helsinkiDay } from '../../src/domain/calendar.js';
import { loadActor } from '../../src/server/auth/actor-repo.js';
import { roleAssignments, users } from '../../src/server/db/schema.js';
import { services } from '../../src/server/db/schema-outreach.js';
import type { Deps } from '../../src/server/deps.js';
import type { Actor } from '../../src/server/policy/policy.js';
import { measureOnEngines, type EngineName, type EngineTarget } from '../encounters-engines.js';
import { round } from '../stats.js';
import { reportBreakdown, type Breakdown } from './breakdown.js';
import { checkConsistency, type ConsistencyResult } from './consistency.js';
import { measureLatency, reportCases, type LatencyResult } from './latency.js';
import { measureSaveThroughput, type SaveOptions, type SaveThroughputResult } from './save-throughput.js';
import { rebuildReportRollups } from '../../src/server/reports/rollups/rebuild.js';
import { DEFAULT_SYNTHETIC, generateSynthetic, type SyntheticResult } from './synthetic.js';

export type ReportBenchOptions = {
  /** Encounters generated for each engine. */
  pgliteEncounters: number;
  postgresEncounters: number;
  engines: EngineName[];
  /** Measured report runs per query (after `warmup` uncounted ones). */
  runs: number;
  warmup: number;
  save: SaveOptions;
  /** Where to create the PostgreSQL database; null skips PostgreSQL. */
  postgresUrl: string | null;
};

/** Issue 5's acceptance: report p95 at 1 M on PGlite and at 10 M on PostgreSQL, and the save ratio. */
export const REPORT_TARGETS = { pglite: { encounters: 1_000_000, p95Ms: 500 }, postgres: { encounters: 10_000_000, p95Ms: 200 }, minSaveRatio: 0.8 } as const;

export type EngineReportResult = {
  engine: EngineName;
  where: string;
  generation: SyntheticResult;
  /** rebuildReportRollups after the load, the site-days it computed and the rollup rows it wrote. */
  rollupBuild: { ms: number; rows: number; regionRows: number; siteDays: number };
  latency: LatencyResult;
  /** The headline report's parts timed one by one (median of 5), to show where its time goes. */
  breakdown: Breakdown | null;
  consistency: ConsistencyResult[];
  save: SaveThroughputResult;
  /** Disk use of the database after the load, where the engine can tell (PostgreSQL). */
  databaseBytes: number | null;
  targets: { p95Ms: number; atEncounters: number; p95: number | null; p95Met: boolean; minSaveRatio: number; saveRatioMet: boolean; consistent: boolean };
};

export type ReportBenchResult = {
  options: ReportBenchOptions;
  engines: { engine: EngineName; result: EngineReportResult | null; skipped: string | null }[];
};

function diskFree(): string {
  try {
    return execFileSync('df', ['-h', '/work', '/tmp'], { encoding: 'utf8', timeout: 5_000 }).trim();
  } catch {
    return 'df failed';
  }
}

async function firstService(deps: Deps, regionId: string): Promise<string> {
  const [row] = await deps.db.orm.select({ id: services.id }).from(services).where(eq(services.regionId, regionId)).orderBy(asc(services.sortOrder)).limit(1);
  if (!row) throw new Error('the region has no services');
  return row.id;
}

/** A nurse with a professional role at the site (the generator makes the first professional of every site one). */
async function nurseAt(deps: Deps, siteId: string): Promise<Actor> {
  const [row] = await deps.db.orm
    .select({ id: users.id })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(roleAssignments.siteId, siteId), eq(roleAssignments.role, 'professional'), eq(users.profession, 'nurse')))
    .orderBy(asc(users.username))
    .limit(1);
  const actor = row ? await loadActor(deps.db.orm, row.id) : null;
  if (!actor) throw new Error(`no nurse at site ${siteId}`);
  return actor;
}

async function rollupBuild(deps: Deps, log: (line: string) => void): Promise<EngineReportResult['rollupBuild']> {
  const startedAt = performance.now();
  // The rebuild is one set-based recount, so it has no progress of its own to report.
  await rebuildReportRollups(deps.db);
  const ms = performance.now() - startedAt;
  const [counted] = await deps.db.withRawSession((s) =>
    s.query<{ rows: string; region_rows: string; site_days: string }>(
      `select (select count(*) from report_rollup) as rows,
              (select count(*) from report_rollup_region) as region_rows,
              (select count(*) from (select distinct site_id, period_start from report_rollup where grain = 'd') d) as site_days`,
    ),
  );
  const result = { ms: round(ms, 0), rows: Number(counted?.rows ?? 0), regionRows: Number(counted?.region_rows ?? 0), siteDays: Number(counted?.site_days ?? 0) };
  log(`rollup rebuild: ${result.siteDays.toLocaleString('en')} site-days, ${result.rows.toLocaleString('en')} site rows and ${result.regionRows.toLocaleString('en')} region rows in ${(ms / 1000).toFixed(0)} s`);
  return result;
}

async function databaseBytes(deps: Deps): Promise<number | null> {
  if (deps.db.engine !== 'postgres') return null;
  const [row] = await deps.db.withRawSession((s) => s.query<{ n: string }>('select pg_database_size(current_database()) as n'));
  return Number(row?.n ?? 0);
}

async function measureEngine(target: EngineTarget, encounters: number, options: ReportBenchOptions, log: (line: string) => void): Promise<EngineReportResult> {
  const name = target.engine;
  const say = (line: string) => log(`reports/${name}: ${line}`);
  say(`${encounters.toLocaleString('en')} encounters; disk before:\n${diskFree()}`);
  const deps = await target.open();
  try {
    const today = helsinkiDay(new Date());
    const lastDay = addDays(today, -1);
    // Five years ending yesterday (1,826 days: within the report's five-year limit).
    const firstDay = addDays(lastDay, -1_825);
    const chunkRows = name === 'postgres' ? 500_000 : 200_000;
    const generation = await generateSynthetic(deps.db, { ...DEFAULT_SYNTHETIC, encounters, firstDay, lastDay, chunkRows }, say);
    say(`generated in ${(generation.timings.total / 1000).toFixed(0)} s (${generation.encountersPerSecond.toLocaleString('en')} encounters/s, ${generation.rowsPerSecond.toLocaleString('en')} rows/s)`);
    const build = await rollupBuild(deps, say);
    const bytes = await databaseBytes(deps);
    const actor = await loadActor(deps.db.orm, generation.coordinatorId);
    if (!actor) throw new Error('the generated coordinator has no actor');
    const bigSite = generation.sites[0]!;
    const cases = reportCases(firstDay, lastDay, bigSite.id);
    say(`report latency: ${cases.length} queries × (${options.warmup} warm-up + ${options.runs} runs)…`);
    const latency = await measureLatency(deps, actor, cases, options.runs, options.warmup, say);
    const headlineCase = cases.find((c) => c.key === 'region-all');
    const breakdown = headlineCase ? await reportBreakdown(deps, actor, headlineCase, 5) : null;
    if (breakdown) say(`headline report by part (median ms): ${Object.entries(breakdown.medianMs).map(([part, ms]) => `${part} ${ms}`).join(', ')}; ${breakdown.rollupRowsRead.toLocaleString('en')} rollup rows read (${breakdown.rollupSource})`);
    // Small scopes where a slip shows (a site-month, a mid-month quarter of one site), and the region's unaligned period.
    const middle = generation.sites[Math.floor(generation.sites.length / 2)]!;
    const checks = [
      { key: 'site-month', label: `${middle.name}, ${addDays(lastDay, -40).slice(0, 7)}`, from: `${addDays(lastDay, -40).slice(0, 7)}-01`, to: addDays(`${lastDay.slice(0, 7)}-01`, -1), siteIds: [middle.id] },
      { key: 'site-unaligned', label: `${bigSite.name}, ${addDays(lastDay, -200)} … ${addDays(lastDay, -60)}`, from: addDays(lastDay, -200), to: addDays(lastDay, -60), siteIds: [bigSite.id] },
      ...cases.filter((c) => c.key === 'region-unaligned'),
    ];
    const consistency: ConsistencyResult[] = [];
    for (const c of checks) {
      consistency.push(await checkConsistency(deps, actor, c, today));
      say(`report vs base tables, ${c.label}: ${consistency.at(-1)!.mismatches.length} mismatches in ${consistency.at(-1)!.figures} figures`);
    }
    // Two sites of about the same size in the middle of the range: one per mode (see save-throughput.ts).
    const [a, b] = [generation.sites[10] ?? generation.sites[0]!, generation.sites[11] ?? generation.sites[1] ?? generation.sites[0]!];
    say(`saves with vs without rollup maintenance: ${options.save.rounds} × ${options.save.roundMs} ms per mode…`);
    const sites = { with: { siteId: a.id, actor: await nurseAt(deps, a.id) }, without: { siteId: b.id, actor: await nurseAt(deps, b.id) } };
    const save = await measureSaveThroughput(deps, sites, await firstService(deps, generation.regionId), options.save, say);
    say(`saves/s with ${save.with.perSecond}, without ${save.without.perSecond} → ratio ${save.ratio}`);
    // The maintained site's figures for today, after the last refresh, must match its base tables.
    const todayCheck = { key: 'saves-today', label: `${a.name}, today after the save rounds`, from: today, to: today, siteIds: [a.id] };
    consistency.push(await checkConsistency(deps, actor, todayCheck, today));
    say(`report vs base tables, ${todayCheck.label}: ${consistency.at(-1)!.mismatches.length} mismatches`);
    const goal = REPORT_TARGETS[name];
    const headline = latency.cases.find((c) => c.key === 'region-all');
    const p95 = headline?.report.p95 ?? null;
    return {
      engine: name,
      where: target.where,
      generation,
      rollupBuild: build,
      latency,
      breakdown,
      consistency,
      save,
      databaseBytes: bytes,
      targets: {
        p95Ms: goal.p95Ms,
        atEncounters: goal.encounters,
        p95,
        // Held only when measured at (at least) the size the target names.
        p95Met: p95 !== null && p95 <= goal.p95Ms && encounters >= goal.encounters,
        minSaveRatio: REPORT_TARGETS.minSaveRatio,
        saveRatioMet: save.ratio !== null && save.ratio >= REPORT_TARGETS.minSaveRatio,
        consistent: consistency.every((c) => c.mismatches.length === 0),
      },
    };
  } finally {
    await deps.db.close();
  }
}

export async function measureReports(options: ReportBenchOptions, log: (line: string) => void): Promise<ReportBenchResult> {
  const sizes = { pglite: options.pgliteEncounters, postgres: options.postgresEncounters };
  const engines = await measureOnEngines(options, sizes, 'reports', log, (target, size) => measureEngine(target, size, options, log));
  return { options, engines };
}
