import { describe, expect, it } from 'vitest';
import type { ReportCell, ReportSection, ReportTable } from '../../domain/report.js';
import { linkSuppression } from './linked-suppression.js';

const shown = (value: number): ReportCell => ({ value, suppressed: false });
const hidden: ReportCell = { value: null, suppressed: true };
const col = (key: string, kind: 'count' | 'measure' | 'percent' = 'count') => ({ key, kind, label: null });
const tableOf = (key: string, columns: ReturnType<typeof col>[], rows: [string, ReportCell[]][], totals: ReportCell[] | null = null): ReportTable => ({
  key, columns, rows: rows.map(([k, cells]) => ({ key: k, label: null, cells })), totals, hasRowTotals: false,
});
const values = (t: ReportTable | undefined) => t?.rows.map((r) => r.cells.map((c) => (c.suppressed ? 'S' : c.value)));
const find = (sections: ReportSection[], key: string) => sections.flatMap((s) => s.tables).find((t) => t.key === key);

describe('suppression linked across tables', () => {
  it('hides a service’s realised count and rate, and its closed count, where the status table hides them', () => {
    const statuses = ['suggested', 'booked', 'realised', 'not_realised', 'unknown'].map((k) => col(k));
    const byStatus = tableOf('referrals.byServiceAndStatus', statuses, [
      ['kela', [shown(6), shown(0), hidden, hidden, shown(9)]],
      ['health', [shown(5), shown(5), shown(12), shown(7), shown(0)]],
    ]);
    const realisation = tableOf('referrals.realisation', [col('realised'), col('closed'), col('realisationRate', 'percent')], [
      ['kela', [shown(3), shown(13), shown(15)]],
      ['health', [shown(12), shown(19), shown(41.4)]],
    ]);
    const linked = linkSuppression([{ key: 'referrals', tables: [byStatus, realisation], texts: [] }]);
    expect(values(find(linked, 'referrals.realisation'))).toEqual([['S', 'S', 'S'], [12, 19, 41.4]]);
  });

  it('hides the window’s count and share when an hour total inside it is hidden, not when one outside is', () => {
    const hours = Array.from({ length: 24 }, (_, h) => col(`h${String(h).padStart(2, '0')}`));
    const totals = hours.map((_, h) => (h === 8 ? hidden : shown(h >= 10 && h < 13 ? 20 : 0)));
    const heatmap = tableOf('timing.heatmap', hours, [], totals);
    const window = (from: number, to: number) =>
      tableOf('timing.window', [col('fromHour', 'measure'), col('toHour', 'measure'), col('covered'), col('share', 'percent')], [['window', [shown(from), shown(to), shown(60), shown(90)]]]);
    const outside = linkSuppression([{ key: 'timing', tables: [heatmap, window(10, 13)], texts: [] }]);
    expect(values(find(outside, 'timing.window'))).toEqual([[10, 13, 60, 90]]);
    const inside = linkSuppression([{ key: 'timing', tables: [heatmap, window(8, 13)], texts: [] }]);
    expect(values(find(inside, 'timing.window'))).toEqual([[8, 13, 'S', 'S']]);
  });
});
