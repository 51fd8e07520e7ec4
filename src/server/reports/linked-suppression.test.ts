import { describe, expect, it } from 'vitest';
import type { ReportCell, ReportSection, ReportTable } from '../../domain/report.js';
import { suppressTable } from '../../domain/suppression.js';
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
  it('hides a service’s realised count and rates, its known-outcome and all counts, where the status table hides what they rest on', () => {
    const statuses = ['suggested', 'booked', 'realised', 'not_realised', 'unknown', 'total'].map((k) => col(k));
    const byStatus = tableOf('referrals.byServiceAndStatus', statuses, [
      ['kela', [shown(6), shown(0), hidden, hidden, shown(9), shown(20)]],
      ['health', [shown(5), shown(5), shown(12), hidden, shown(0), hidden]],
      ['housing', [shown(5), shown(5), shown(12), shown(7), shown(0), shown(29)]],
    ]);
    const columns = [col('realised'), col('knownOutcome'), col('all'), col('rateOfKnown', 'percent'), col('rateOfAll', 'percent')];
    const realisation = tableOf('referrals.realisation', columns, [
      ['kela', [shown(3), shown(5), shown(20), shown(60), shown(15)]],
      ['health', [shown(12), shown(14), shown(24), shown(85.7), shown(50)]],
      ['housing', [shown(12), shown(19), shown(29), shown(63.2), shown(41.4)]],
    ]);
    const linked = linkSuppression([{ key: 'referrals', tables: [byStatus, realisation], texts: [] }]);
    expect(values(find(linked, 'referrals.realisation'))).toEqual([
      ['S', 'S', 20, 'S', 'S'],
      [12, 'S', 'S', 'S', 'S'],
      [12, 19, 29, 63.2, 41.4],
    ]);
    // The counts are hidden for the other table's sake, the rates because they rest on them.
    expect(find(linked, 'referrals.realisation')!.rows[0]!.cells.map((c) => c.reason)).toEqual(['linked', 'linked', undefined, 'derived', 'derived']);
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

  it('protects a small profession against the overview’s contacts: the totals row makes a second cell hide with it', () => {
    const byProfession = tableOf('professionals.byProfession', [col('meetings'), col('contacts')], [
      ['nurse', [shown(40), shown(40)]], ['social_worker', [shown(12), shown(12)]], ['peer_worker', [shown(2), shown(2)]],
    ], [shown(54), shown(54)]);
    const published = suppressTable(byProfession, 5);
    const contacts = published.rows.map((r) => r.cells[1]!);
    // With one hidden contacts cell, 54 minus the visible ones would give it away.
    expect(contacts.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(published.totals![1]).toEqual(shown(54));
  });

  it('hides the overview’s contacts and contacts per hour when the professions’ contacts total is hidden', () => {
    const overview = tableOf('overview.figures', [col('sessionsHeld', 'measure'), col('meetings'), col('professionalContacts'), col('contactsPerProfessionalHour', 'measure')], [['all', [shown(2), shown(3), shown(4), shown(0.5)]]]);
    const byProfession = (total: ReportCell) => tableOf('professionals.byProfession', [col('meetings'), col('contacts')], [['nurse', [hidden, hidden]]], [hidden, total]);
    const linked = linkSuppression([{ key: 'overview', tables: [overview], texts: [] }, { key: 'professionals', tables: [byProfession(hidden)], texts: [] }]);
    expect(values(find(linked, 'overview.figures'))).toEqual([[2, 3, 'S', 'S']]);
    const kept = linkSuppression([{ key: 'overview', tables: [overview], texts: [] }, { key: 'professionals', tables: [byProfession(shown(40))], texts: [] }]);
    expect(values(find(kept, 'overview.figures'))).toEqual([[2, 3, 4, 0.5]]);
  });

  it('keeps a group’s mean unless its total attendance is hidden, and hides a max or min that only a hidden session has', () => {
    const comp: ReportCell = { value: null, suppressed: true, reason: 'complementary' };
    const series = (total: ReportCell) => tableOf('groups.series.s1', [col('total')], [['2025-01-01', [shown(12)]], ['2025-01-08', [comp]], ['2025-01-15', [hidden]]], [total]);
    const summary = tableOf('groups.summary', [col('sessions', 'measure'), { key: 'mean', kind: 'mean' as never, label: null }, col('max'), col('min'), col('repeatParticipants')], [['s1', [shown(3), shown(8), shown(12), hidden, shown(6)]]]);
    const withTotal = linkSuppression([{ key: 'groups', tables: [summary, series(shown(24))], texts: [] }]);
    expect(values(find(withTotal, 'groups.summary'))).toEqual([[3, 8, 12, 'S', 6]]);
    const hiddenTotal = linkSuppression([{ key: 'groups', tables: [summary, series(comp)], texts: [] }]);
    expect(find(hiddenTotal, 'groups.summary')!.rows[0]!.cells.map((c) => c.reason ?? c.value)).toEqual([3, 'derived', 12, null, 6]);
    // The largest session is the hidden one: a shown max would give it away.
    const maxHidden = tableOf('groups.series.s1', [col('total')], [['2025-01-01', [shown(5)]], ['2025-01-08', [comp]], ['2025-01-15', [hidden]]], [shown(24)]);
    const linked = linkSuppression([{ key: 'groups', tables: [summary, maxHidden], texts: [] }]);
    expect(find(linked, 'groups.summary')!.rows[0]!.cells.map((c) => c.reason ?? c.value)).toEqual([3, 8, 'linked', null, 6]);
  });
});
