// Where a report's time goes: the parts of buildReport timed one by one on the same scope (the rollup
// refresh and read, and the sections that read their own tables), and how many rollup rows the read
// sums, so a missed target points at its cause. The parts run one after another here, while
// buildReport overlaps some, so they need not add up to the report's time.
import { signedPieces } from '../../src/domain/rollup-periods.js';
import { reportQuerySchema } from '../../src/domain/report.js';
import type { Deps } from '../../src/server/deps.js';
import type { Actor } from '../../src/server/policy/policy.js';
import { daylogSection } from '../../src/server/reports/daylog.js';
import { feedbackSection } from '../../src/server/reports/feedback.js';
import { groupsSection } from '../../src/server/reports/groups.js';
import { readProfessionalFacts } from '../../src/server/reports/professional-facts.js';
import { chooseRollupSource, readRollups, type RollupSource } from '../../src/server/reports/rollups/read.js';
import { refreshReportRollups } from '../../src/server/reports/rollups/refresh.js';
import { resolveScope, type ReportScope } from '../../src/server/reports/scope.js';
import { percentile, round, sortedCopy } from '../stats.js';
import type { ReportCase } from './latency.js';

export type Breakdown = {
  /** Median ms per part over the runs (after one warm-up). */
  medianMs: Record<string, number>;
  /** Rollup rows the scope's read sums (all grains and metrics of its period pieces). */
  rollupRowsRead: number;
  /** Whether the read summed the scope's sites or the region's rows (less the sites left out). */
  rollupSource: RollupSource['kind'];
};

/** The rows of one table that readRollups sums for the period pieces, for the sites or the region given. */
async function countRows(deps: Deps, table: 'report_rollup' | 'report_rollup_region', column: 'site_id' | 'region_id', ids: string[], scope: ReportScope): Promise<number> {
  // Added and subtracted pieces alike are read.
  const pieces = signedPieces(scope.from, scope.to, scope.today);
  const params: string[] = [ids.join(',')];
  const arms = pieces.map((p) => {
    params.push(p.grain, p.firstStart, p.lastStart);
    const n = params.length;
    return `(grain = $${n - 2} and period_start between $${n - 1}::date and $${n}::date)`;
  });
  if (arms.length === 0 || ids.length === 0) return 0;
  const [row] = await deps.db.withRawSession((s) =>
    s.query<{ n: string }>(`select count(*) as n from ${table} where ${column} = any(string_to_array($1, ',')::uuid[]) and (${arms.join(' or ')})`, params),
  );
  return Number(row?.n ?? 0);
}

/** The rows readRollups sums, counted with the same period pieces and the same choice of source. */
async function rollupRows(deps: Deps, scope: ReportScope): Promise<{ rows: number; source: RollupSource['kind'] }> {
  const regionSites = await deps.db.withRawSession((s) => s.query<{ id: string }>('select id::text as id from sites where region_id = $1', [scope.regionId]));
  const source = chooseRollupSource(scope.regionId, scope.siteIds, regionSites.map((r) => r.id));
  if (source.kind === 'sites') return { rows: await countRows(deps, 'report_rollup', 'site_id', source.siteIds, scope), source: source.kind };
  const region = await countRows(deps, 'report_rollup_region', 'region_id', [source.regionId], scope);
  return { rows: region + (await countRows(deps, 'report_rollup', 'site_id', source.excludedSiteIds, scope)), source: source.kind };
}

export async function reportBreakdown(deps: Deps, actor: Actor, c: ReportCase, runs: number): Promise<Breakdown> {
  const query = reportQuerySchema.parse({ from: c.from, to: c.to, ...(c.siteIds ? { siteIds: c.siteIds.join(',') } : {}) });
  const scope = await resolveScope(deps, actor, query);
  // The bench reads as the region's coordinator, who may read open answers: time them too (their
  // audit rows included), as buildReport does for this reader.
  const reader = { actor, requestId: null, includeOpen: true };
  const figures = await readRollups(deps.db.orm, scope);
  const parts: [string, () => Promise<unknown>][] = [
    ['scope', () => resolveScope(deps, actor, query)],
    ['rollups.refresh', () => refreshReportRollups(deps.db)],
    ['rollups.read', () => readRollups(deps.db.orm, scope)],
    ['daylog', () => daylogSection(deps, scope)],
    ['groups', () => groupsSection(deps, scope)],
    // Per-profession figures are in rollups.read (migration 0020); every professional's own figures come
    // from the base tables, read only for a coordinator's exact view (issue 16 item 2).
    ['perProfessional', () => readProfessionalFacts(deps.db.orm, scope, null)],
    // The response rate divides by the scope's meetings (or by those of a form's sites, read per site).
    ['feedback', () => feedbackSection(deps, scope, figures, figures.get('enc', 'meetings'), reader)],
  ];
  const medianMs: Record<string, number> = {};
  for (const [name, run] of parts) {
    await run();
    const samples: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const startedAt = performance.now();
      await run();
      samples.push(performance.now() - startedAt);
    }
    medianMs[name] = round(percentile(sortedCopy(samples), 50), 1);
  }
  const counted = await rollupRows(deps, scope);
  return { medianMs, rollupRowsRead: counted.rows, rollupSource: counted.source };
}
