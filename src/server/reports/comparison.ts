import { suppressComparison } from '../../domain/comparison-suppression.js';
import type { Comparison, ComparisonQuery } from '../../domain/report-comparison.js';
import type { Report, ReportQuery, ReportTable } from '../../domain/report.js';
import type { Deps } from '../deps.js';
import { linkSuppression } from './linked-suppression.js';
import { suppressReportTable } from './publish.js';
import { buildReport } from './report.js';
import type { Ctx } from '../http/context.js';

/** Tables whose counts do not add up over scopes (a window chosen from the data; maxima, minima, people across sessions). */
const notAdditive = new Set(['groups.summary', 'timing.window']);

/**
 * A comparison as one report: both sides computed unpublished, then published together with one
 * suppression pass, so that nothing hidden on one side can be worked out with the other's figures
 * (docs/PRIVACY.md). Overlapping scopes are computed once more, never shown, to know what the two
 * sides share.
 */
export async function buildComparison(deps: Deps, ctx: Ctx, q: ComparisonQuery): Promise<Comparison> {
  const { compare, from2, to2, siteIds2, ...base } = q;
  const first: ReportQuery = base;
  const second: ReportQuery = compare === 'period' ? { ...base, from: from2!, to: to2! } : { ...base, siteIds: siteIds2 };
  const sides = [await buildReport(deps, ctx, first, { unpublished: true }), await buildReport(deps, ctx, second, { unpublished: true })] as [Report, Report];
  const shared = overlapOf(sides);
  const overlap = shared.query ? await buildReport(deps, ctx, { ...base, ...shared.query, exact: false }, { unpublished: true, quiet: true }) : null;
  const kind = shared.query === null ? 'none' : shared.restEmpty.some(Boolean) ? 'nested' : 'partial';
  if (q.exact) return { sides, overlap: kind };

  const threshold = sides[0].threshold;
  const tablesOf = (r: Report) => r.sections.flatMap((s) => s.tables);
  const relink = (tables: ReportTable[]) => linkSuppression([{ key: 'overview', tables, texts: [] }]).flatMap((s) => s.tables);
  const published = suppressComparison([tablesOf(sides[0]), tablesOf(sides[1])], overlap ? { tables: tablesOf(overlap), restEmpty: shared.restEmpty } : null, {
    threshold,
    suppress: suppressReportTable,
    relink,
    additive: (tableKey) => !notAdditive.has(tableKey),
  });
  const withTables = (r: Report, tables: ReportTable[]): Report => {
    const byKey = new Map(tables.map((t) => [t.key, t]));
    return { ...r, isSuppressed: true, sections: r.sections.map((s) => ({ ...s, tables: s.tables.map((t) => byKey.get(t.key) ?? t) })) };
  };
  return { sides: [withTables(sides[0], published[0]), withTables(sides[1], published[1])], overlap: kind };
}

/** What the two sides share: the overlapping period (same sites) or the sites in both (same period). */
function overlapOf([a, b]: [Report, Report]): { query: Partial<ReportQuery> | null; restEmpty: [boolean, boolean] } {
  const none = { query: null, restEmpty: [false, false] as [boolean, boolean] };
  const sameSites = a.query.siteIds.length === b.query.siteIds.length && a.query.siteIds.every((id) => b.query.siteIds.includes(id));
  if (sameSites) {
    const from = a.query.from > b.query.from ? a.query.from : b.query.from;
    const to = a.query.to < b.query.to ? a.query.to : b.query.to;
    if (from > to) return none;
    return { query: { from, to }, restEmpty: [a.query.from >= from && a.query.to <= to, b.query.from >= from && b.query.to <= to] };
  }
  if (a.query.from !== b.query.from || a.query.to !== b.query.to) return none; // different sites and periods: not asked for
  const both = a.query.siteIds.filter((id) => b.query.siteIds.includes(id));
  if (both.length === 0) return none;
  return { query: { siteIds: both }, restEmpty: [both.length === a.query.siteIds.length, both.length === b.query.siteIds.length] };
}
