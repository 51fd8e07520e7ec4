import { describe, expect, it } from 'vitest';
import type { Report, ReportCell, ReportTable } from '../../domain/report.js';
import { encounterBody, record, setUpOutreach } from '../encounters/test-support.js';
import { seedDefaultFeedbackForms } from '../feedback/seed.js';
import { makeUser, signIn } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

type Item = { id: string; kind: string };
const shown = (c: ReportCell) => (c.suppressed ? c.reason : c.value === null ? null : Math.round(c.value * 10) / 10);
const flat = (t: ReportTable) => [...t.rows.map((r) => [r.key, ...r.cells.map(shown)]), ...(t.totals ? [['Σ', ...t.totals.map(shown)]] : [])];

/**
 * The referral follow-up form on paper, 27 sheets: "did you get there?" (one of yes / not yet / no)
 * answered by 26 — yes 14, not yet 9, no 3 — and "what stopped you?" (many of five) by 11:
 * no appointment 6, too hard 5, forgot 3, not needed 0, other 1.
 */
const went = [...Array<string>(14).fill('yes'), ...Array<string>(9).fill('not_yet'), ...Array<string>(3).fill('no'), null];
const stopped: string[][] = [['no_appointment', 'too_hard'], ['no_appointment', 'too_hard'], ['no_appointment', 'forgot'], ['no_appointment'], ['no_appointment'], ['no_appointment', 'other'], ['too_hard'], ['too_hard'], ['too_hard', 'forgot'], ['forgot'], []];

describe(`choice questions in the report on ${testEngine}`, () => {
  it('counts each option with n and shares, and hides small ones honestly, in both views', async () => {
    const o = await setUpOutreach();
    const { h } = o;
    await seedDefaultFeedbackForms(h.db.orm, h.deps.ids, o.regionId, h.clock.now());
    for (let i = 0; i < 3; i++) await record(o.nurse, encounterBody(o));
    const coordinator = await signIn(h, await makeUser(h, o.regionId, [{ role: 'coordinator', siteId: null }]));
    const forms = (await coordinator.request('GET', '/api/feedback/forms')).json<{ forms: { id: string; templateKey: string }[] }>().forms;
    const formId = forms.find((f) => f.templateKey === 'referral_follow_up')!.id;
    const items = (await coordinator.request('GET', `/api/feedback/forms/${formId}`)).json<{ current: { items: Item[] } }>().current.items;
    const [one, many, statement] = items as [Item, Item, Item];
    const responses = went.map((choice, i) => ({
      answers: [
        ...(choice ? [{ itemId: one.id, choices: [choice] }] : [{ itemId: statement.id, score: 4 }]),
        ...(stopped[i]?.length ? [{ itemId: many.id, choices: stopped[i] }] : []),
      ],
    }));
    // The eleventh sheet of "what stopped you" is blank there: n = 10 who answered it.
    const paper = await coordinator.request('POST', `/api/feedback/forms/${formId}/paper`, { context: { siteId: o.siteId }, submittedOn: '2026-01-15', responses });
    expect(paper.statusCode, paper.body).toBe(201);

    const report = async (exact: boolean) => (await coordinator.request('GET', `/api/reports?siteIds=${o.siteId}&from=2026-01-01&to=2026-01-31&exact=${exact}`)).json<Report>();
    const [exactView, publishedView] = [await report(true), await report(false)];
    const table = (r: Report, id: string) => r.sections.find((s) => s.key === 'feedback')!.tables.find((t) => t.key === `feedback.choice.${id}`)!;

    const oneOf = table(exactView, one.id);
    expect(oneOf.label).toEqual(expect.objectContaining({ fi: 'Pääsitkö palveluun, johon sinut ohjattiin?' }));
    expect(oneOf.columns.map((c) => [c.key, c.kind])).toEqual([['count', 'count'], ['share', 'percent']]);
    expect(flat(oneOf)).toEqual([['yes', 14, 53.8], ['not_yet', 9, 34.6], ['no', 3, 11.5], ['Σ', 26, 100]]);
    // 3 is small; 9 would give it away from 26: both hidden, the total and the large share stay.
    expect(flat(table(publishedView, one.id))).toEqual([['yes', 14, 53.8], ['not_yet', 'complementary', 'derived'], ['no', 'small', 'derived'], ['Σ', 26, 100]]);

    const manyOf = table(exactView, many.id);
    expect(manyOf.columns.map((c) => c.key)).toEqual(['chosen', 'notChosen', 'n', 'share']);
    expect(flat(manyOf)).toEqual([
      ['no_appointment', 6, 4, 10, 60], ['too_hard', 5, 5, 10, 50], ['forgot', 3, 7, 10, 30], ['not_needed', 0, 10, 10, 0], ['other', 1, 9, 10, 10],
    ]);
    // A small option and its complement are hidden in its own row; n, shown in every row, stays.
    expect(flat(table(publishedView, many.id))).toEqual([
      ['no_appointment', 'complementary', 'small', 10, 'derived'], ['too_hard', 5, 5, 10, 50], ['forgot', 'small', 'complementary', 10, 'derived'],
      ['not_needed', 0, 10, 10, 0], ['other', 'small', 'complementary', 10, 'derived'],
    ]);
  });
});
