import { suggestedWindow } from '../../domain/reception-window.js';
import type { ReportSection } from '../../domain/report.js';
import type { RollupFigures } from './rollups/read.js';
import { column, gridWithTotals, percent, row, table } from './tables.js';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
export const hourKey = (h: number) => `h${String(h).padStart(2, '0')}`;

/** When visitors come: encounters by Helsinki weekday and hour, and the shortest window covering `windowShare` % of them. */
export function timingSection(figures: RollupFigures, windowShare: number): ReportSection {
  // Rollup keys are '<ISO weekday>:<hour>' in Helsinki time.
  const grid = WEEKDAYS.map((d) => HOURS.map((h) => figures.get('hour', `${d}:${h}`)));
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
