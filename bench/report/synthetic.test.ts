// The synthetic generator at a small size (3 sites, one year) on an in-memory PGlite: the rows keep
// the rules the app keeps (and the database enforces: its foreign keys are re-added after the load),
// and the same seed gives the same rows whatever the chunk size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { isValidVisitorCode } from '../../src/domain/visitor-code.js';
import { connectDatabase, type Database } from '../../src/server/db/connect.js';
import { reportCases } from './latency.js';
import { roundOrder } from './save-throughput.js';
import { generateSynthetic, type SyntheticResult } from './synthetic.js';

const LAST_DAY = '2026-06-30';
const options = { encounters: 3_000, sites: 3, firstDay: addDays(LAST_DAY, -364), lastDay: LAST_DAY, seed: 7 };

async function generated(chunkRows: number): Promise<{ db: Database; result: SyntheticResult }> {
  const db = await connectDatabase({ engine: 'pglite' });
  const result = await generateSynthetic(db, { ...options, chunkRows }, () => undefined);
  return { db, result };
}

const one = async <T>(db: Database, sqlText: string): Promise<T> => (await db.withRawSession((s) => s.query<T>(sqlText)))[0]!;

/** Everything about the encounters that does not depend on the region's random id. */
const FINGERPRINT = `select md5(string_agg(concat_ws('|', e.id, s.name, e.session_id is not null, e.occurred_at, e.visitor_code, e.is_first_visit, e.age_band, e.gender,
    e.is_urgent, e.duration_minutes, u.username, (select string_agg(c.code, ',' order by c.code) from encounter_codes c where c.encounter_id = e.id),
    (select string_agg(r.status, ',') from referrals r where r.encounter_id = e.id)), ';' order by e.id)) as fingerprint
  from encounters e join sites s on s.id = e.site_id join users u on u.id = e.created_by`;

describe('synthetic history', () => {
  let small: { db: Database; result: SyntheticResult };
  let big: { db: Database; result: SyntheticResult };

  beforeAll(async () => {
    // Many small chunks and one big one: the rows must not depend on the chunking.
    small = await generated(500);
    big = await generated(1_000_000);
  }, 120_000);

  afterAll(async () => {
    await small?.db.close();
    await big?.db.close();
  });

  it('generates exactly the encounters asked for, with every kind of row the report reads', () => {
    const { rows } = small.result;
    expect(rows.encounters).toBe(3_000);
    for (const table of ['outreach_sessions', 'session_professionals', 'visitor_codes', 'encounter_professionals', 'encounter_codes', 'referrals', 'daylog', 'group_sessions', 'group_attendees', 'feedback_responses', 'feedback_answers'] as const) {
      expect(rows[table], table).toBeGreaterThan(0);
    }
    expect(small.result.sites.reduce((sum, s) => sum + s.encounters, 0)).toBe(3_000);
  });

  it('is deterministic for a seed and independent of the chunk size', async () => {
    const [a, b] = await Promise.all([one<{ fingerprint: string }>(small.db, FINGERPRINT), one<{ fingerprint: string }>(big.db, FINGERPRINT)]);
    expect(a.fingerprint).toBe(b.fingerprint);
  });

  it('keeps the rules of the app', async () => {
    const db = small.db;
    const checks = await one<Record<string, string>>(db, `select
      (select count(*) from visitor_codes c where not exists (select 1 from encounters e where e.visitor_code = c.code)) as unused_codes,
      (select count(*) from encounters e where e.visitor_code is not null and e.is_first_visit
         is distinct from (e.id = (select f.id from encounters f where f.visitor_code = e.visitor_code order by f.occurred_at, f.id limit 1))) as wrong_first_visits,
      (select count(*) from encounters e where (select count(*) from encounter_professionals p where p.encounter_id = e.id) not in (1, 2)) as wrong_professionals,
      (select count(*) from encounter_professionals p join users u on u.id = p.user_id where u.profession is distinct from p.profession) as wrong_professions,
      (select count(*) from encounters e where not exists (select 1 from encounter_professionals p where p.encounter_id = e.id and p.user_id = e.created_by)) as recorder_missing,
      (select count(*) from encounters e join encounter_professionals p on p.encounter_id = e.id
         where not exists (select 1 from role_assignments a where a.user_id = p.user_id and a.role = 'professional' and a.site_id = e.site_id)) as professional_elsewhere,
      (select count(*) from encounter_codes c where not exists (select 1 from encounter_professionals p where p.encounter_id = c.encounter_id
         and (case when p.profession = 'nurse' then 'health' else 'social' end) = c.register)) as code_without_register,
      (select count(*) from encounters e join outreach_sessions s on s.id = e.session_id
         where s.is_cancelled or s.site_id <> e.site_id or s.day <> (e.occurred_at at time zone 'Europe/Helsinki')::date) as wrong_sessions,
      (select count(*) from referrals where (status in ('realised', 'not_realised', 'unknown')) <> (closed_at is not null) or closed_at < created_at) as wrong_closures,
      (select count(*) from encounters where (occurred_at at time zone 'Europe/Helsinki')::date not between '${options.firstDay}' and '${LAST_DAY}') as outside_history,
      (select count(*) from group_attendees a join group_sessions g on g.id = a.session_id join visitor_codes c on c.code = a.visitor_code
         where c.issued_at > (g.day + 1)::timestamp at time zone 'Europe/Helsinki') as attendee_before_issue`);
    expect(Object.fromEntries(Object.entries(checks).map(([k, v]) => [k, Number(v)]))).toEqual({
      unused_codes: 0, wrong_first_visits: 0, wrong_professionals: 0, wrong_professions: 0, recorder_missing: 0, professional_elsewhere: 0,
      code_without_register: 0, wrong_sessions: 0, wrong_closures: 0, outside_history: 0, attendee_before_issue: 0,
    });
  });

  it('makes valid visitor codes, reused by returning visitors', async () => {
    const codes = await small.db.withRawSession((s) => s.query<{ code: string; visits: string }>('select visitor_code as code, count(*) as visits from encounters where visitor_code is not null group by 1'));
    expect(codes.length).toBeGreaterThan(50);
    expect(codes.filter((c) => !isValidVisitorCode(c.code))).toEqual([]);
    expect(codes.filter((c) => Number(c.visits) > 1).length).toBeGreaterThan(codes.length / 4);
  });

  it('recreates the secondary indexes it dropped', async () => {
    expect(small.result.rebuiltIndexes).toEqual(expect.arrayContaining(['public.encounters_site_time', 'public.encounters_code', 'public.referrals_encounter']));
    const indexes = await small.db.withRawSession((s) => s.query<{ name: string }>("select indexname as name from pg_indexes where tablename in ('encounters', 'referrals')"));
    expect(indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['encounters_site_time', 'encounters_code', 'referrals_encounter', 'referrals_site_open']));
  });
});

describe('bench helpers', () => {
  it('alternates the save modes ABBA', () => {
    expect(roundOrder(2)).toEqual(['with', 'without', 'without', 'with']);
  });

  it('chooses report periods inside the history, the unaligned one mid-month at both ends', () => {
    const cases = reportCases('2021-11-23', '2026-11-22', 'site');
    expect(cases.map((c) => [c.key, c.from, c.to])).toEqual([
      ['region-all', '2021-11-23', '2026-11-22'],
      ['site-year', '2025-01-01', '2025-12-31'],
      ['region-quarter', '2026-07-01', '2026-09-30'],
      ['region-unaligned', '2024-04-17', '2026-04-09'],
    ]);
  });
});
