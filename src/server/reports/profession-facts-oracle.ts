import { sql, type SQL } from 'drizzle-orm';
import type { AgeBand } from '../../domain/code-lists.js';
import type { Profession } from '../../domain/org.js';
import { rowsOf, type Executor } from '../db/connect.js';
import { encounters, outreachSessions } from '../db/schema-outreach.js';
import { encountersIn, heldSessionsIn, type ReportScope } from './scope.js';

/*
 * Test oracle, not used by the app: the per-profession facts as the report read them from the base
 * tables (encounters, encounter_professionals, encounter_codes, referrals, outreach_sessions,
 * session_professionals) before migration 0020 moved them into the rollups. profession-rollups.test.ts
 * holds the rollup figures to what these queries give; `expectedRollupFigures` states which rollup key
 * each fact belongs to.
 */

/** One group of professional contacts: a professional of an encounter, with the encounter's facts. */
export type ContactGroup = {
  userId: string;
  profession: Profession;
  /** The encounter had two or more professionals. */
  joint: boolean;
  /** "First time with me / my service?" (encounter_professionals); null = not recorded. */
  firstWith: boolean | null;
  /** First ever in the region (encounters.is_first_visit): derived for code holders; null = not known. */
  firstInRegion: boolean | null;
  /** Anonymous to the professional (encounters.is_anonymous_to_professional); null = not recorded. */
  anonymous: boolean | null;
  urgent: boolean;
  ageBand: AgeBand;
  n: number;
};

export type CodeGroup = { profession: Profession; kind: string; register: string; code: string; meetings: number };
/** Referrals made, by the referrer (referrals.referred_by) and the profession they had in that encounter. */
export type ReferralGroup = { userId: string; profession: Profession | null; serviceCode: string; n: number };
/** Joint meetings by who met together: professions in domain order joined by '+'. */
export type JointGroup = { professions: string; withReferral: boolean; n: number };
export type HoursOf = { userId: string; profession: Profession | null; hours: number };
export type Named = { userId: string; displayName: string };

export type ProfessionFacts = {
  contacts: ContactGroup[];
  codes: CodeGroup[];
  referrals: ReferralGroup[];
  joint: JointGroup[];
  /** Professional hours of the held sessions (session_professionals.hours), per professional. */
  hours: HoursOf[];
  /** Reception hours: how long the held outreach sessions were open (ends_at − starts_at), summed. */
  receptionHours: number;
  names: Named[];
};

/** The scope's encounters as a CTE body; every query below starts from it. */
const scopedEncounters = (scope: ReportScope): SQL => sql`
  select id, visitor_code, is_first_visit, is_anonymous_to_professional, is_urgent, age_band
    from ${encounters} where ${encountersIn(scope)}`;

const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === true || v === 't' || v === 'true');

/** The per-profession facts of a scope, from the base tables. */
export async function readProfessionFacts(ex: Executor, scope: ReportScope): Promise<ProfessionFacts> {
  if (scope.siteIds.length === 0) return { contacts: [], codes: [], referrals: [], joint: [], hours: [], receptionHours: 0, names: [] };
  const e = scopedEncounters(scope);
  const contacts = rowsOf<{ user_id: string; profession: Profession; joint: unknown; first_with: unknown; first_visit: unknown; anonymous: unknown; urgent: unknown; age_band: AgeBand; n: number }>(
    await ex.execute(sql`
      with e as (${e})
      select p.user_id::text as user_id, p.profession,
             exists (select 1 from encounter_professionals o where o.encounter_id = e.id and o.user_id <> p.user_id) as joint,
             p.is_first_with_professional as first_with, case when e.visitor_code is not null then e.is_first_visit end as first_visit,
             e.is_anonymous_to_professional as anonymous, e.is_urgent as urgent, e.age_band, count(*)::int as n
        from e join encounter_professionals p on p.encounter_id = e.id
       group by 1, 2, 3, 4, 5, 6, 7, 8`),
  );
  const codes = rowsOf<{ profession: Profession; kind: string; register: string; code: string; meetings: number }>(
    await ex.execute(sql`
      with e as (${e})
      select p.profession, c.kind, c.register, c.code, count(distinct e.id)::int as meetings
        from e join encounter_professionals p on p.encounter_id = e.id join encounter_codes c on c.encounter_id = e.id
       group by 1, 2, 3, 4`),
  );
  const referrals = rowsOf<{ user_id: string; profession: Profession | null; service_code: string; n: number }>(
    await ex.execute(sql`
      with e as (${e})
      select r.referred_by::text as user_id, coalesce(p.profession, u.profession) as profession, s.code as service_code, count(*)::int as n
        from e join referrals r on r.encounter_id = e.id join services s on s.id = r.service_id
        left join encounter_professionals p on p.encounter_id = r.encounter_id and p.user_id = r.referred_by
        left join users u on u.id = r.referred_by
       group by 1, 2, 3`),
  );
  const joint = rowsOf<{ professions: string; with_referral: unknown; n: number }>(
    await ex.execute(sql`
      with e as (${e}),
      team as (
        select e.id, string_agg(p.profession, '+' order by p.profession) as professions, count(*) as size,
               exists (select 1 from referrals r where r.encounter_id = e.id) as with_referral
          from e join encounter_professionals p on p.encounter_id = e.id group by e.id)
      select professions, with_referral, count(*)::int as n from team where size > 1 group by 1, 2`),
  );
  const hours = rowsOf<{ user_id: string; profession: Profession | null; hours: string }>(
    await ex.execute(sql`
      select sp.user_id::text as user_id, u.profession, sum(sp.hours)::text as hours
        from ${outreachSessions} join session_professionals sp on sp.session_id = ${outreachSessions.id}
        left join users u on u.id = sp.user_id
       where ${heldSessionsIn(scope)}
       group by 1, 2`),
  );
  const [reception] = rowsOf<{ hours: string | null }>(
    await ex.execute(sql`
      select (sum(extract(epoch from (${outreachSessions.endsAt} - ${outreachSessions.startsAt}))) / 3600)::text as hours
        from ${outreachSessions} where ${heldSessionsIn(scope)}`),
  );
  const userIds = [...new Set([...contacts.map((c) => c.user_id), ...referrals.map((r) => r.user_id), ...hours.map((h) => h.user_id)])];
  const names = userIds.length === 0 ? [] : rowsOf<{ user_id: string; display_name: string }>(
    await ex.execute(sql`select id::text as user_id, display_name from users where id in (${sql.join(userIds.map((id) => sql`${id}::uuid`), sql`, `)})`),
  );
  return {
    contacts: contacts.map((c) => ({
      userId: c.user_id, profession: c.profession, joint: bool(c.joint) === true, firstWith: bool(c.first_with), firstInRegion: bool(c.first_visit),
      anonymous: bool(c.anonymous), urgent: bool(c.urgent) === true, ageBand: c.age_band, n: Number(c.n),
    })),
    codes: codes.map((c) => ({ ...c, meetings: Number(c.meetings) })),
    referrals: referrals.map((r) => ({ userId: r.user_id, profession: r.profession, serviceCode: r.service_code, n: Number(r.n) })),
    joint: joint.map((j) => ({ professions: j.professions, withReferral: bool(j.with_referral) === true, n: Number(j.n) })),
    hours: hours.map((h) => ({ userId: h.user_id, profession: h.profession, hours: Number(h.hours) })),
    receptionHours: Number(reception?.hours ?? 0),
    names: names.map((n) => ({ userId: n.user_id, displayName: n.display_name })),
  };
}

/** The rollup figures (`metric|key` → n, non-zero only) of migration 0020's metrics that the facts give. */
export function expectedRollupFigures(facts: ProfessionFacts): Map<string, number> {
  const out = new Map<string, number>();
  const add = (metric: string, key: string, n: number) => out.set(`${metric}|${key}`, (out.get(`${metric}|${key}`) ?? 0) + n);
  const answer = (value: boolean | null, yes: string, no: string, none: string) => (value === null ? none : value ? yes : no);
  for (const c of facts.contacts) {
    add('pc_first', `${c.profession}:${answer(c.firstWith, 'first', 'repeat', 'notRecorded')}`, c.n);
    add('pc_region', `${c.profession}:${answer(c.firstInRegion, 'first', 'repeat', 'unknown')}`, c.n);
    add('pc_anon', `${c.profession}:${answer(c.anonymous, 'anonymous', 'notAnonymous', 'notRecorded')}`, c.n);
    add('pc_urgent', `${c.profession}:${c.urgent ? 'urgent' : 'not_urgent'}`, c.n);
    add('pc_age', `${c.profession}:${c.ageBand}`, c.n);
  }
  for (const c of facts.codes) add('pc_code', `${c.profession}:${c.kind}:${c.register}:${c.code}`, c.meetings);
  for (const r of facts.referrals) add('pc_ref', r.profession ?? 'unknownProfession', r.n);
  for (const j of facts.joint) add('joint_m', `${j.professions}:${j.withReferral ? 'with' : 'without'}`, j.n);
  // Hours in hundredths, as the rollups keep them (session_professionals.hours has two decimals).
  for (const h of facts.hours) if (h.profession) add('sess', `hours_x100:${h.profession}`, Math.round(h.hours * 100));
  if (facts.receptionHours > 0) add('sess', 'reception_s', Math.round(facts.receptionHours * 3600));
  for (const [k, n] of out) if (n === 0) out.delete(k);
  return out;
}
