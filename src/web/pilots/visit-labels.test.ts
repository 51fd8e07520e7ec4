import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../domain/report';
import reportEn from '../i18n/features/report.en.json';
import reportFi from '../i18n/features/report.fi.json';
import reportSv from '../i18n/features/report.sv.json';
import pilotsEn from '../i18n/features/pilots.en.json';
import pilotsFi from '../i18n/features/pilots.fi.json';
import pilotsSv from '../i18n/features/pilots.sv.json';
import { tableModel, type Labels } from '../reports/table-model';

type Texts = Record<string, unknown>;
const lookup = (texts: Texts, path: string): string | null => {
  const found = path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Texts)[part] : undefined), texts);
  return typeof found === 'string' ? found : null;
};
const labelsOf = (locale: 'fi' | 'sv' | 'en', report: Texts): Labels => ({ locale, translate: (key) => (key.startsWith('report.') ? lookup(report, key.slice('report.'.length)) : null) });

const cell = (value: number) => ({ value, suppressed: false });
const visits: ReportTable = {
  key: 'visits.firstOrRepeat',
  columns: [{ key: 'count', kind: 'count', label: null }, { key: 'percent', kind: 'percent', label: null }],
  rows: ['first', 'repeat', 'unknown'].map((key) => ({ key, label: null, cells: [cell(1), cell(33.3)] })),
  totals: null,
  hasRowTotals: false,
};

/**
 * The meeting-level first visit is derived from visitor codes ("first ever in the region"); the
 * per-professional "first time with me" is another figure. The report's table and the pilot page say
 * which one they show, in every language, and give the meetings where it is not known a row of their own.
 */
describe('first and repeat visits, labelled', () => {
  const cases = [
    ['en', reportEn, pilotsEn, /region/, /visitor code/] as const,
    ['fi', reportFi, pilotsFi, /alueella/, /kävijäkood/] as const,
    ['sv', reportSv, pilotsSv, /regionen/, /besökarkod/] as const,
  ];

  it.each(cases)('in the report (%s): rows and title name the region and the visitor code', (locale, report, _pilots, region, code) => {
    const model = tableModel(visits, null, 5, labelsOf(locale, report));
    const [first, repeat, unknown] = model.rows.map((r) => r.label);
    expect(first).toMatch(region);
    expect(repeat).toMatch(region);
    expect(unknown).toMatch(code);
    expect(model.title).toMatch(region);
    expect(model.title).toMatch(code);
  });

  it.each(cases)('on the pilot page (%s): the same figures, named alike, with the not-known row and a note', (_locale, _report, pilots, region, code) => {
    const figures = (pilots as Texts).figures as Record<string, string>;
    expect(figures.first).toMatch(region);
    expect(figures.repeat).toMatch(region);
    expect(figures.visitNotKnown).toMatch(code);
    expect(figures.visitsNote).toMatch(code);
  });
});
