// The known-answer dataset of report.test.ts, built through the HTTP API as staff would enter it; not used by the app.
import type { AgeBand } from '../../domain/code-lists.js';
import type { ReferralStatus } from '../../domain/outreach.js';
import { encounterBody, issueCode, professionalAt, record, referralBody, setUpOutreach, type Outreach } from '../encounters/test-support.js';
import { makeSite, makeUser, signIn, type Client } from '../testing/harness.js';

type Batch = {
  n: number;
  by: 'nurse' | 'sw' | 'peer' | 'joint';
  /** Helsinki wall time of the first encounter, 'YYYY-MM-DDTHH:MM' (December: UTC+2); the rest a minute apart. */
  at: string;
  session: 'R02' | 'R09' | 'R16' | 'R30' | 'O10';
  codes?: number[];
  first?: boolean;
  age: AgeBand;
  urgent?: boolean;
  needs?: string[];
  support?: string[];
  referral?: { service: string; status: ReferralStatus; by?: 'sw' };
  /** Anonymous to the professional (unset: not recorded). */
  anon?: boolean;
  /** "First time with me?" of the recorder and, in a joint meeting, the social worker (unset: not recorded). */
  firstWith?: [boolean | null, (boolean | null)?];
};

/**
 * 51 meetings at the four Tuesday receptions and one evening session of December 2025. The comment
 * after each batch is what it adds up to; report.test.ts asserts the sums. The answers to "anonymous to
 * the professional?" and "first time with me?" and the social worker as referrer in two joint batches
 * change none of the older tables: only the per-profession ones read them.
 */
const batches: Batch[] = [
  // Tue 2.12. 10:xx, nurse: 17
  { n: 6, by: 'nurse', at: '2025-12-02T10:00', session: 'R02', codes: [0, 1, 2, 3, 4, 5], age: '30_50', needs: ['health:blood_pressure'], support: ['health:measured_bp_sugar'], referral: { service: 'health_station', status: 'realised' }, anon: false, firstWith: [true] },
  { n: 3, by: 'nurse', at: '2025-12-02T10:10', session: 'R02', first: true, age: '18_29', needs: ['health:blood_pressure'], support: ['health:measured_bp_sugar'], anon: true, firstWith: [true] },
  { n: 7, by: 'nurse', at: '2025-12-02T10:20', session: 'R02', first: true, age: '30_50', firstWith: [true] },
  { n: 1, by: 'nurse', at: '2025-12-02T10:40', session: 'R02', age: 'unknown' },
  // Tue 9.12. 11:xx, nurse: 8
  { n: 4, by: 'nurse', at: '2025-12-09T11:00', session: 'R09', codes: [0, 1, 2, 3], age: '30_50', needs: ['health:general_health'], support: ['health:encouraged_contact'], referral: { service: 'health_station', status: 'booked' }, anon: false, firstWith: [false] },
  { n: 2, by: 'nurse', at: '2025-12-09T11:10', session: 'R09', first: false, age: '51_64', needs: ['health:general_health'], anon: true, firstWith: [false] },
  { n: 1, by: 'nurse', at: '2025-12-09T11:20', session: 'R09', first: false, age: '51_64', referral: { service: 'health_station', status: 'booked' }, anon: true, firstWith: [false] },
  { n: 1, by: 'nurse', at: '2025-12-09T11:30', session: 'R09', age: 'unknown' },
  // Tue 16.12. 12:xx, social worker: 13
  { n: 3, by: 'sw', at: '2025-12-16T12:00', session: 'R16', codes: [0, 1, 2], age: '30_50', needs: ['social:housing'], support: ['social:listening'], referral: { service: 'kela', status: 'realised' }, anon: false, firstWith: [true] },
  { n: 2, by: 'sw', at: '2025-12-16T12:05', session: 'R16', age: '51_64', needs: ['social:housing'], support: ['social:listening'], referral: { service: 'kela', status: 'realised' }, anon: true, firstWith: [true] },
  { n: 2, by: 'sw', at: '2025-12-16T12:10', session: 'R16', age: '51_64', needs: ['social:housing'], support: ['social:listening'], referral: { service: 'kela', status: 'unknown' }, anon: true, firstWith: [false] },
  { n: 1, by: 'sw', at: '2025-12-16T12:15', session: 'R16', age: '51_64', needs: ['social:mental_health'], support: ['social:listening'], referral: { service: 'kela', status: 'unknown' } },
  { n: 2, by: 'sw', at: '2025-12-16T12:20', session: 'R16', age: '65_80', support: ['social:listening'], referral: { service: 'kela', status: 'unknown' }, anon: true, firstWith: [true] },
  { n: 3, by: 'sw', at: '2025-12-16T12:30', session: 'R16', age: '65_80', support: ['social:listening'], anon: false, firstWith: [false] },
  // Tue 30.12. 13:xx, nurse and social worker together: 8
  { n: 2, by: 'joint', at: '2025-12-30T13:00', session: 'R30', urgent: true, age: 'over_80', needs: ['health:wound_care', 'social:kela_benefits'], support: ['social:kela_guidance'], referral: { service: 'social_guidance', status: 'not_realised', by: 'sw' }, anon: false, firstWith: [true, false] },
  { n: 1, by: 'joint', at: '2025-12-30T13:05', session: 'R30', urgent: true, age: '65_80', needs: ['social:kela_benefits'], support: ['social:kela_guidance'], referral: { service: 'social_guidance', status: 'not_realised' }, anon: false, firstWith: [true, true] },
  { n: 2, by: 'joint', at: '2025-12-30T13:10', session: 'R30', age: '18_29', needs: ['social:kela_benefits'], support: ['social:kela_guidance'], referral: { service: 'social_guidance', status: 'not_realised', by: 'sw' }, anon: true, firstWith: [true, true] },
  { n: 3, by: 'joint', at: '2025-12-30T13:20', session: 'R30', age: '18_29', anon: true, firstWith: [false, null] },
  // Wed 10.12. 18:xx, peer worker at the evening session: 5
  { n: 1, by: 'peer', at: '2025-12-10T18:00', session: 'O10', age: 'unknown' },
  { n: 4, by: 'peer', at: '2025-12-10T18:05', session: 'O10', age: '18_29', anon: true, firstWith: [true] },
];

/** A Helsinki wall time in December (UTC+2) plus minutes, as an instant. */
const decemberInstant = (wall: string, minutes: number) => new Date(Date.parse(`${wall}:00+02:00`) + minutes * 60_000).toISOString();

async function ok<R extends { statusCode: number; body: string }>(pending: Promise<R>, what: string): Promise<R> {
  const response = await pending;
  if (response.statusCode >= 300) throw new Error(`${what} failed ${response.statusCode}: ${response.body}`);
  return response;
}

export type Dataset = {
  o: Outreach;
  coordinator: Client;
  staff: Client;
  codes: string[];
  seriesId: string;
  forms: { meeting: { versionId: string; items: string[] }; group: { versionId: string; items: string[] } };
  peer: Client;
  /** The visitor code of the October person who met the social worker first and the nurse later. */
  crossover: string;
  /** A second day centre with three December meetings and no feedback form in use. */
  otherSiteId: string;
};

async function planSessions(o: Outreach, coordinator: Client, peerId: string): Promise<Record<Batch['session'], string>> {
  const nurseId = o.nurse.session.user.id;
  const swId = o.socialWorker.session.user.id;
  const weekly = await ok(coordinator.request('POST', `/api/sites/${o.siteId}/sessions`, {
    kind: 'reception', recurrence: 'weekly', weekday: 2, startsOn: '2025-12-02', endsOn: '2025-12-30', startsAt: '10:00', endsAt: '14:00',
    professionals: [{ userId: nurseId }, { userId: swId, hours: 3 }],
  }), 'plan');
  const days = weekly.json<{ sessions: { id: string; day: string }[] }>().sessions;
  const on = (day: string) => days.find((s) => s.day === day)!.id;
  await ok(coordinator.request('PATCH', `/api/sessions/${on('2025-12-23')}`, { isCancelled: true }), 'cancel');
  const evening = await ok(coordinator.request('POST', `/api/sites/${o.siteId}/sessions`, {
    kind: 'other', recurrence: 'one_off', startsOn: '2025-12-10', startsAt: '17:00', endsAt: '19:00', professionals: [{ userId: peerId }],
  }), 'plan evening');
  return { R02: on('2025-12-02'), R09: on('2025-12-09'), R16: on('2025-12-16'), R30: on('2025-12-30'), O10: evening.json<{ sessions: { id: string }[] }>().sessions[0]!.id };
}

async function recordEncounters(o: Outreach, peer: Client, sessions: Record<Batch['session'], string>, codes: string[]): Promise<void> {
  const swId = o.socialWorker.session.user.id;
  for (const b of batches) {
    for (let i = 0; i < b.n; i++) {
      const client = b.by === 'sw' ? o.socialWorker : b.by === 'peer' ? peer : o.nurse;
      const referral = b.referral ? referralBody(o.services[b.referral.service]!, b.referral.by === 'sw' ? { referredBy: swId } : {}) : null;
      const team = [client.session.user.id, ...(b.by === 'joint' ? [swId] : [])];
      const view = await record(client, encounterBody(o, {
        occurredAt: decemberInstant(b.at, i),
        sessionId: sessions[b.session],
        professionalIds: b.by === 'joint' ? [swId] : [],
        visitorCode: b.codes ? codes[b.codes[i]!] : null,
        isFirstVisit: b.first ?? null,
        isAnonymousToProfessional: b.anon ?? null,
        firstWithProfessional: (b.firstWith ?? []).flatMap((isFirst, k) => (isFirst === undefined ? [] : [{ userId: team[k]!, isFirst }])),
        ageBand: b.age,
        isUrgent: b.urgent ?? false,
        needs: b.needs ?? [],
        support: b.support ?? [],
        referrals: referral ? [referral] : [],
      }));
      if (referral && b.referral!.status !== 'suggested') {
        await ok(o.nurse.request('PATCH', `/api/referrals/${referral.id}`, { status: b.referral!.status }), `referral ${view.id}`);
      }
    }
  }
}

/** Weekly on Thursdays 23.10.–25.12.2025: ten sessions, two before November; one cancelled, one never recorded. */
async function groupSeries(o: Outreach, coordinator: Client, staff: Client, codes: string[]): Promise<string> {
  const themes = ['Tutustuminen', 'Uni', 'Raha-asiat', 'Liikunta', 'Ruoka', 'Peruttu', 'Joulu', 'Kela', 'Lepo'];
  const created = await ok(coordinator.request('POST', `/api/sites/${o.siteId}/group-series`, {
    name: 'Porinapirtti', weekday: 4, startsAt: '12:00', endsAt: '13:30', startsOn: '2025-10-23', endsOn: '2025-12-25', themes,
  }), 'series');
  const series = created.json<{ id: string; sessions: { id: string; day: string }[] }>();
  const on = (day: string) => series.sessions.find((s) => s.day === day)!.id;
  const c = (...i: number[]) => i.map((k) => codes[k]!);
  const attendance: [string, object][] = [
    ['2025-10-23', { counters: { total: 3, returning: 0, new: 3 }, codes: c(0, 1) }],
    ['2025-10-30', { counters: { total: 2, returning: 2, new: 0 }, codes: c(0) }],
    ['2025-11-06', { counters: { total: 4, returning: 2, new: 1 }, codes: c(0, 2) }],
    ['2025-11-13', { counters: { total: 5, returning: 3, new: 2 }, codes: c(1, 2, 3) }],
    ['2025-11-20', { counters: { total: 7, returning: 5, new: 2 } }],
    ['2025-12-04', { codes: c(0, 1, 2, 3, 4) }],
    ['2025-12-11', { counters: { total: 8, returning: 6, new: 2 }, codes: c(4, 5) }],
    ['2025-12-25', { counters: { total: 3, returning: 3, new: 0 }, codes: c(0) }],
  ];
  for (const [day, body] of attendance) await ok(staff.request('PUT', `/api/group-sessions/${on(day)}/attendance`, body), `attendance ${day}`);
  await ok(coordinator.request('PATCH', `/api/group-sessions/${on('2025-11-27')}`, { isCancelled: true }), 'cancel group');
  await ok(coordinator.request('PATCH', `/api/group-series/${series.id}`, { anonymousRepeatParticipants: 4 }), 'repeaters');
  return series.id;
}

async function daylogs(o: Outreach, staff: Client): Promise<void> {
  const days: [string, number, number, number | null][] = [['2025-12-02', 20, 30, 45], ['2025-12-03', 3, 12, null], ['2025-12-10', 15, 25, 40], ['2025-12-23', 18, 22, 35]];
  // December lies beyond the day log's back-dating window at the harness's January clock.
  o.h.deps.config.daylogBackdateDays = 60;
  for (const [day, breakfasts, lunches, estimatedVisitors] of days) {
    await ok(staff.request('PUT', `/api/sites/${o.siteId}/daylog/${day}`, { id: crypto.randomUUID(), breakfasts, lunches, estimatedVisitors }), `daylog ${day}`);
  }
}

const heardOptions = [
  { key: 'friend', fi: 'Ystävältä', sv: 'Av en vän', en: 'From a friend' },
  { key: 'staff', fi: 'Henkilökunnalta', sv: 'Av personalen', en: 'From the staff' },
  { key: 'poster', fi: 'Ilmoituksesta', sv: 'Från en affisch', en: 'From a poster' },
];
const helpOptions = [
  { key: 'health', fi: 'Terveys', sv: 'Hälsa', en: 'Health' },
  { key: 'housing', fi: 'Asuminen', sv: 'Boende', en: 'Housing' },
  { key: 'benefits', fi: 'Etuudet', sv: 'Förmåner', en: 'Benefits' },
  { key: 'other', fi: 'Jokin muu', sv: 'Något annat', en: 'Something else' },
];

type FormView = { id: string; current: { id: string; items: { id: string }[] } };

/** Answers per item, in sheet order; undefined skips the item on that sheet, 'na' is "does not apply", an array the options chosen. */
const sheets = (columns: (number | string | string[] | undefined)[][], items: string[]) =>
  Array.from({ length: Math.max(...columns.map((c) => c.length)) }, (_, s) => ({
    answers: columns.flatMap((answers, i): object[] => {
      const a = answers[s];
      if (a === undefined) return [];
      if (a === 'na') return [{ itemId: items[i]!, notApplicable: true }];
      if (Array.isArray(a)) return [{ itemId: items[i]!, choices: a }];
      return [typeof a === 'number' ? { itemId: items[i]!, score: a } : { itemId: items[i]!, text: a }];
    }),
  }));

async function feedback(o: Outreach, coordinator: Client, meetingSession: string, groupSession: string): Promise<Dataset['forms']> {
  const meeting = (await ok(coordinator.request('POST', '/api/feedback/forms', {
    audience: 'visitor', name: { fi: 'Tapaamispalaute', sv: 'Respons på mötet', en: 'Meeting feedback' },
    items: [
      { kind: 'agreement', text: { fi: 'Sain apua', sv: 'Jag fick hjälp', en: 'I got help' } },
      { kind: 'agreement', text: { fi: 'Ilmapiiri oli turvallinen', sv: 'Stämningen var trygg', en: 'The atmosphere was safe' } },
      { kind: 'recommendation', scaleMin: 1, text: { fi: 'Suosittelisitko?', sv: 'Skulle du rekommendera?', en: 'Would you recommend?' } },
      { kind: 'open_text', text: { fi: 'Mitä muuta?', sv: 'Något annat?', en: 'Anything else?' } },
      { kind: 'single_choice', text: { fi: 'Mistä kuulit meistä?', sv: 'Var hörde du om oss?', en: 'Where did you hear of us?' }, options: heardOptions },
      { kind: 'multiple_choice', text: { fi: 'Missä sait apua tänään?', sv: 'Med vad fick du hjälp i dag?', en: 'What did you get help with today?' }, options: helpOptions },
    ],
  }), 'form')).json<FormView>();
  const mItems = meeting.current.items.map((i) => i.id);
  const a1 = [5, 5, 5, 4, 4, 4, 3, 2, 1, 'na', 'na'];
  const a2 = [5, 5, 4, 3];
  const r1 = [10, 10, 9, 9, 8, 8, 7, 7, 6, 5];
  const o1 = ['Hyvä palvelu', 'Kiitos', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'Ei muuta'];
  // one of: 11 answered — a friend 6, the staff 3, a poster 2; many of: 10 answered — health 7,
  // housing 5, benefits 2, something else 0
  const heard = [...Array<string[]>(6).fill(['friend']), ...Array<string[]>(3).fill(['staff']), ...Array<string[]>(2).fill(['poster'])];
  const help = [['health', 'housing'], ['health', 'housing'], ['health', 'benefits'], ['health', 'benefits'], ['health'], ['health'], ['health'], ['housing'], ['housing'], ['housing']];
  await ok(coordinator.request('POST', `/api/feedback/forms/${meeting.id}/paper`, {
    context: { siteId: o.siteId, outreachSessionId: meetingSession }, submittedOn: '2025-12-02', responses: sheets([a1, a2, r1, o1, heard, help], mItems),
  }), 'paper meeting');
  const group = (await ok(coordinator.request('POST', '/api/feedback/forms', {
    audience: 'visitor', name: { fi: 'Ryhmäpalaute', sv: 'Grupprespons', en: 'Group feedback' },
    items: [
      { kind: 'agreement', text: { fi: 'Ryhmästä oli hyötyä', sv: 'Gruppen var till nytta', en: 'The group was useful' } },
      { kind: 'recommendation', scaleMin: 1, text: { fi: 'Suosittelisitko ryhmää?', sv: 'Skulle du rekommendera gruppen?', en: 'Would you recommend the group?' } },
    ],
  }), 'group form')).json<FormView>();
  const gItems = group.current.items.map((i) => i.id);
  await ok(coordinator.request('POST', `/api/feedback/forms/${group.id}/paper`, {
    context: { siteId: o.siteId, groupSessionId: groupSession }, submittedOn: '2025-12-11', responses: sheets([[5, 5, 5, 5, 5], [9, 9, 8, 10, 10, 7]], gItems),
  }), 'paper group');
  return { meeting: { versionId: meeting.current.id, items: mItems }, group: { versionId: group.current.id, items: gItems } };
}

/** The whole dataset at one day centre (o.siteId) of a fresh region. */
export async function buildDataset(): Promise<Dataset> {
  const o = await setUpOutreach();
  const coordinator = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'coordinator', siteId: null }]));
  const staff = await signIn(o.h, await makeUser(o.h, o.regionId, [{ role: 'daycentre_staff', siteId: o.siteId }]));
  const peer = await professionalAt(o.h, o.regionId, o.siteId, 'peer_worker');
  const codes: string[] = [];
  for (let i = 0; i < 6; i++) codes.push(await issueCode(o));
  const sessions = await planSessions(o, coordinator, peer.session.user.id);
  await recordEncounters(o, peer, sessions, codes);
  const crossover = await socialWorkerFirst(o);
  const seriesId = await groupSeries(o, coordinator, staff, codes);
  await daylogs(o, staff);
  const series = (await ok(coordinator.request('GET', `/api/group-series/${seriesId}`), 'series')).json<{ sessions: { id: string; day: string }[] }>();
  const forms = await feedback(o, coordinator, sessions.R02, series.sessions.find((s) => s.day === '2025-12-11')!.id);
  const otherSiteId = await siteWithoutFeedback(o);
  return { o, coordinator, staff, codes, seriesId, forms, peer, crossover, otherSiteId };
}

/**
 * A second day centre of the region: a nurse there meets three people on 3.12.2025, and no feedback
 * form is ever used there. A report over both sites must not divide the meeting form's responses by
 * these meetings (report.test.ts).
 */
async function siteWithoutFeedback(o: Outreach): Promise<string> {
  const site = await makeSite(o.h, o.regionId);
  const nurse = await professionalAt(o.h, o.regionId, site.id, 'nurse');
  for (let i = 0; i < 3; i++) {
    await record(nurse, encounterBody(o, { siteId: site.id, occurredAt: decemberInstant('2025-12-03T10:00', i), ageBand: '30_50' }));
  }
  return site.id;
}

/**
 * October 2025, outside the main period: one person (a code of their own) meets the social worker
 * first and the nurse a week later. Region-wide it is a first visit and then a repeat one; to each
 * professional it is the first time (report.test.ts asserts both, over October).
 */
async function socialWorkerFirst(o: Outreach): Promise<string> {
  const code = await issueCode(o);
  await record(o.socialWorker, encounterBody(o, {
    occurredAt: '2025-10-01T09:00:00Z', visitorCode: code, isAnonymousToProfessional: false,
    firstWithProfessional: [{ userId: o.socialWorker.session.user.id, isFirst: true }], ageBand: '30_50',
  }));
  await record(o.nurse, encounterBody(o, {
    occurredAt: '2025-10-07T07:00:00Z', visitorCode: code, isAnonymousToProfessional: false,
    firstWithProfessional: [{ userId: o.nurse.session.user.id, isFirst: true }], ageBand: '30_50',
  }));
  return code;
}
