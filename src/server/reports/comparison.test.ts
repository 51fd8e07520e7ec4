import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../domain/report-comparison.js';
import type { Report, ReportCell } from '../../domain/report.js';
import { encounterBody, professionalAt, record, setUpOutreach } from '../encounters/test-support.js';
import { makeSite, makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

/** Every count cell as table|row|column → cell (the totals row as '#totals'). */
function counts(report: Report): Map<string, ReportCell> {
  const out = new Map<string, ReportCell>();
  for (const t of report.sections.flatMap((s) => s.tables)) {
    const rows = [...t.rows.map((r) => [r.key, r.cells] as const), ...(t.totals ? [['#totals', t.totals] as const] : [])];
    for (const [key, cells] of rows) t.columns.forEach((c, i) => c.kind === 'count' && out.set(`${t.key}|${key}|${c.key}`, cells[i]!));
  }
  return out;
}

describe(`a comparison is one report with one suppression pass, on ${testEngine}`, () => {
  it('hides what the difference of two nested scopes would give away, and leaves disjoint periods as they are', async () => {
    const o = await setUpOutreach();
    const { h } = o;
    const other = await makeSite(h, o.regionId);
    const nurseThere = await professionalAt(h, o.regionId, other.id, 'nurse');
    for (let i = 0; i < 7; i++) await record(o.nurse, encounterBody(o));
    for (let i = 0; i < 2; i++) await record(nurseThere, { ...encounterBody(o), siteId: other.id });
    const coordinator = await signIn(h, await makeUser(h, o.regionId, [{ role: 'coordinator', siteId: null }]));
    const get = async <T>(url: string) => {
      const response = await coordinator.request('GET', url);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<T>();
    };
    const period = 'from=2026-01-01&to=2026-01-31';

    // Apart, both sides show their meetings: 9 at both sites, 7 at the first — and so 2 at the other.
    const both = await get<Report>(`/api/reports?siteIds=${o.siteId},${other.id}&${period}`);
    const one = await get<Report>(`/api/reports?siteIds=${o.siteId}&${period}`);
    const meetings = 'overview.figures|all|meetings';
    expect([counts(both).get(meetings), counts(one).get(meetings)]).toEqual([{ value: 9, suppressed: false }, { value: 7, suppressed: false }]);

    const compared = await get<Comparison>(`/api/reports/comparison?siteIds=${o.siteId},${other.id}&${period}&compare=sites&siteIds2=${o.siteId}`);
    expect(compared.overlap).toBe('nested');
    expect(compared.sides.map((s) => s.query.siteIds.length)).toEqual([2, 1]);
    const [first, second] = compared.sides.map(counts) as [Map<string, ReportCell>, Map<string, ReportCell>];
    expect([first.get(meetings)!.suppressed, second.get(meetings)!.suppressed]).toContain(true);
    // Wherever both sides show a count, their difference (the other site's figure) is 0 or not small.
    let pairs = 0;
    for (const [key, cell] of first) {
      const twin = second.get(key);
      if (!twin || cell.suppressed || twin.suppressed || cell.value === null || twin.value === null) continue;
      pairs++;
      const rest = cell.value - twin.value;
      expect(rest === 0 || rest >= 5, `${key}: ${cell.value} − ${twin.value}`).toBe(true);
    }
    expect(pairs).toBeGreaterThan(10);
    // Hidden marks stay honest: a hidden count beside it is never called small unless it is.
    const exactSides = (await get<Comparison>(`/api/reports/comparison?siteIds=${o.siteId},${other.id}&${period}&compare=sites&siteIds2=${o.siteId}&exact=true`)).sides.map(counts);
    compared.sides.map(counts).forEach((side, s) => {
      for (const [key, cell] of side) {
        const value = exactSides[s]!.get(key)!.value ?? 0;
        if (cell.reason === 'small') expect(value >= 1 && value < 5, key).toBe(true);
        if (cell.reason === 'complementary') expect(value, key).toBeGreaterThanOrEqual(5);
      }
    });

    // Disjoint periods share nothing: the pass leaves each side as its own report would be.
    const periods = await get<Comparison>(`/api/reports/comparison?siteIds=${o.siteId}&${period}&compare=period&from2=2025-12-01&to2=2025-12-31`);
    expect(periods.overlap).toBe('none');
    const december = await get<Report>(`/api/reports?siteIds=${o.siteId}&from=2025-12-01&to=2025-12-31`);
    expect(periods.sides.map((s) => s.sections)).toEqual([one.sections, december.sections]);
  });
});
