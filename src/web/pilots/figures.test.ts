import { describe, expect, it } from 'vitest';
import type { Report, ReportTable } from '../../domain/report';
import { figureText, pilotFigures } from './figures';

const c = (value: number | null, suppressed = false) => ({ value, suppressed });
const table = (key: string, columns: string[], rows: [string, ReturnType<typeof c>[]][], totals: ReturnType<typeof c>[] | null = null, label: ReportTable['rows'][number]['label'] = null): ReportTable => ({
  key,
  columns: columns.map((k) => ({ key: k, kind: 'count' as const, label: null })),
  rows: rows.map(([k, cells]) => ({ key: k, label, cells })),
  totals,
  hasRowTotals: false,
});

const report: Report = {
  query: { siteIds: [], from: '2026-01-05', to: '2026-01-15', pilotId: 'p', sessionKind: null, windowShare: 80 },
  sites: [],
  isSuppressed: true,
  threshold: 5,
  canSeeExact: true,
  generatedAt: '2026-01-15T10:00:00Z',
  sections: [
    { key: 'overview', texts: [], tables: [table('overview.figures', ['sessionsHeld', 'professionalHours', 'meetings', 'professionalContacts', 'contactsPerProfessionalHour'], [['all', [c(4), c(12), c(30), c(42), c(3.5)]]])] },
    { key: 'visits', texts: [], tables: [table('visits.firstOrRepeat', ['count', 'percent'], [['first', [c(null, true), c(null, true)]], ['repeat', [c(27), c(90)]], ['unknown', [c(null, true), c(null, true)]]])] },
    { key: 'referrals', texts: [], tables: [
      table('referrals.byServiceAndStatus', ['suggested', 'booked', 'realised', 'not_realised', 'unknown', 'total'], [], [c(2), c(1), c(6), c(1), c(0), c(10)]),
      // As the report gives it: a row per service and no totals row.
      table('referrals.realisation', ['realised', 'knownOutcome', 'all', 'rateOfKnown', 'rateOfAll'], [['kela', [c(6), c(7), c(10), c(85.7), c(60)]]]),
    ] },
    { key: 'feedback', texts: [], tables: [table('feedback.responses', ['responses', 'peopleMet', 'responseRate'], [['v1', [c(8), c(30), c(26.7)]]], null, { fi: 'Kävijäpalaute', sv: 'Respons', en: 'Feedback' })] },
  ],
};

describe('the pilot figures', () => {
  it('picks the figures by table, row and column key', () => {
    const f = pilotFigures(report, 'sv');
    expect(f).toMatchObject({ contactsPerHour: c(3.5), professionalHours: c(12), meetings: c(30), first: c(null, true), repeat: c(27), visitNotKnown: c(null, true), referrals: c(10), realised: c(6) });
    expect(f.feedback).toEqual([{ key: 'v1', name: 'Respons', responses: c(8), responseRate: c(26.7) }]);
  });

  it('is empty, not wrong, when a table is missing', () => {
    expect(pilotFigures({ ...report, sections: [] }, 'fi')).toMatchObject({ contactsPerHour: null, referrals: null, feedback: [] });
  });

  it('writes hidden cells with the mark of their reason and numbers in the reader’s style', () => {
    expect(figureText({ value: null, suppressed: true, reason: 'small' }, 5, 'fi')).toBe('<5');
    expect(figureText({ value: null, suppressed: true, reason: 'complementary' }, 5, 'fi')).toBe('•');
    expect(figureText(c(null, true), 5, 'fi')).toBe('•');
    expect(figureText(c(null), 5, 'fi')).toBe('–');
    expect(figureText(null, 5, 'fi')).toBe('–');
    expect(figureText(c(3.456), 5, 'fi', 'mean')).toBe('3,5');
    expect(figureText(c(3.456), 5, 'en', 'mean')).toBe('3.5');
    expect(figureText(c(26.7), 5, 'fi', 'percent')).toBe('27 %');
  });
});
