import { sql } from 'drizzle-orm';
import { suggestedWindow } from '../../domain/reception-window.js';
import type { ReportSection } from '../../domain/report.js';
import { TIME_ZONE } from '../db/helsinki-time.js';
import { encounters } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { encountersIn, type ReportScope } from './scope.js';
import { column, gridWithTotals, percent, row, table } from './tables.js';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
export const hourKey = (h: number) => `h${String(h).padStart(2, '0')}`;

/** When visitors come: encounters by Helsinki weekday and hour, and the shortest window covering `windowShare` % of them. */
export async function timingSection(deps: Deps, scope: ReportScope, windowShare: number): Promise<ReportSection> {
  // The zone is written into the SQL rather than bound: GROUP BY must see the very expression selected.
  const local = sql`(${encounters.occurredAt} at time zone ${sql.raw(`'${TIME_ZONE}'`)})`;
  const weekday = sql<number>`extract(isodow from ${local})::int`;
  const hour = sql<number>`extract(hour from ${local})::int`;
  const counted = await deps.db.orm
    .select({ weekday, hour, count: sql<number>`count(*)::int` })
    .from(encounters)
    .where(encountersIn(scope))
    .groupBy(weekday, hour);
  const grid = WEEKDAYS.map(() => HOURS.map(() => 0));
  for (const c of counted) grid[Number(c.weekday) - 1]![Number(c.hour)] = Number(c.count);
  const heatmap = gridWithTotals('timing.heatmap', HOURS.map(hourKey), WEEKDAYS.map((d, i) => ({ key: String(d), counts: grid[i]! })));

  const byHour = HOURS.map((h) => grid.reduce((sum, day) => sum + day[h]!, 0));
  const window = suggestedWindow(byHour, windowShare / 100);
  const windowTable = table(
    'timing.window',
    [column('fromHour', 'measure'), column('toHour', 'measure'), column('covered', 'count'), column('share', 'percent')],
    [row('window', window ? [window.fromHour, window.toHour, window.covered, percent(window.covered, window.total)] : [null, null, null, null])],
  );
  return { key: 'timing', tables: [heatmap, windowTable], texts: [] };
}
