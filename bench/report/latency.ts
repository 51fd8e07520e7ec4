// Report latency on the generated database: buildReport in process, as a coordinator of the region,
// for a few realistic periods, each run interleaved with a raw `select count(*) from encounters` on
// the same database — the baseline of what merely touching every encounter costs on this machine.
import { sql } from 'drizzle-orm';
import { addDays, monthBounds } from '../../src/domain/calendar.js';
import { reportQuerySchema, type Report } from '../../src/domain/report.js';
import { useWholeTableSettings } from '../../src/server/db/connect.js';
import type { Deps } from '../../src/server/deps.js';
import { buildReport } from '../../src/server/reports/report.js';
import type { Actor } from '../../src/server/policy/policy.js';
import { percentile, ratio, round, sortedCopy } from '../stats.js';

export type ReportCase = { key: string; label: string; from: string; to: string; siteIds: string[] | null };

export type Timing = { p50: number; p95: number; max: number; mean: number; runs: number };

export type CaseLatency = ReportCase & {
  report: Timing;
  /** count(*) runs interleaved with this case's report runs. */
  countStar: Timing;
  /** Report p95 ÷ count(*) p95 of the same runs. Lower is better. */
  ratioP95: number | null;
};

export type LatencyResult = { warmupRuns: number; cases: CaseLatency[]; countStar: Timing };

function timingOf(samples: number[]): Timing {
  const sorted = sortedCopy(samples);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  return { p50: round(percentile(sorted, 50), 1), p95: round(percentile(sorted, 95), 1), max: round(sorted[sorted.length - 1] ?? Number.NaN, 1), mean: round(mean, 1), runs: sorted.length };
}

const quarterStart = (day: string) => `${day.slice(0, 5)}${String(Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;

/**
 * The periods measured, relative to the history's last day: the headline (the whole region over the
 * whole history), the biggest site over the last full calendar year, the region over the last full
 * quarter, and the region over a period that starts and ends mid-month (17th to the 9th two years on),
 * which needs day, month and year pieces at both ends.
 */
export function reportCases(firstDay: string, lastDay: string, bigSiteId: string): ReportCase[] {
  const year = Number(lastDay.slice(0, 4)) - (lastDay.endsWith('-12-31') ? 0 : 1);
  const quarterEnd = addDays(quarterStart(addDays(lastDay, 1)), -1);
  const quarterFrom = quarterStart(quarterEnd);
  // Thirty months back, on the 17th; the 9th, two years later, is then about six months before the last day.
  const startMonth = addDays(monthBounds(lastDay.slice(0, 7)).first, -30 * 30.5).slice(0, 7);
  const unalignedFrom = `${startMonth}-17`;
  const unalignedTo = `${String(Number(startMonth.slice(0, 4)) + 2).padStart(4, '0')}-${startMonth.slice(5, 7)}-09`;
  const cases: ReportCase[] = [
    { key: 'region-all', label: `region, whole history (${firstDay} … ${lastDay})`, from: firstDay, to: lastDay, siteIds: null },
    { key: 'site-year', label: `biggest site, calendar year ${year}`, from: `${year}-01-01`, to: `${year}-12-31`, siteIds: [bigSiteId] },
    { key: 'region-quarter', label: `region, last full quarter (${quarterFrom} … ${quarterEnd})`, from: quarterFrom, to: quarterEnd, siteIds: null },
    { key: 'region-unaligned', label: `region, ${unalignedFrom} … ${unalignedTo}`, from: unalignedFrom, to: unalignedTo, siteIds: null },
  ];
  // A short test history may not reach back this far: keep the periods that lie inside it.
  return cases.filter((c) => c.from >= firstDay && c.to <= lastDay && c.from <= c.to);
}

export async function runReport(deps: Deps, actor: Actor, c: ReportCase, exact = false): Promise<Report> {
  const query = reportQuerySchema.parse({ from: c.from, to: c.to, exact: String(exact), ...(c.siteIds ? { siteIds: c.siteIds.join(',') } : {}) });
  return buildReport(deps, { actor, requestId: null }, query);
}

async function countStar(deps: Deps): Promise<number> {
  // With PostgreSQL's own settings (parallel workers, JIT), as psql would run it: Silta's pool turns
  // them off for its requests, which would slow the baseline down.
  const result = await deps.db.orm.transaction(async (tx) => {
    await useWholeTableSettings(tx, deps.db.engine);
    return tx.execute(sql`select count(*) as n from encounters`);
  });
  return Number((result as { rows: { n: string }[] }).rows[0]?.n ?? 0);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const startedAt = performance.now();
  await work();
  return performance.now() - startedAt;
}

/**
 * Per case: `warmup` uncounted runs, then `runs` rounds of count(*) followed by the report, so drift
 * on a shared machine hits both alike.
 */
export async function measureLatency(deps: Deps, actor: Actor, cases: ReportCase[], runs: number, warmup: number, log: (line: string) => void): Promise<LatencyResult> {
  const results: CaseLatency[] = [];
  const allCounts: number[] = [];
  for (const c of cases) {
    for (let i = 0; i < warmup; i += 1) {
      await countStar(deps);
      await runReport(deps, actor, c);
    }
    const reportMs: number[] = [];
    const countMs: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      countMs.push(await timed(() => countStar(deps)));
      reportMs.push(await timed(() => runReport(deps, actor, c)));
    }
    allCounts.push(...countMs);
    const report = timingOf(reportMs);
    const baseline = timingOf(countMs);
    results.push({ ...c, report, countStar: baseline, ratioP95: ratio(report.p95, baseline.p95) });
    log(`report ${c.key}: p50 ${report.p50} ms, p95 ${report.p95} ms, max ${report.max} ms; count(*) p95 ${baseline.p95} ms`);
  }
  return { warmupRuns: warmup, cases: results, countStar: timingOf(allCounts) };
}
