// Where the published report's time goes: builds the region's whole-history report unpublished once on
// a synthetic history (BENCH_ENCOUNTERS, default 20 000), then times publishSections and each table's
// suppressTable alone. Run: npx tsx bench/report/suppression-cost.ts
import { addDays, helsinkiDay } from '../../src/domain/calendar.js';
import { reportQuerySchema } from '../../src/domain/report.js';
import { loadActor } from '../../src/server/auth/actor-repo.js';
import { buildReport } from '../../src/server/reports/report.js';
import { publishSections, suppressReportTable } from '../../src/server/reports/publish.js';
import { rebuildReportRollups } from '../../src/server/reports/rollups/rebuild.js';
import { pgliteTarget } from '../encounters-engines.js';
import { reportCases } from './latency.js';
import { DEFAULT_SYNTHETIC, generateSynthetic } from './synthetic.js';

const encounters = Number(process.env.BENCH_ENCOUNTERS ?? 20_000);
const target = pgliteTarget();
const deps = await target.open();
try {
  const lastDay = addDays(helsinkiDay(new Date()), -1);
  const firstDay = addDays(lastDay, -1_825);
  const generation = await generateSynthetic(deps.db, { ...DEFAULT_SYNTHETIC, encounters, firstDay, lastDay, chunkRows: 200_000 }, () => undefined);
  await rebuildReportRollups(deps.db);
  const actor = (await loadActor(deps.db.orm, generation.coordinatorId))!;
  for (const c of reportCases(firstDay, lastDay, generation.sites[0]!.id)) {
    const query = reportQuerySchema.parse({ from: c.from, to: c.to, ...(c.siteIds ? { siteIds: c.siteIds.join(',') } : {}) });
    const report = await buildReport(deps, { actor, requestId: null }, query, { unpublished: true });
    const t0 = performance.now();
    publishSections(report.sections, 5);
    const whole = performance.now() - t0;
    const perTable = report.sections.flatMap((s) => s.tables).map((t) => {
      const s0 = performance.now();
      suppressReportTable(t, 5);
      return { key: t.key, rows: t.rows.length, columns: t.columns.length, ms: performance.now() - s0 };
    });
    perTable.sort((a, b) => b.ms - a.ms);
    const sum = perTable.reduce((a, b) => a + b.ms, 0);
    console.log(`${c.key}: publishSections ${whole.toFixed(0)} ms; tables alone ${sum.toFixed(0)} ms; slowest: ${perTable.slice(0, 6).map((p) => `${p.key} ${p.rows}×${p.columns} ${p.ms.toFixed(0)} ms`).join(', ')}`);
  }
} finally {
  await target.dispose();
}
