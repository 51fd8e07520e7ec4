import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../../domain/calendar.js';
import type { z } from 'zod';
import type { FeedbackResults, feedbackFormSummarySchema } from '../../domain/feedback.js';
import type { GroupSessionView, GroupSeriesView, SeriesStatistics } from '../../domain/groups.js';
import type { DaylogView, EncounterView, SessionView, VisitorCodeView } from '../../domain/outreach-views.js';
import type { Report } from '../../domain/report.js';
import type { DaylogTrend } from '../daylog/present.js';
import type { EncounterSummary } from '../encounters/schemas.js';
import { seedDemo } from './seed-demo.js';
import { historyWindow } from './seed-history.js';
import { helsinkiAt, Random, withHelsinkiOffset, workdayOnOrBefore } from './history-support.js';
import { createHarness, signIn, type Client, type Harness } from '../testing/harness.js';
import { testEngine } from '../testing/test-db.js';

type FeedbackFormSummary = z.infer<typeof feedbackFormSummarySchema>;
type Seeded = { h: Harness; siteId: string; as: Record<'coordinator' | 'nurse' | 'staff', Client>; seconds: number };

/** A fresh database with the demo and its history seeded on `now`, and clients signed in as demo users. */
async function seededAt(now: string): Promise<Seeded> {
  const h = await createHarness();
  h.clock.set(new Date(now));
  h.deps.config = { ...h.deps.config, isDemoHistory: true };
  const started = performance.now();
  const accounts = await seedDemo(h.deps);
  const seconds = (performance.now() - started) / 1000;
  const client = async (username: string) => signIn(h, accounts.find((a) => a.username === username)!);
  const nurse = await client('demo.nurse');
  return { h, siteId: nurse.session.user.roles[0]!.siteId!, as: { coordinator: await client('demo.coordinator'), nurse, staff: await client('demo.staff') }, seconds };
}

async function get<T>(client: Client, url: string): Promise<T> {
  const response = await client.request('GET', url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json<T>();
}

const monthsOf = (from: string, to: string) => {
  const months: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (!months.includes(day.slice(0, 7))) months.push(day.slice(0, 7));
  return months;
};

/** Everything the figures of the history depend on, read through the API: equal for equal seeds. */
async function fingerprint(s: Seeded, from: string, to: string) {
  const summary = await get<EncounterSummary>(s.as.coordinator, `/api/sites/${s.siteId}/encounters/summary?from=${from}&to=${to}`);
  const daylog = [];
  for (const month of monthsOf(from, to)) daylog.push(...(await get<{ days: DaylogView[] }>(s.as.staff, `/api/sites/${s.siteId}/daylog?month=${month}`)).days);
  const [series] = (await get<{ series: { id: string }[] }>(s.as.staff, `/api/sites/${s.siteId}/group-series`)).series;
  const statistics = await get<SeriesStatistics>(s.as.staff, `/api/group-series/${series!.id}/statistics`);
  const forms = (await get<{ forms: FeedbackFormSummary[] }>(s.as.coordinator, '/api/feedback/forms')).forms;
  const results = await Promise.all(forms.map(async (f) => {
    const r = await get<FeedbackResults>(s.as.coordinator, `/api/feedback/forms/${f.id}/results?siteId=${s.siteId}`);
    return { form: f.templateKey, responses: r.responses, byChannel: r.byChannel, items: r.versions.flatMap((v) => v.items.map((i) => ('distribution' in i ? i.distribution : i.n))) };
  }));
  return {
    summary,
    daylog: daylog.map(({ day, breakfasts, lunches, estimatedVisitors, closedAt, events }) => ({ day, breakfasts, lunches, estimatedVisitors, closedAt, events })),
    group: { ...statistics, seriesId: null, sessions: statistics.sessions.map(({ day, theme, isCancelled, attendance }) => ({ day, theme, isCancelled, attendance })) },
    results,
  };
}

describe(`the demo history on ${testEngine}`, () => {
  // Thursday 15 January 2026 in Helsinki: the history runs from 2 October 2025 to yesterday.
  const now = '2026-01-15T07:00:00Z';
  const window = historyWindow(new Date(now));
  let s: Seeded;
  beforeAll(async () => {
    s = await seededAt(now);
    console.info(`demo with history seeded in ${s.seconds.toFixed(1)} s on ${testEngine}`);
  }, 60_000);

  // How long seeding takes is printed above, not asserted: speed is for benchmarks, and a busy machine
  // made this a flaky test.
  it('lays the history out from today', () => {
    expect(window).toEqual({ today: '2026-01-15', firstOfMonth: '2026-01-01', start: '2025-10-02', yesterday: '2026-01-14' });
  });

  it('records encounters on held past session days only, some joint, some with repeat visitors, referrals in every status', async () => {
    const sessions = (await get<{ sessions: SessionView[] }>(s.as.coordinator, `/api/sites/${s.siteId}/sessions?from=${window.start}&to=${addDays(window.today, 60)}`)).sessions;
    const held = new Set(sessions.filter((x) => !x.isCancelled && x.day < window.today).map((x) => x.day));
    // Tuesdays and the third Wednesday since 2 October, and this month's two Tuesdays before the 15th.
    expect(held.size).toBeGreaterThanOrEqual(17);
    expect(sessions.filter((x) => x.isCancelled && x.day < window.firstOfMonth)).toHaveLength(1);
    expect(sessions.some((x) => x.day < window.firstOfMonth && x.professionals.length === 2)).toBe(true);

    const summary = await get<EncounterSummary>(s.as.coordinator, `/api/sites/${s.siteId}/encounters/summary?from=${addDays(window.start, -30)}&to=${addDays(window.today, 60)}`);
    const days = summary.byDay.filter((d) => d.meetings > 0).map((d) => d.day);
    expect(new Set(days)).toEqual(held);
    expect(summary.meetings).toBeGreaterThan(80);
    expect(summary.jointMeetings / summary.meetings).toBeGreaterThan(0.07);
    expect(summary.jointMeetings / summary.meetings).toBeLessThan(0.25);
    expect(summary.withCode / summary.meetings).toBeGreaterThan(0.25);
    expect(summary.withCode / summary.meetings).toBeLessThan(0.55);
    expect(summary.urgent).toBeGreaterThan(0);
    expect(summary.professionalContacts).toBe(summary.meetings + summary.jointMeetings);

    const encounters: EncounterView[] = [];
    for (const day of held) encounters.push(...(await get<{ encounters: EncounterView[] }>(s.as.nurse, `/api/sites/${s.siteId}/encounters?day=${day}`)).encounters);
    expect(encounters).toHaveLength(summary.meetings);
    expect(encounters.every((e) => e.occurredAt < '2026-01-15')).toBe(true);
    const joint = encounters.filter((e) => e.isJoint);
    expect(joint.every((e) => e.professionals.map((p) => p.profession).sort().join() === 'nurse,social_worker')).toBe(true);
    // an anonymous joint meeting (the per-profession tables count it for both)
    expect(joint.some((e) => e.isAnonymousToProfessional === true)).toBe(true);
    const visits = new Map<string, number>();
    for (const e of encounters) if (e.visitorCode) visits.set(e.visitorCode, (visits.get(e.visitorCode) ?? 0) + 1);
    expect(visits.size).toBeGreaterThanOrEqual(10);
    expect(visits.size).toBeLessThanOrEqual(15);
    const [regular] = [...visits].sort((a, b) => b[1] - a[1]);
    expect(regular![1]).toBeGreaterThan(2);
    expect((await get<VisitorCodeView>(s.as.nurse, `/api/visitor-codes/${regular![0]}`)).visits).toBe(regular![1]);
    expect(encounters.filter((e) => e.visitorCode !== null && e.isFirstVisit === true)).toHaveLength(visits.size);
    const anonymous = encounters.filter((e) => e.visitorCode === null).map((e) => e.isFirstVisit);
    expect(new Set(anonymous)).toEqual(new Set([true, false, null]));
    expect(new Set(encounters.map((e) => e.ageBand)).size).toBeGreaterThanOrEqual(5);
    // The nurse reads health codes only; every encounter the nurse was in has some.
    expect(encounters.filter((e) => e.professionals.some((p) => p.profession === 'nurse')).every((e) => e.needs.every((n) => n.startsWith('health:')) && e.needs.length > 0)).toBe(true);

    const referrals = encounters.flatMap((e) => e.referrals.map((r) => ({ ...r, day: e.occurredAt.slice(0, 10) })));
    expect(referrals.length / encounters.length).toBeGreaterThan(0.25);
    expect(referrals.length / encounters.length).toBeLessThan(0.5);
    expect(new Set(referrals.map((r) => r.status))).toEqual(new Set(['suggested', 'booked', 'realised', 'not_realised', 'unknown']));
    const old = referrals.filter((r) => r.day < '2025-12-01');
    expect(old.filter((r) => ['realised', 'not_realised', 'unknown'].includes(r.status)).length / old.length).toBeGreaterThan(0.7);
    const open = referrals.filter((r) => r.status === 'suggested' || r.status === 'booked');
    expect(open.every((r) => r.followUpOn !== null && r.closedAt === null)).toBe(true);
    expect(referrals.some((r) => r.memo !== null)).toBe(true);
  });

  it('fills every per-profession row of the report: each profession, joint meetings with and without referrals, anonymous and first-time answers', async () => {
    const report = await get<Report>(s.as.coordinator, `/api/reports?siteIds=${s.siteId}&from=${window.start}&to=${window.yesterday}&exact=true`);
    const table = (key: string) => report.sections.flatMap((x) => x.tables).find((t) => t.key === key)!;
    const at = (key: string, row: string, column: string) => {
      const t = table(key);
      return t.rows.find((r) => r.key === row)!.cells[t.columns.findIndex((c) => c.key === column)]!.value!;
    };
    for (const profession of ['nurse', 'social_worker']) {
      for (const [key, column] of [['visits.firstWithProfessional', 'first'], ['visits.firstWithProfessional', 'repeat'], ['visits.firstWithProfessional', 'notRecorded'], ['visits.anonymousByProfession', 'anonymous'], ['visits.anonymousByProfession', 'notAnonymous'], ['visits.firstInRegionByProfession', 'first'], ['visits.urgencyByProfession', 'urgent'], ['professionals.hoursByProfession', 'hours']] as const) {
        expect(at(key, profession, column), `${key} ${profession} ${column}`).toBeGreaterThan(0);
      }
      expect(at('referrals.byProfession', profession, 'referrals')).toBeGreaterThan(0);
    }
    expect(at('professionals.jointMeetings', 'nurse+social_worker', 'withReferral')).toBeGreaterThan(0);
    expect(at('professionals.jointMeetings', 'nurse+social_worker', 'withoutReferral')).toBeGreaterThan(0);
    expect(table('professionals.perProfessional').rows.map((r) => r.key.split(':')[0])).toEqual(['nurse', 'social_worker']);
    expect(table('overview.figures').rows[0]!.cells[table('overview.figures').columns.findIndex((c) => c.key === 'receptionHours')]!.value).toBeGreaterThan(0);
  });

  it('logs the day centre on its opening days only, busier over time', async () => {
    const days: DaylogView[] = [];
    for (const month of monthsOf(window.start, window.today)) days.push(...(await get<{ days: DaylogView[] }>(s.as.staff, `/api/sites/${s.siteId}/daylog?month=${month}`)).days);
    const openingDays: string[] = [];
    for (let day = window.start; day < window.today; day = addDays(day, 1)) if (isoWeekday(day) <= 5) openingDays.push(day);
    expect(days.map((d) => d.day)).toEqual(openingDays);
    for (const d of days) {
      expect(d.breakfasts).toBeGreaterThanOrEqual(25);
      expect(d.breakfasts).toBeLessThanOrEqual(45);
      expect(d.lunches).toBeGreaterThanOrEqual(35);
      expect(d.lunches).toBeLessThanOrEqual(60);
      expect(d.estimatedVisitors).toBeGreaterThanOrEqual(40);
      expect(d.estimatedVisitors).toBeLessThanOrEqual(75);
      expect(d.closedAt).toBe(isoWeekday(d.day) === 5 || d.events.includes('klo 13') ? '13:00' : '14:00');
    }
    expect(days.some((d) => d.events.includes('Suljettu klo 13'))).toBe(true);
    const trend = (await get<DaylogTrend>(s.as.staff, `/api/sites/${s.siteId}/daylog/trend?from=2025-10&to=2026-01`)).months;
    expect(trend.map((m) => m.daysLogged)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01'].map((m) => days.filter((d) => d.day.startsWith(m)).length));
    expect(trend[2]!.meanVisitors!).toBeGreaterThan(trend[0]!.meanVisitors! + 3);
  });

  it('runs an open group with attendance, regulars, a cancellation and hidden themes ahead', async () => {
    const { series } = await get<{ series: GroupSeriesView[] }>(s.as.staff, `/api/sites/${s.siteId}/group-series`);
    expect(series.map((x) => x.name)).toEqual(['Porinapiiri']);
    expect(series[0]!.facilitators.some((f) => f.isPeerWorker)).toBe(true);
    const statistics = await get<SeriesStatistics>(s.as.staff, `/api/group-series/${series[0]!.id}/statistics`);
    expect(statistics.recordedSessions).toBeGreaterThanOrEqual(8);
    expect(statistics.mean).not.toBeNull();
    expect(statistics.max!).toBeGreaterThan(statistics.min!);
    expect(statistics.repeatParticipants.fromCodes).toBeGreaterThan(0);
    expect(statistics.sessions.filter((x) => x.isCancelled)).toHaveLength(1);
    const detail = await get<GroupSeriesView & { sessions: GroupSessionView[] }>(s.as.staff, `/api/group-series/${series[0]!.id}`);
    const ahead = detail.sessions.filter((x) => x.day >= window.today);
    expect(ahead.length).toBeGreaterThanOrEqual(4);
    expect(ahead.every((x) => x.theme !== '' && !x.isThemePublished && x.attendance === null)).toBe(true);
    const past = detail.sessions.filter((x) => x.day < window.today && !x.isCancelled);
    expect(past.every((x) => x.attendance !== null)).toBe(true);
    expect(past.some((x) => x.isThemePublished)).toBe(true);
  });

  it('has feedback on the pilot forms from more than one channel, mostly agreeing', async () => {
    const forms = (await get<{ forms: FeedbackFormSummary[] }>(s.as.coordinator, '/api/feedback/forms')).forms;
    const results = async (key: string, query = `siteId=${s.siteId}`) =>
      get<FeedbackResults>(s.as.coordinator, `/api/feedback/forms/${forms.find((f) => f.templateKey === key)!.id}/results?${query}`);
    const meeting = await results('pilot_meeting');
    expect(meeting.responses).toBeGreaterThan(20);
    expect(meeting.byChannel.paper).toBeGreaterThan(0);
    expect(meeting.byChannel.link).toBeGreaterThan(0);
    expect(meeting.peopleMet!.count).toBeGreaterThan(meeting.responses);
    const statements = meeting.versions[0]!.items.filter((i) => i.kind === 'agreement');
    expect(statements.every((i) => i.shareAgreeing! > 0.6 && i.shareAgreeing! < 1)).toBe(true);
    expect(statements.some((i) => i.notApplicable > 0)).toBe(true);
    expect(statements.some((i) => i.n < meeting.responses)).toBe(true);

    const [series] = (await get<{ series: { id: string }[] }>(s.as.staff, `/api/sites/${s.siteId}/group-series`)).series;
    const group = await results('pilot_group', `groupSeriesId=${series!.id}`);
    expect(group.responses).toBeGreaterThanOrEqual(10);
    expect(group.peopleMet?.basis).toBe('group_attendance');
    const recommendation = group.versions[0]!.items.find((i) => i.kind === 'recommendation');
    expect(recommendation?.kind === 'recommendation' && recommendation.mean! > 7).toBe(true);

    const staff = (await results('staff_outreach')).responses + (await results('staff_daycentre')).responses;
    expect(staff).toBe(6);
    const open = (await results('staff_outreach')).versions[0]!.items.filter((i) => i.kind === 'open_text');
    expect(open.some((i) => i.kind === 'open_text' && (i.answers?.length ?? 0) > 0)).toBe(true);
  });

  it('has answers to the choice questions of the referral follow-up form (one-of and many-of)', async () => {
    const forms = (await get<{ forms: FeedbackFormSummary[] }>(s.as.coordinator, '/api/feedback/forms')).forms;
    const id = forms.find((f) => f.templateKey === 'referral_follow_up')!.id;
    const followUp = await get<FeedbackResults>(s.as.coordinator, `/api/feedback/forms/${id}/results?siteId=${s.siteId}`);
    const [went, stopped] = followUp.versions[0]!.items;
    expect(went?.kind).toBe('single_choice');
    expect(stopped?.kind).toBe('multiple_choice');
    const counts = (item: typeof went) => (item && 'options' in item ? item.options.map((o) => o.count) : []);
    expect(counts(went).every((n) => n > 0)).toBe(true);
    expect(went!.n).toBeGreaterThan(25);
    expect(stopped!.n).toBeGreaterThan(5);
    expect(counts(stopped).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(stopped!.n);
  });

  it('is the same history for the same day, and seeds on another day too (across a clock change)', async () => {
    const again = await seededAt(now);
    expect(await fingerprint(again, window.start, window.today)).toEqual(await fingerprint(s, window.start, window.today));
    // 1 April 2026: nothing of this month before today, and summer time began on 29 March.
    const april = await seededAt('2026-04-01T06:00:00Z');
    const summary = await get<EncounterSummary>(april.as.coordinator, `/api/sites/${april.siteId}/encounters/summary?from=2025-12-01&to=2026-06-30`);
    expect(summary.byDay.filter((d) => d.meetings > 0).every((d) => d.day < '2026-04-01')).toBe(true);
    expect(summary.byDay.some((d) => d.day === '2026-03-31' && d.meetings > 0)).toBe(true);
  }, 90_000);
});

describe('the demo history helpers', () => {
  it('turns Helsinki wall-clock times into instants in winter and in summer time', () => {
    expect(helsinkiAt('2026-01-06', '09:00').toISOString()).toBe('2026-01-06T07:00:00.000Z');
    expect(helsinkiAt('2026-06-02', '09:00:00', 75).toISOString()).toBe('2026-06-02T07:15:00.000Z');
    expect(withHelsinkiOffset(helsinkiAt('2026-03-31', '11:05'))).toBe('2026-03-31T11:05:00+03:00');
    expect(withHelsinkiOffset(helsinkiAt('2025-10-28', '09:40'))).toBe('2025-10-28T09:40:00+02:00');
    expect(['2026-01-16', '2026-01-17', '2026-01-18', '2026-01-19'].map(workdayOnOrBefore)).toEqual(['2026-01-16', '2026-01-16', '2026-01-16', '2026-01-19']);
  });

  it('draws the same numbers from the same seed', () => {
    const draw = () => { const rng = new Random(42); return Array.from({ length: 5 }, () => rng.between(1, 6)); };
    expect(draw()).toEqual(draw());
    expect(new Set(Array.from({ length: 200 }, ((rng) => () => rng.below(3))(new Random(7))))).toEqual(new Set([0, 1, 2]));
  });
});
