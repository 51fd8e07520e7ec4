import { describe, expect, it } from 'vitest';
import type { ReportCell, ReportTable } from '../../domain/report';
import { type Labels, tableModel } from './table-model';
import { windowSentence } from './window-sentence';

const labels: Labels = { locale: 'fi', translate: () => null };
const t = (key: string, o: Record<string, unknown> = {}) => `${key} ${JSON.stringify(o)}`;
const v = (value: number | null): ReportCell => ({ value, suppressed: false });

function windowTable(cells: ReportCell[]): ReportTable {
  const kinds = ['measure', 'measure', 'count', 'percent'] as const;
  return {
    key: 'timing.window',
    columns: ['fromHour', 'toHour', 'covered', 'share'].map((key, i) => ({ key, kind: kinds[i]!, label: null })),
    rows: [{ key: 'window', label: null, cells }],
    totals: null,
    hasRowTotals: false,
  };
}

describe('the reception-window sentence', () => {
  it('states the share the window really covers, written as its table writes it', () => {
    const model = tableModel(windowTable([v(10), v(13), v(43), v((43 / 51) * 100)]), null, 5, labels);
    const sentence = windowSentence(model, 80, t, 'fi');
    const tableShare = model.rows[0]!.cells[3]!.text;
    expect(tableShare.replace(/\s/g, ' ')).toBe('84,3 %');
    expect(sentence).toEqual({ window: '10-13', text: `report.window.sentence ${JSON.stringify({ from: 10, to: 13, target: model.rows[0]!.cells[3]!.text.replace('84,3', '80'), share: tableShare })}` });
  });

  it('never puts the target in place of a hidden share', () => {
    const model = tableModel(windowTable([v(10), v(13), { value: null, suppressed: true, reason: 'linked' }, { value: null, suppressed: true, reason: 'derived' }]), null, 5, labels);
    const sentence = windowSentence(model, 80, t, 'fi');
    expect(sentence.text.startsWith('report.window.sentenceHidden ')).toBe(true);
    expect(sentence.text).not.toContain('"share"');
  });

  it('says no window can be suggested when there is none', () => {
    const model = tableModel(windowTable([v(null), v(null), v(null), v(null)]), null, 5, labels);
    expect(windowSentence(model, 80, t, 'fi')).toEqual({ window: 'none', text: 'report.window.none {}' });
  });
});
