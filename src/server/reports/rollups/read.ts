import { sql, type SQL } from 'drizzle-orm';
import { signedPieces, type PeriodPiece } from '../../../domain/rollup-periods.js';
import { rowsOf, type Executor } from '../../db/connect.js';
import type { ReportScope } from '../scope.js';

/** Summed rollup figures of a report scope: `get('enc', 'meetings')`, `keys('ref')`. */
export type RollupFigures = {
  get(metric: string, key: string): number;
  /** The keys of a metric that have a non-zero figure. */
  keys(metric: string): string[];
};

function figuresOf(rows: { metric: string; key: string; n: string }[]): RollupFigures {
  const values = new Map<string, number>();
  const byMetric = new Map<string, string[]>();
  for (const r of rows) {
    values.set(`${r.metric}|${r.key}`, Number(r.n));
    byMetric.set(r.metric, [...(byMetric.get(r.metric) ?? []), r.key]);
  }
  return { get: (metric, key) => values.get(`${metric}|${key}`) ?? 0, keys: (metric) => byMetric.get(metric) ?? [] };
}

/**
 * How a scope's figures are summed: over its own sites' rows, or over the region's rows less the
 * sites it leaves out. Whichever reads fewer sites' worth of rows; both give the same counts.
 */
export type RollupSource = { kind: 'sites'; siteIds: string[] } | { kind: 'region'; regionId: string; excludedSiteIds: string[] };

export function chooseRollupSource(regionId: string, scopeSiteIds: string[], regionSiteIds: string[]): RollupSource {
  const included = new Set(scopeSiteIds);
  const excludedSiteIds = regionSiteIds.filter((id) => !included.has(id));
  // Reading the region costs about as much as a few sites' rows (the keys overlap), so it wins when
  // it leaves out fewer sites than the scope names.
  return excludedSiteIds.length < scopeSiteIds.length ? { kind: 'region', regionId, excludedSiteIds } : { kind: 'sites', siteIds: scopeSiteIds };
}

const siteBranch = (p: PeriodPiece, siteIds: string[], filter: SQL, sign: '' | '-'): SQL => sql`
  select metric, key, ${sql.raw(sign)}n as n from report_rollup
   where grain = ${p.grain} and site_id in (${sql.join(siteIds.map((id) => sql`${id}::uuid`), sql`, `)})
     and period_start between ${p.firstStart}::date and ${p.lastStart}::date and ${filter}`;

const regionBranch = (p: PeriodPiece, regionId: string, filter: SQL, sign: '' | '-'): SQL => sql`
  select metric, key, ${sql.raw(sign)}n as n from report_rollup_region
   where grain = ${p.grain} and region_id = ${regionId}::uuid
     and period_start between ${p.firstStart}::date and ${p.lastStart}::date and ${filter}`;

/**
 * One sum over the rollup rows that cover from..to exactly: whole years, whole months and days, some
 * of them subtracted (signedPieces: this month as the month less the days still to come). `today` is
 * the last day that can hold data.
 */
async function sumPeriod(ex: Executor, source: RollupSource, sessionKind: string | null, from: string, to: string, today: string, metrics: SQL) {
  const pieces = signedPieces(from, to, today);
  if (pieces.length === 0 || (source.kind === 'sites' && source.siteIds.length === 0)) return [];
  const filter = sessionKind === null ? metrics : sql`${metrics} and session_kind = ${sessionKind}`;
  // One branch per piece, each an equality on grain and a range on period_start, so that every branch
  // is a range scan of the primary key (an OR of the pieces made the planner read the table).
  const branches = pieces.flatMap((p) => {
    const [sign, opposite] = p.sign === 1 ? (['', '-'] as const) : (['-', ''] as const);
    return source.kind === 'sites'
      ? [siteBranch(p, source.siteIds, filter, sign)]
      : [regionBranch(p, source.regionId, filter, sign), ...(source.excludedSiteIds.length > 0 ? [siteBranch(p, source.excludedSiteIds, filter, opposite)] : [])];
  });
  const result = await ex.execute(sql`
    select metric, key, sum(n)::text as n from (${sql.join(branches, sql` union all `)}) pieces
     group by metric, key having sum(n) <> 0`);
  return rowsOf<{ metric: string; key: string; n: string }>(result);
}

async function regionSiteIds(ex: Executor, regionId: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(await ex.execute(sql`select id::text as id from sites where region_id = ${regionId}::uuid`));
  return rows.map((r) => r.id);
}

/**
 * The encounter and session figures of a scope from the rollups. Encounters count over the whole
 * period; sessions only up to today (a session later than today has not been held). `source` forces
 * one way of summing (tests compare the two); by default the cheaper one is chosen.
 */
export async function readRollups(ex: Executor, scope: ReportScope, source?: RollupSource): Promise<RollupFigures> {
  const chosen = source ?? chooseRollupSource(scope.regionId, scope.siteIds, await regionSiteIds(ex, scope.regionId));
  // A period that reaches past today reads sessions only up to today, in a sum of their own; otherwise
  // one sum reads every metric, so the rows are read once (the metric is not a leading key column).
  if (scope.to <= scope.today) return figuresOf(await sumPeriod(ex, chosen, scope.sessionKind, scope.from, scope.to, scope.today, sql`true`));
  const [encounterRows, sessionRows] = await Promise.all([
    sumPeriod(ex, chosen, scope.sessionKind, scope.from, scope.to, scope.today, sql`metric <> 'sess'`),
    sumPeriod(ex, chosen, scope.sessionKind, scope.from, scope.today, scope.today, sql`metric = 'sess'`),
  ]);
  return figuresOf([...encounterRows, ...sessionRows]);
}

/**
 * One rollup figure per site, summed over the same period pieces as readRollups: summed over some of the
 * sites it equals readRollups({ ...scope, siteIds: those }).get(metric, key). One read serves every
 * subset of the sites (the report's response rates divide by the meetings of each form's own sites).
 * Not for 'sess', which readRollups reads only up to today.
 */
export async function readSiteFigure(ex: Executor, scope: ReportScope, siteIds: string[], metric: string, key: string): Promise<Map<string, number>> {
  if (metric === 'sess') throw new Error('readSiteFigure does not read session figures');
  const pieces = signedPieces(scope.from, scope.to, scope.today);
  if (pieces.length === 0 || siteIds.length === 0) return new Map();
  const kind = scope.sessionKind === null ? sql`` : sql` and session_kind = ${scope.sessionKind}`;
  const sites = sql.join(siteIds.map((id) => sql`${id}::uuid`), sql`, `);
  const branches = pieces.map((p) => sql`
    select site_id, ${sql.raw(p.sign === 1 ? '' : '-')}n as n from report_rollup
     where grain = ${p.grain} and site_id in (${sites}) and period_start between ${p.firstStart}::date and ${p.lastStart}::date
       and metric = ${metric} and key = ${key}${kind}`);
  const rows = rowsOf<{ site_id: string; n: string }>(await ex.execute(sql`
    select site_id::text as site_id, sum(n)::text as n from (${sql.join(branches, sql` union all `)}) pieces group by site_id`));
  return new Map(rows.map((r) => [r.site_id, Number(r.n)]));
}
