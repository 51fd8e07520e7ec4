import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCodes } from '../../domain/code-lists.js';
import { defaultServices } from '../../domain/outreach-views.js';
import type { Report } from '../../domain/report.js';
import { auditRows } from '../encounters/test-support.js';
import { testEngine } from '../testing/test-db.js';
import { cellId, narrowedCells, tableEquations, type Equation } from '../../domain/suppression-check.js';
import { protectionWidth } from '../../domain/suppression.js';
import { buildDataset, type Dataset } from './test-dataset.js';
import { hourKey } from './timing.js';
import { flat, r6, tableOf, type Shown } from './report-test-support.js';


const PERIOD = 'from=2025-11-01&to=2025-12-31';
let d: Dataset;
let exact: Report;
let published: Report;

const get = async (url: string, client = d.coordinator) => {
  const response = await client.request('GET', url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Report>();
};

/** The health/social need or support list as report rows: every code of the list, with the counts given. */
const codeRows = (kind: 'need' | 'support', register: 'health' | 'social', counts: Record<string, Shown>) =>
  defaultCodes.filter((c) => c.kind === kind && c.register === register).map((c) => [c.code, counts[c.code] ?? 0]);
const services = (rows: Record<string, Shown[]>, otherwise: Shown[]) => defaultServices.map((s) => [s.code, ...(rows[s.code] ?? otherwise)]);
const heatRow = (weekday: number, hours: Record<number, Shown>, total: Shown) => [String(weekday), ...Array.from({ length: 24 }, (_, h) => hours[h] ?? 0), total];

describe(`the evaluation report on ${testEngine}`, () => {
  beforeAll(async () => {
    d = await buildDataset();
    exact = await get(`/api/reports?siteIds=${d.o.siteId}&${PERIOD}&exact=true`);
    published = await get(`/api/reports?siteIds=${d.o.siteId}&${PERIOD}`);
  }, 120_000);

  it('describes what it counts, in the contract’s section order', () => {
    expect(exact).toMatchObject({ query: { siteIds: [d.o.siteId], from: '2025-11-01', to: '2025-12-31', pilotId: null, sessionKind: null, windowShare: 80 }, isSuppressed: false, threshold: 5, canSeeExact: true });
    expect(published).toMatchObject({ isSuppressed: true, threshold: 5, canSeeExact: true });
    expect(exact.sites.map((s) => s.id)).toEqual([d.o.siteId]);
    expect(exact.sections.map((s) => s.key)).toEqual(['overview', 'professionals', 'visits', 'referrals', 'ageBands', 'needsSupport', 'timing', 'daylog', 'groups', 'feedback']);
  });

  it('counts sessions, hours, meetings and contacts; joint meetings once, and once per professional', () => {
    // reception hours: the four Tuesdays' 4 h and the evening's 2 h; professional hours: each professional's
    const overview = [['all', 5, 30, 51, 59, r6(59 / 30), 18, r6(59 / 18)]];
    expect(flat(tableOf(exact, 'overview.figures'))).toEqual(overview);
    expect(flat(tableOf(published, 'overview.figures'))).toEqual(overview);
    const professions = [['nurse', 33, 33], ['social_worker', 21, 21], ['social_instructor', 0, 0], ['addiction_worker', 0, 0], ['peer_worker', 5, 5], ['Σ', 59, 59]];
    expect(flat(tableOf(exact, 'professionals.byProfession'))).toEqual(professions);
    expect(flat(tableOf(published, 'professionals.byProfession'))).toEqual(professions);
    const joint = [['single', 43], ['joint', 8], ['Σ', 51]];
    expect(flat(tableOf(exact, 'professionals.jointOrSingle'))).toEqual(joint);
    expect(flat(tableOf(published, 'professionals.jointOrSingle'))).toEqual(joint);
  });

  it('splits visits into first and repeat, anonymous and coded, urgent or not — hiding both urgency rows when one is small', () => {
    const pct = (n: number) => r6((n / 51) * 100);
    // First ever in the region is derived for the 13 code holders only: 6 first on 2.12., 4 + 3 back later.
    // The 13 code-less meetings recorded with a meeting-level answer count as not known (issue 16 item 4).
    const firstOrRepeat = [['first', 6, pct(6)], ['repeat', 7, pct(7)], ['unknown', 38, pct(38)], ['Σ', 51, 100]];
    expect(flat(tableOf(exact, 'visits.firstOrRepeat'))).toEqual(firstOrRepeat);
    expect(flat(tableOf(published, 'visits.firstOrRepeat'))).toEqual(firstOrRepeat);
    const coded = [['anonymous', 38, pct(38)], ['coded', 13, pct(13)], ['Σ', 51, 100]];
    expect(tableOf(exact, 'visits.anonymousOrCoded').columns.map((c) => [c.key, c.kind])).toEqual([['count', 'count'], ['share', 'percent']]);
    expect(flat(tableOf(exact, 'visits.anonymousOrCoded'))).toEqual(coded);
    expect(flat(tableOf(published, 'visits.anonymousOrCoded'))).toEqual(coded);
    expect(flat(tableOf(exact, 'visits.urgency'))).toEqual([['urgent', 3, pct(3)], ['not_urgent', 48, pct(48)], ['Σ', 51, 100]]);
    // 3 is below the threshold, and 48 would give it away from the total: both are hidden (complementary suppression).
    expect(flat(tableOf(published, 'visits.urgency'))).toEqual([['urgent', 'S', 'S'], ['not_urgent', 'S', 'S'], ['Σ', 51, 100]]);
  });

  it('breaks every encounter section down by profession: contacts, a joint meeting in both professions’ rows', () => {
    const professionsRows = (rows: Record<string, Shown[]>, width: number): (string | number | null)[][] =>
      ['nurse', 'social_worker', 'social_instructor', 'addiction_worker', 'peer_worker'].map((p) => [p, ...(rows[p] ?? Array<Shown>(width).fill(0))]);
    const exactTables: [string, (string | number | null)[][]][] = [
      // "first time with me?": first, repeat, not recorded, contacts
      ['visits.firstWithProfessional', [...professionsRows({ nurse: [21, 10, 2, 33], social_worker: [10, 7, 4, 21], peer_worker: [4, 0, 1, 5] }, 4), ['Σ', 35, 17, 7, 59]]],
      // first ever in the region (derived for code holders; asked of code-less visitors before the per-professional question)
      ['visits.firstInRegionByProfession', [...professionsRows({ nurse: [6, 4, 23, 33], social_worker: [0, 3, 18, 21], peer_worker: [0, 0, 5, 5] }, 4), ['Σ', 6, 7, 46, 59]]],
      ['visits.anonymousByProfession', [...professionsRows({ nurse: [11, 13, 9, 33], social_worker: [11, 9, 1, 21], peer_worker: [4, 0, 1, 5] }, 4), ['Σ', 26, 22, 11, 59]]],
      ['visits.urgencyByProfession', [...professionsRows({ nurse: [3, 30, 33], social_worker: [3, 18, 21], peer_worker: [0, 5, 5] }, 3), ['Σ', 6, 53, 59]]],
      ['ageBands.byProfession', [...professionsRows({ nurse: [0, 8, 17, 3, 1, 2, 2, 33], social_worker: [0, 5, 3, 5, 6, 2, 0, 21], peer_worker: [0, 4, 0, 0, 0, 0, 1, 5] }, 8), ['Σ', 0, 17, 20, 8, 7, 4, 3, 59]]],
      // hours, contacts, contacts per hour: the nurse the session's 4 h, the social worker the 3 h recorded, four times; the peer worker 2 h
      ['professionals.hoursByProfession', [...professionsRows({ nurse: [16, 33, r6(33 / 16)], social_worker: [12, 21, 1.75], peer_worker: [2, 5, 2.5] }, 3).map((r): (string | number | null)[] => (r[2] === 0 ? [r[0]!, 0, 0, null] : r)), ['Σ', 30, 59, r6(59 / 30)]]],
      // the eight joint meetings: five with a referral, three without
      ['professionals.jointMeetings', [['nurse+social_worker', 5, 3, 8], ['Σ', 5, 3, 8]]],
      ['needsSupport.byProfession.needs.health', [['blood_pressure', 9, 0, 0, 0, 0], ['wound_care', 2, 2, 0, 0, 0], ['general_health', 6, 0, 0, 0, 0]]],
      ['needsSupport.byProfession.needs.social', [['housing', 0, 7, 0, 0, 0], ['kela_benefits', 5, 5, 0, 0, 0], ['mental_health', 0, 1, 0, 0, 0]]],
      ['needsSupport.byProfession.support.health', [['measured_bp_sugar', 9, 0, 0, 0, 0], ['encouraged_contact', 4, 0, 0, 0, 0]]],
      ['needsSupport.byProfession.support.social', [['listening', 0, 13, 0, 0, 0], ['kela_guidance', 5, 5, 0, 0, 0]]],
      // by the referrer's profession: in the joint meetings the social worker made four of the five
      ['referrals.byProfession', [...professionsRows({ nurse: [12], social_worker: [14] }, 1), ['Σ', 26]]],
    ];
    for (const [key, expected] of exactTables) expect(flat(tableOf(exact, key)), key).toEqual(expected);
    // Published: small counts hidden, with their complements; each profession's contacts (the row totals)
    // survive, as in professionals.byProfession. The code rows of a code hidden in its list are hidden here too.
    const publishedTables: [string, unknown[][]][] = [
      ['visits.firstWithProfessional', [['nurse', 'S', 10, 'S', 33], ['social_worker', 'S', 7, 'S', 21], ['social_instructor', 0, 0, 0, 0], ['addiction_worker', 0, 0, 0, 0], ['peer_worker', 'S', 0, 'S', 5], ['Σ', 35, 17, 7, 59]]],
      // the nurse's 4 and the social worker's 3 are small; their rows' 6 and 18, then the column sums
      // 6 and 7 and the nurse's 23 would each give one away
      ['visits.firstInRegionByProfession', [['nurse', 'S', 'S', 'S', 33], ['social_worker', 0, 'S', 'S', 21], ['social_instructor', 0, 0, 0, 0], ['addiction_worker', 0, 0, 0, 0], ['peer_worker', 0, 0, 5, 5], ['Σ', 'S', 'S', 46, 59]]],
      ['visits.anonymousByProfession', [['nurse', 'S', 13, 'S', 33], ['social_worker', 'S', 9, 'S', 21], ['social_instructor', 0, 0, 0, 0], ['addiction_worker', 0, 0, 0, 0], ['peer_worker', 'S', 0, 'S', 5], ['Σ', 26, 22, 11, 59]]],
      ['visits.urgencyByProfession', [['nurse', 'S', 'S', 33], ['social_worker', 'S', 'S', 21], ['social_instructor', 0, 0, 0], ['addiction_worker', 0, 0, 0], ['peer_worker', 0, 5, 5], ['Σ', 6, 53, 59]]],
      ['ageBands.byProfession', [
        ['nurse', 0, 8, 'S', 'S', 'S', 'S', 'S', 33], ['social_worker', 0, 'S', 'S', 'S', 6, 'S', 0, 21], ['social_instructor', 0, 0, 0, 0, 0, 0, 0, 0],
        ['addiction_worker', 0, 0, 0, 0, 0, 0, 0, 0], ['peer_worker', 0, 'S', 0, 0, 0, 0, 'S', 5], ['Σ', 0, 17, 20, 8, 'S', 'S', 'S', 59],
      ]],
      // hours are not about people: never hidden
      ['professionals.hoursByProfession', exactTables.find(([k]) => k === 'professionals.hoursByProfession')![1]],
      ['professionals.jointMeetings', [['nurse+social_worker', 'S', 'S', 8], ['Σ', 'S', 'S', 8]]],
      ['needsSupport.byProfession.needs.health', [['blood_pressure', 9, 0, 0, 0, 0], ['wound_care', 'S', 'S', 0, 0, 0], ['general_health', 6, 0, 0, 0, 0]]],
      ['needsSupport.byProfession.needs.social', [['housing', 0, 7, 0, 0, 0], ['kela_benefits', 5, 5, 0, 0, 0], ['mental_health', 0, 'S', 0, 0, 0]]],
      ['needsSupport.byProfession.support.health', [['measured_bp_sugar', 9, 0, 0, 0, 0], ['encouraged_contact', 'S', 0, 0, 0, 0]]],
      ['needsSupport.byProfession.support.social', [['listening', 0, 13, 0, 0, 0], ['kela_guidance', 5, 5, 0, 0, 0]]],
      ['referrals.byProfession', exactTables.find(([k]) => k === 'referrals.byProfession')![1]],
    ];
    expect(publishedTables.map(([k]) => k)).toEqual(exactTables.map(([k]) => k));
    for (const [key, expected] of publishedTables) expect(flat(tableOf(published, key)), key).toEqual(expected);
    const reasons = (key: string) => tableOf(published, key).rows.flatMap((r) => r.cells.flatMap((c) => (c.suppressed ? [`${r.key}:${c.reason}`] : [])));
    expect(reasons('visits.urgencyByProfession')).toEqual(['nurse:small', 'nurse:complementary', 'social_worker:small', 'social_worker:complementary']);
    expect(reasons('needsSupport.byProfession.needs.health')).toEqual(['wound_care:small', 'wound_care:small']);
  });

  it('counts referrals by service and status today, and how many were realised of those with a known outcome and of all', () => {
    const zero = [0, 0, 0, 0, 0, 0];
    const byStatus = services({ health_station: [0, 5, 6, 0, 0, 11], social_guidance: [0, 0, 0, 5, 0, 5], kela: [0, 0, 5, 0, 5, 10] }, zero);
    const table = tableOf(exact, 'referrals.byServiceAndStatus');
    expect(table.columns.map((c) => c.key)).toEqual(['suggested', 'booked', 'realised', 'not_realised', 'unknown', 'total']);
    expect(table.hasRowTotals).toBe(true);
    expect(table.rows.find((r) => r.key === 'kela')?.label).toEqual({ fi: 'Kela', sv: 'FPA', en: 'Kela (social insurance)' });
    expect(flat(table)).toEqual([...byStatus, ['Σ', 0, 5, 11, 5, 5, 26]]);
    expect(flat(tableOf(published, 'referrals.byServiceAndStatus'))).toEqual([...byStatus, ['Σ', 0, 5, 11, 5, 5, 26]]);
    // realised, known outcome (realised + not realised), all; realised ÷ known, realised ÷ all: each rate beside its counts.
    const realisation = services(
      { health_station: [6, 6, 11, 100, r6((6 / 11) * 100)], social_guidance: [0, 5, 5, 0, 0], kela: [5, 5, 10, 100, 50] },
      [0, 0, 0, null, null],
    );
    expect(tableOf(exact, 'referrals.realisation').columns.map((c) => c.key)).toEqual(['realised', 'knownOutcome', 'all', 'rateOfKnown', 'rateOfAll']);
    expect(flat(tableOf(exact, 'referrals.realisation'))).toEqual(realisation);
    expect(flat(tableOf(published, 'referrals.realisation'))).toEqual(realisation);
  });

  it('counts age bands in domain order; two small bands hide each other, and empty bands show no share', () => {
    const pct = (n: number) => r6((n / 51) * 100);
    expect(flat(tableOf(exact, 'ageBands.counts'))).toEqual([
      ['under_18', 0, 0], ['18_29', 12, pct(12)], ['30_50', 20, pct(20)], ['51_64', 8, pct(8)], ['65_80', 6, pct(6)], ['over_80', 2, pct(2)], ['unknown', 3, pct(3)], ['Σ', 51, 100],
    ]);
    expect(flat(tableOf(published, 'ageBands.counts'))).toEqual([
      // an empty band's share of all 51 is shown: 0 %
      ['under_18', 0, 0], ['18_29', 12, pct(12)], ['30_50', 20, pct(20)], ['51_64', 8, pct(8)], ['65_80', 6, pct(6)], ['over_80', 'S', 'S'], ['unknown', 'S', 'S'], ['Σ', 51, 100],
    ]);
  });

  it('counts encounters per need and support code of both registers, with the code lists’ labels', () => {
    const lists: [string, 'need' | 'support', 'health' | 'social', Record<string, number>, string[]][] = [
      ['needsSupport.needs.health', 'need', 'health', { blood_pressure: 9, general_health: 6, wound_care: 2 }, ['wound_care']],
      ['needsSupport.needs.social', 'need', 'social', { housing: 7, kela_benefits: 5, mental_health: 1 }, ['mental_health']],
      ['needsSupport.support.health', 'support', 'health', { measured_bp_sugar: 9, encouraged_contact: 4 }, ['encouraged_contact']],
      ['needsSupport.support.social', 'support', 'social', { listening: 13, kela_guidance: 5 }, []],
    ];
    for (const [key, kind, register, counts, small] of lists) {
      expect(flat(tableOf(exact, key)), key).toEqual(codeRows(kind, register, counts));
      expect(flat(tableOf(published, key)), key).toEqual(codeRows(kind, register, { ...counts, ...Object.fromEntries(small.map((c) => [c, 'S'])) }));
    }
    expect(tableOf(exact, 'needsSupport.needs.health').rows[0]?.label).toEqual({ fi: 'Verenpaine', sv: 'Blodtryck', en: 'Blood pressure' });
  });

  it('maps encounters by Helsinki weekday and hour, and suggests the shortest window covering 80 %', () => {
    const heat = [
      heatRow(1, {}, 0), heatRow(2, { 10: 17, 11: 8, 12: 13, 13: 8 }, 46), heatRow(3, { 18: 5 }, 5),
      heatRow(4, {}, 0), heatRow(5, {}, 0), heatRow(6, {}, 0), heatRow(7, {}, 0),
      ['Σ', ...Array.from({ length: 24 }, (_, h) => ({ 10: 17, 11: 8, 12: 13, 13: 8, 18: 5 })[h] ?? 0), 51],
    ];
    const table = tableOf(exact, 'timing.heatmap');
    expect(table.columns.map((c) => c.key)).toEqual([...Array.from({ length: 24 }, (_, h) => hourKey(h)), 'total']);
    expect(flat(table)).toEqual(heat);
    expect(flat(tableOf(published, 'timing.heatmap'))).toEqual(heat);
    // 10–14 holds 46 of 51; no three hours hold the 41 that 80 % needs.
    const window = [['window', 10, 14, 46, r6((46 / 51) * 100)]];
    expect(flat(tableOf(exact, 'timing.window'))).toEqual(window);
    expect(flat(tableOf(published, 'timing.window'))).toEqual(window);
  });

  it('lists the day log per day beside whether a session was held (the cancelled one was not)', () => {
    expect(flat(tableOf(exact, 'daylog.days'))).toEqual([['2025-12-02', 20, 30, 45, 1], ['2025-12-03', 3, 12, null, 0], ['2025-12-10', 15, 25, 40, 1], ['2025-12-23', 18, 22, 35, 0]]);
    expect(flat(tableOf(published, 'daylog.days'))).toEqual([['2025-12-02', 20, 30, 45, 1], ['2025-12-03', 'S', 12, null, 0], ['2025-12-10', 15, 25, 40, 1], ['2025-12-23', 18, 22, 35, 0]]);
  });

  it('shows each recorded group session of the period, returning and new counted over the whole series', () => {
    const series = tableOf(exact, `groups.series.${d.seriesId}`);
    // returning, new, unknown (counted without saying which) and the total, which the three add up to
    expect(flat(series)).toEqual([['2025-11-06', 3, 2, 1, 6], ['2025-11-13', 5, 3, 0, 8], ['2025-11-20', 5, 2, 0, 7], ['2025-12-04', 4, 1, 0, 5], ['2025-12-11', 7, 3, 0, 10], ['2025-12-25', 4, 0, 0, 4], ['Σ', 28, 11, 1, 40]]);
    expect(series.rows.map((r) => r.label?.fi ?? null)).toEqual(['Raha-asiat', 'Liikunta', 'Ruoka', 'Joulu', 'Kela', null]);
    expect(flat(tableOf(published, `groups.series.${d.seriesId}`))).toEqual([
      // small returning or new counts hide their partner too: the total is their sum. On 20.11 the
      // partner (5, marked as not small) with the total 7 would leave the "<5" exactly 2: the total goes too.
      ['2025-11-06', 'S', 'S', 'S', 6], ['2025-11-13', 'S', 'S', 0, 8], ['2025-11-20', 'S', 'S', 0, 'S'], ['2025-12-04', 'S', 'S', 0, 5], ['2025-12-11', 'S', 'S', 0, 10], ['2025-12-25', 'S', 0, 0, 'S'],
      // the totals row: the lone "not known" 1 is small, the new 11 hidden beside it; all 40 is shown
      ['Σ', 28, 'S', 'S', 40],
    ]);
    expect(tableOf(published, `groups.series.${d.seriesId}`).rows[2]!.cells.map((c) => c.reason ?? c.value)).toEqual(['complementary', 'small', 0, 'complementary']);
    const summary = tableOf(exact, 'groups.summary');
    expect(summary.rows[0]?.label).toEqual({ fi: 'Porinapirtti', sv: 'Porinapirtti', en: 'Porinapirtti' });
    // five codes came twice or more in the period, and the facilitators counted four more
    expect(flat(summary)).toEqual([[d.seriesId, 6, r6(40 / 6), 10, 4, 9]]);
    // the minimum is small, but the mean rests on the sessions' total attendance (40, shown), not on it:
    // the smallest session is protected in the series table by a second hidden session instead
    expect(flat(tableOf(published, 'groups.summary'))).toEqual([[d.seriesId, 6, r6(40 / 6), 10, 'S', 9]]);
  });

  it('reports each agreement statement with its own n, recommendations and response rates per form version', () => {
    const [a1, a2, r1] = d.forms.meeting.items;
    const [g1, g2] = d.forms.group.items;
    expect(flat(tableOf(exact, `feedback.item.${a1}`))).toEqual([[a1, 1, 1, 1, 3, 3, 9, r6((6 / 9) * 100), r6(33 / 9)]]);
    expect(flat(tableOf(published, `feedback.item.${a1}`))).toEqual([[a1, 'S', 'S', 'S', 'S', 'S', 9, 'S', 'S']]);
    expect(flat(tableOf(exact, `feedback.item.${a2}`))).toEqual([[a2, 0, 0, 1, 1, 2, 4, 75, 4.25]]);
    expect(flat(tableOf(published, `feedback.item.${a2}`))).toEqual([[a2, 0, 0, 'S', 'S', 'S', 'S', 'S', 'S']]);
    expect(flat(tableOf(exact, `feedback.item.${g1}`))).toEqual([[g1, 0, 0, 0, 0, 5, 5, 100, 5]]);
    expect(flat(tableOf(published, `feedback.item.${g1}`))).toEqual([[g1, 0, 0, 0, 0, 5, 5, 100, 5]]);
    // "does not apply" is apart from n, in a table of its own
    expect(flat(tableOf(exact, 'feedback.notApplicable'))).toEqual([[a1, 2], [a2, 0], [g1, 0]]);
    expect(flat(tableOf(published, 'feedback.notApplicable'))).toEqual([[a1, 'S'], [a2, 0], [g1, 0]]);
    expect(tableOf(exact, `feedback.item.${a1}`).rows[0]?.label).toEqual({ fi: 'Sain apua', sv: 'Jag fick hjälp', en: 'I got help' });
    const recommendation = [[r1, 10, 7.9], [g2, 6, r6(53 / 6)]];
    expect(flat(tableOf(exact, 'feedback.recommendation'))).toEqual(recommendation);
    expect(flat(tableOf(published, 'feedback.recommendation'))).toEqual(recommendation);
    // the group form was answered at group sessions only: its rate is against their attendance (40)
    const responses = [[d.forms.meeting.versionId, 12, 51, r6((12 / 51) * 100)], [d.forms.group.versionId, 6, 40, 15]];
    expect(flat(tableOf(exact, 'feedback.responses'))).toEqual(responses);
    expect(flat(tableOf(published, 'feedback.responses'))).toEqual(responses);
    const [, , , , c1, c2] = d.forms.meeting.items;
    const feedbackTables = exact.sections.find((s) => s.key === 'feedback')!.tables.map((t) => t.key);
    expect(feedbackTables).toEqual([`feedback.item.${a1}`, `feedback.item.${a2}`, `feedback.choice.${c1}`, `feedback.choice.${c2}`, `feedback.item.${g1}`, 'feedback.notApplicable', 'feedback.recommendation', 'feedback.responses']);
  });

  it('counts the choice questions with n and shares, hiding small options and their complements', () => {
    const [, , , , c1, c2] = d.forms.meeting.items;
    // one of, answered by 11: a friend 6, the staff 3, a poster 2; the two small ones hidden, their sum (5) not small
    expect(tableOf(exact, `feedback.choice.${c1}`).label).toEqual({ fi: 'Mistä kuulit meistä?', sv: 'Var hörde du om oss?', en: 'Where did you hear of us?' });
    expect(flat(tableOf(exact, `feedback.choice.${c1}`))).toEqual([['friend', 6, r6((6 / 11) * 100)], ['staff', 3, r6((3 / 11) * 100)], ['poster', 2, r6((2 / 11) * 100)], ['Σ', 11, 100]]);
    expect(flat(tableOf(published, `feedback.choice.${c1}`))).toEqual([['friend', 6, r6((6 / 11) * 100)], ['staff', 'S', 'S'], ['poster', 'S', 'S'], ['Σ', 11, 100]]);
    // many of, answered by 10: chosen, not chosen, n and the share chosen per option
    expect(flat(tableOf(exact, `feedback.choice.${c2}`))).toEqual([['health', 7, 3, 10, 70], ['housing', 5, 5, 10, 50], ['benefits', 2, 8, 10, 20], ['other', 0, 10, 10, 0]]);
    expect(flat(tableOf(published, `feedback.choice.${c2}`))).toEqual([['health', 'S', 'S', 10, 'S'], ['housing', 5, 5, 10, 50], ['benefits', 'S', 'S', 10, 'S'], ['other', 0, 10, 10, 0]]);
  });

  it('gives open answers to coordinators only, and audits each reading', async () => {
    const texts = [{ key: d.forms.meeting.items[3], text: 'Ei muuta' }, { key: d.forms.meeting.items[3], text: 'Hyvä palvelu' }, { key: d.forms.meeting.items[3], text: 'Kiitos' }];
    const withoutLabels = (report: Report) => report.sections.find((s) => s.key === 'feedback')!.texts.map(({ key, text }) => ({ key, text }));
    expect(withoutLabels(exact)).toEqual(texts);
    expect(withoutLabels(published)).toEqual(texts);
    // Each open answer carries its question's wording, so the page can name it.
    expect(new Set(exact.sections.find((s) => s.key === 'feedback')!.texts.map((t) => t.label?.fi))).toEqual(new Set(['Mitä muuta?']));
    const read = await auditRows(d.o.h, { action: 'feedback.open_answers_read' });
    expect(read.map((r) => [r.actor_id, r.site_id, r.details.count])).toEqual([[d.coordinator.session.user.id, d.o.siteId, 3], [d.coordinator.session.user.id, d.o.siteId, 3]]);
    const nurseView = await get(`/api/reports?${PERIOD}`, d.o.nurse);
    expect(nurseView.sections.find((s) => s.key === 'feedback')!.texts).toEqual([]);
    expect(nurseView.canSeeExact).toBe(false);
    expect(await auditRows(d.o.h, { action: 'feedback.open_answers_read' })).toHaveLength(2);
  });

  it('audits the exact view with the query, and only the exact view', async () => {
    const rows = await auditRows(d.o.h, { action: 'report.exact_viewed' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: d.coordinator.session.user.id, site_id: d.o.siteId, region_id: d.o.regionId });
    expect(rows[0]!.details).toEqual({ siteIds: [d.o.siteId], from: '2025-11-01', to: '2025-12-31', pilotId: null, sessionKind: null, windowShare: 80 });
  });

  it('divides a form’s responses by the meetings at the sites where the form was in use, not by every site’s', async () => {
    // the other site's three meetings count among the report's, but nobody there was offered the form
    const both = await get(`/api/reports?siteIds=${d.o.siteId},${d.otherSiteId}&${PERIOD}&exact=true`);
    expect(flat(tableOf(both, 'overview.figures'))[0]![3]).toBe(54);
    const responses = [[d.forms.meeting.versionId, 12, 51, r6((12 / 51) * 100)], [d.forms.group.versionId, 6, 40, 15]];
    expect(flat(tableOf(both, 'feedback.responses'))).toEqual(responses);
    expect(flat(tableOf(await get(`/api/reports?siteIds=${d.otherSiteId}&${PERIOD}&exact=true`), 'feedback.responses'))).toEqual([]);
  });

  it('narrows to one kind of outreach session: its sessions, its encounters and the feedback given there', async () => {
    const reception = await get(`/api/reports?siteIds=${d.o.siteId}&${PERIOD}&sessionKind=reception&exact=true`);
    expect(reception.query.sessionKind).toBe('reception');
    expect(flat(tableOf(reception, 'overview.figures'))).toEqual([['all', 4, 28, 46, 54, r6(54 / 28), 16, r6(54 / 16)]]);
    expect(flat(tableOf(reception, 'professionals.byProfession'))).toEqual([['nurse', 33, 33], ['social_worker', 21, 21], ['social_instructor', 0, 0], ['addiction_worker', 0, 0], ['peer_worker', 0, 0], ['Σ', 54, 54]]);
    expect(flat(tableOf(reception, 'daylog.days')).map((r) => [r[0], r[4]])).toEqual([['2025-12-02', 1], ['2025-12-03', 0], ['2025-12-10', 0], ['2025-12-23', 0]]);
    expect(flat(tableOf(reception, 'feedback.responses'))).toEqual([[d.forms.meeting.versionId, 12, 46, r6((12 / 46) * 100)]]);
    const evening = await get(`/api/reports?siteIds=${d.o.siteId}&${PERIOD}&sessionKind=other&exact=true`);
    expect(flat(tableOf(evening, 'overview.figures'))).toEqual([['all', 1, 2, 5, 5, 2.5, 2, 2.5]]);
    expect(flat(tableOf(evening, 'feedback.responses'))).toEqual([]);
  });

  it('shows the day log by ISO week when the period is longer than 92 days', async () => {
    const long = await get(`/api/reports?siteIds=${d.o.siteId}&from=2025-09-01&to=2025-12-31&exact=true`);
    // week 50 holds two session days: Tuesday's reception and Wednesday's evening session
    expect(flat(tableOf(long, 'daylog.days'))).toEqual([['2025-W49', 23, 42, 45, 1], ['2025-W50', 15, 25, 40, 2], ['2025-W52', 18, 22, 35, 0]]);
  });

  it('names each professional’s figures only in a coordinator’s exact view, and shows a professional only their own row', async () => {
    const [nurseId, swId, peerId] = [d.o.nurse, d.o.socialWorker, d.peer].map((c) => c.session.user.id);
    const table = tableOf(exact, 'professionals.perProfessional');
    expect(table.columns.map((c) => c.key)).toEqual(['contacts', 'jointContacts', 'firstWithProfessional', 'repeatWithProfessional', 'firstNotRecorded', 'anonymous', 'urgent', 'referralsMade', 'hours', 'contactsPerHour']);
    const rows = [
      [`nurse:${nurseId}`, 33, 8, 21, 10, 2, 11, 3, 12, 16, r6(33 / 16)],
      [`social_worker:${swId}`, 21, 8, 10, 7, 4, 11, 3, 14, 12, 1.75],
      [`peer_worker:${peerId}`, 5, 0, 4, 0, 1, 4, 0, 0, 2, 2.5],
    ];
    expect(flat(table)).toEqual(rows);
    expect(table.rows.map((r) => r.label?.fi)).toEqual([d.o.nurse, d.o.socialWorker, d.peer].map((c) => c.session.user.displayName));
    const hasTable = (report: Report) => report.sections.some((s) => s.tables.some((t) => t.key === 'professionals.perProfessional'));
    // the published view is for publishing: no one's row in it
    expect(hasTable(published)).toBe(false);
    // a professional gets their own row, exact, and no one else's
    const nurseView = await get(`/api/reports?siteIds=${d.o.siteId}&${PERIOD}`, d.o.nurse);
    expect(flat(tableOf(nurseView, 'professionals.perProfessional'))).toEqual([rows[0]]);
    const swView = await get(`/api/reports?siteIds=${d.o.siteId}&${PERIOD}`, d.o.socialWorker);
    expect(flat(tableOf(swView, 'professionals.perProfessional'))).toEqual([rows[1]]);
    expect(hasTable(await get(`/api/reports?siteIds=${d.o.siteId}&${PERIOD}`, d.staff))).toBe(false);
  });

  it('counts the person who met the social worker first and the nurse a week later: first to each, first in the region once', async () => {
    const october = `/api/reports?siteIds=${d.o.siteId}&from=2025-10-01&to=2025-10-31`;
    const [octExact, octPublished] = [await get(`${october}&exact=true`), await get(october)];
    const rows = (nurse: Shown[], sw: Shown[], all: Shown[]) => [['nurse', ...nurse], ['social_worker', ...sw], ['social_instructor', 0, 0, 0, 0], ['addiction_worker', 0, 0, 0, 0], ['peer_worker', 0, 0, 0, 0], ['Σ', ...all]];
    expect(flat(tableOf(octExact, 'visits.firstWithProfessional'))).toEqual(rows([1, 0, 0, 1], [1, 0, 0, 1], [2, 0, 0, 2]));
    expect(flat(tableOf(octExact, 'visits.firstInRegionByProfession'))).toEqual(rows([0, 1, 0, 1], [1, 0, 0, 1], [1, 1, 0, 2]));
    expect(flat(tableOf(octExact, 'visits.anonymousByProfession'))).toEqual(rows([0, 1, 0, 1], [0, 1, 0, 1], [0, 2, 0, 2]));
    expect(flat(tableOf(octExact, 'overview.figures'))).toEqual([['all', 0, 0, 2, 2, null, 0, null]]);
    expect(flat(tableOf(octExact, 'professionals.jointMeetings'))).toEqual([['Σ', 0, 0, 0]]);
    expect(flat(tableOf(octExact, 'professionals.perProfessional')).map((r) => r.slice(1))).toEqual([[1, 0, 1, 0, 0, 0, 0, 0, 0, null], [1, 0, 1, 0, 0, 0, 0, 0, 0, null]]);
    // published: every non-zero count is 1 or 2, so all are hidden as small
    expect(flat(tableOf(octPublished, 'visits.firstWithProfessional'))).toEqual(rows(['S', 0, 0, 'S'], ['S', 0, 0, 'S'], ['S', 0, 0, 'S']));
    expect(flat(tableOf(octPublished, 'visits.firstInRegionByProfession'))).toEqual(rows([0, 'S', 0, 'S'], ['S', 0, 0, 'S'], ['S', 'S', 0, 'S']));
    expect(flat(tableOf(octPublished, 'visits.anonymousByProfession'))).toEqual(rows([0, 'S', 0, 'S'], [0, 'S', 0, 'S'], [0, 'S', 0, 'S']));
    expect(flat(tableOf(octPublished, 'overview.figures'))).toEqual([['all', 0, 0, 'S', 'S', null, 0, null]]);
  });

  it('marks every hidden cell with its true reason, and no hidden count can be narrowed from the whole published report', () => {
    const tables = published.sections.flatMap((s) => s.tables);
    let hiddenCells = 0;
    for (const table of tables) {
      const truth = tableOf(exact, table.key);
      const grid = [...table.rows.map((r) => r.cells), ...(table.totals ? [table.totals] : [])];
      const exactGrid = [...truth.rows.map((r) => r.cells), ...(truth.totals ? [truth.totals] : [])];
      grid.forEach((row, r) => row.forEach((cell, c) => {
        if (!cell.suppressed) return;
        hiddenCells++;
        const kind = table.columns[c]!.kind;
        const value = exactGrid[r]![c]!.value;
        const where = `${table.key} ${r},${c} = ${value} (${cell.reason})`;
        if (cell.reason === 'small') expect(kind === 'count' && value !== null && value >= 1 && value < 5, where).toBe(true);
        else if (cell.reason === 'complementary') expect(kind === 'count' && value !== null && value >= 5, where).toBe(true);
        else if (cell.reason === 'linked') expect(kind, where).toBe('count');
        else expect([cell.reason, kind === 'percent' || kind === 'mean'], where).toEqual(['derived', true]);
      }));
    }
    expect(hiddenCells).toBeGreaterThan(10);
    // The sums across tables: the realisation table repeats the status table, the overview the professions.
    const at = (key: string, rowKey: string | null, column: string) => {
      const table = tableOf(published, key);
      const r = rowKey === null ? table.rows.length : table.rows.findIndex((x) => x.key === rowKey);
      return cellId(table, r, table.columns.findIndex((x) => x.key === column));
    };
    const links: Equation[] = tableOf(published, 'referrals.realisation').rows.flatMap((row) => [
      { parts: [at('referrals.byServiceAndStatus', row.key, 'realised')], total: at('referrals.realisation', row.key, 'realised') },
      { parts: ['realised', 'not_realised'].map((k) => at('referrals.byServiceAndStatus', row.key, k)), total: at('referrals.realisation', row.key, 'knownOutcome') },
      { parts: [at('referrals.byServiceAndStatus', row.key, 'total')], total: at('referrals.realisation', row.key, 'all') },
    ]);
    links.push({ parts: [at('professionals.byProfession', null, 'contacts')], total: at('overview.figures', 'all', 'professionalContacts') });
    links.push({ parts: [at('professionals.jointOrSingle', null, 'meetings')], total: at('overview.figures', 'all', 'meetings') });
    // The per-profession tables repeat each profession's contacts (and all contacts) as their row totals.
    for (const p of [...tableOf(published, 'professionals.byProfession').rows.map((r) => r.key), null]) {
      const contacts = at('professionals.byProfession', p, 'contacts');
      links.push({ parts: [contacts], total: at('professionals.hoursByProfession', p, 'contacts') });
      for (const key of ['visits.firstWithProfessional', 'visits.firstInRegionByProfession', 'visits.anonymousByProfession', 'visits.urgencyByProfession', 'ageBands.byProfession']) {
        links.push({ parts: [contacts], total: at(key, p, 'total') });
      }
    }
    links.push({ parts: [at('referrals.byServiceAndStatus', null, 'total')], total: at('referrals.byProfession', null, 'referrals') });
    links.push({ parts: [at('professionals.jointOrSingle', 'joint', 'meetings')], total: at('professionals.jointMeetings', null, 'meetings') });
    const equations = [...tables.flatMap(tableEquations), ...links];
    expect(narrowedCells(tables, equations, 5, protectionWidth(5))).toEqual([]);
  });

  it('uses the deployment’s threshold: at 3, the three urgent meetings are shown', async () => {
    const config = d.o.h.deps.config;
    d.o.h.deps.config = { ...config, reportThreshold: 3 };
    try {
      const atThree = await get(`/api/reports?siteIds=${d.o.siteId}&${PERIOD}`);
      expect(atThree.threshold).toBe(3);
      expect(flat(tableOf(atThree, 'visits.urgency'))).toEqual([['urgent', 3, r6((3 / 51) * 100)], ['not_urgent', 48, r6((48 / 51) * 100)], ['Σ', 51, 100]]);
    } finally {
      d.o.h.deps.config = config;
    }
  });
});
