// What the per-profession figures cost (issue 16 items 2 and 10). Since migration 0020 they are rollup
// keys, summed by the one rollup read every report makes; only the per-professional table reads the base
// tables, for every professional (a coordinator's exact view) or for one (a professional's own row).
// Generates the report benchmark's synthetic history in a temporary PGlite data directory
// (BENCH_ENCOUNTERS, 1 M by default), then times, on the report benchmark's cases: the rollup read with
// the per-profession tables built from it, the per-professional facts of everyone, and of one
// professional, and the whole report (published and exact) for scale. Run: npx tsx bench/report/profession-cost.ts
import { sql } from 'drizzle-orm';
import { addDays, helsinkiDay } from '../../src/domain/calendar.js';
import { reportQuerySchema } from '../../src/domain/report.js';
import { loadActor } from '../../src/server/auth/actor-repo.js';
import { rowsOf } from '../../src/server/db/connect.js';
import { ageTableByProfession, hoursTableByProfession, jointMeetingsTable, referralTableByProfession, visitTablesByProfession } from '../../src/server/reports/profession-tables.js';
import { readProfessionalFacts } from '../../src/server/reports/professional-facts.js';
import { readRollups } from '../../src/server/reports/rollups/read.js';
import { rebuildReportRollups } from '../../src/server/reports/rollups/rebuild.js';
import { resolveScope } from '../../src/server/reports/scope.js';
import { pgliteTarget } from '../encounters-engines.js';
import { percentile, sortedCopy } from '../stats.js';
import { reportCases, runReport } from './latency.js';
import { DEFAULT_SYNTHETIC, generateSynthetic } from './synthetic.js';

const encounters = Number(process.env.BENCH_ENCOUNTERS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const target = pgliteTarget();
const deps = await target.open();

async function median(run: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const startedAt = performance.now();
    await run();
    samples.push(performance.now() - startedAt);
  }
  const sorted = sortedCopy(samples);
  return { median: percentile(sorted, 50), max: sorted[sorted.length - 1]! };
}

try {
  const lastDay = addDays(helsinkiDay(new Date()), -1);
  const firstDay = addDays(lastDay, -1_825);
  const generation = await generateSynthetic(deps.db, { ...DEFAULT_SYNTHETIC, encounters, firstDay, lastDay, chunkRows: 200_000 }, (line) => console.log(line));
  // The bulk load leaves the rollups to the caller, as in the report bench (measure.ts).
  await rebuildReportRollups(deps.db);
  const actor = (await loadActor(deps.db.orm, generation.coordinatorId))!;
  // The professional with the most contacts, for the cost of one own row.
  const [busiest] = rowsOf<{ user_id: string }>(await deps.db.orm.execute(sql`
    select user_id::text as user_id from encounter_professionals group by 1 order by count(*) desc limit 1`));
  for (const c of reportCases(firstDay, lastDay, generation.sites[0]!.id)) {
    const query = reportQuerySchema.parse({ from: c.from, to: c.to, ...(c.siteIds ? { siteIds: c.siteIds.join(',') } : {}) });
    const scope = await resolveScope(deps, actor, query);
    const tables = await median(async () => {
      const figures = await readRollups(deps.db.orm, scope);
      return [...visitTablesByProfession(figures), ageTableByProfession(figures), hoursTableByProfession(figures), jointMeetingsTable(figures), referralTableByProfession(figures)];
    });
    const everyone = await median(() => readProfessionalFacts(deps.db.orm, scope, null));
    const own = busiest ? await median(() => readProfessionalFacts(deps.db.orm, scope, busiest.user_id)) : null;
    // The whole report around them, published and exact (the coordinator's exact view has every professional's row).
    const published = await median(() => runReport(deps, actor, c));
    const exact = await median(() => runReport(deps, actor, c, true));
    const ms = (t: { median: number; max: number }) => `median ${t.median.toFixed(0)} ms, max ${t.max.toFixed(0)} ms`;
    console.log(`${c.key} (${runs} runs): rollup read + per-profession tables ${ms(tables)}; per-professional, everyone ${ms(everyone)}${own ? `; one own row ${ms(own)}` : ''}; whole report, published ${ms(published)}, exact ${ms(exact)}`);
  }
} finally {
  await target.dispose();
}
