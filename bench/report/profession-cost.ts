// What the per-profession figures cost (issue 16 item 2): they are read from the base tables, not the
// rollups. Generates the report benchmark's synthetic history in a temporary PGlite data directory
// (BENCH_ENCOUNTERS, 1 M by default), then times readProfessionFacts on the report benchmark's cases
// and prints the plan of its largest query. Run: npx tsx bench/report/profession-cost.ts
import { addDays, helsinkiDay } from '../../src/domain/calendar.js';
import { reportQuerySchema } from '../../src/domain/report.js';
import { loadActor } from '../../src/server/auth/actor-repo.js';
import { readProfessionFacts } from '../../src/server/reports/profession-facts.js';
import { resolveScope } from '../../src/server/reports/scope.js';
import { pgliteTarget } from '../encounters-engines.js';
import { percentile, sortedCopy } from '../stats.js';
import { reportCases } from './latency.js';
import { DEFAULT_SYNTHETIC, generateSynthetic } from './synthetic.js';

const encounters = Number(process.env.BENCH_ENCOUNTERS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const target = pgliteTarget();
const deps = await target.open();
try {
  const lastDay = addDays(helsinkiDay(new Date()), -1);
  const firstDay = addDays(lastDay, -1_825);
  const generation = await generateSynthetic(deps.db, { ...DEFAULT_SYNTHETIC, encounters, firstDay, lastDay, chunkRows: 200_000 }, (line) => console.log(line));
  const actor = (await loadActor(deps.db.orm, generation.coordinatorId))!;
  for (const c of reportCases(firstDay, lastDay, generation.sites[0]!.id)) {
    const query = reportQuerySchema.parse({ from: c.from, to: c.to, ...(c.siteIds ? { siteIds: c.siteIds.join(',') } : {}) });
    const scope = await resolveScope(deps, actor, query);
    await readProfessionFacts(deps.db.orm, scope);
    const samples: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const startedAt = performance.now();
      await readProfessionFacts(deps.db.orm, scope);
      samples.push(performance.now() - startedAt);
    }
    const sorted = sortedCopy(samples);
    console.log(`${c.key}: professionFacts median ${percentile(sorted, 50).toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms over ${runs} runs`);
  }
} finally {
  await target.dispose();
}
