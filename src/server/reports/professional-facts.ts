import { sql, type SQL } from 'drizzle-orm';
import type { Profession } from '../../domain/org.js';
import { rowsOf, type Executor } from '../db/connect.js';
import { encounters, outreachSessions } from '../db/schema-outreach.js';
import { encountersIn, heldSessionsIn, type ReportScope } from './scope.js';

/*
 * The facts behind the per-professional table (issue 16 item 2): each named professional's own figures,
 * read from the base tables (encounter_professionals, referrals, session_professionals), never from the
 * rollups: keys per professional would multiply the rollups by the staff, and these figures are shown
 * only in a coordinator's exact view or to the professional themself (docs/PRIVACY.md). The report reads
 * them only for such a reader, and for one user when it is their own row. Every per-profession figure
 * comes from the rollups (profession-tables.ts).
 */

/** One professional's contacts with the same answers. */
export type ProfessionalContacts = {
  userId: string;
  profession: Profession;
  /** The encounter had two or more professionals. */
  joint: boolean;
  /** "First time with me / my service?"; null = not recorded. */
  firstWith: boolean | null;
  /** Anonymous to the professional; null = not recorded. */
  anonymous: boolean | null;
  urgent: boolean;
  n: number;
};

export type ProfessionalFacts = {
  contacts: ProfessionalContacts[];
  /** Referrals made, by referrer (referrals.referred_by). */
  referrals: { userId: string; n: number }[];
  /** Professional hours of the held sessions, with the professional's profession today. */
  hours: { userId: string; profession: Profession | null; hours: number }[];
  names: { userId: string; displayName: string }[];
};

const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : v === true || v === 't' || v === 'true');

/** `column = user` when only one user's figures are wanted; `true` otherwise. */
const onlyUser = (column: SQL, userId: string | null): SQL => (userId === null ? sql`true` : sql`${column} = ${userId}::uuid`);

/**
 * Every professional's contacts in the scope, grouped by their answers. Whether a contact was joint is
 * counted over the encounter's professionals in the same pass (a window per encounter): the database
 * walks encounters and their professionals in encounter order (both primary keys) and needs no probe per
 * contact, which an `exists` for another professional made (one index search per contact: at 100 k
 * encounters over five years, 347 k buffers read for the region against 96 k this way).
 */
const everyonesContacts = (scoped: SQL): SQL => sql`
  with e as (${scoped})
  select x.user_id::text as user_id, x.profession, x.joint, x.first_with, x.anonymous, x.urgent, count(*)::int as n
    from (select p.user_id, p.profession, p.is_first_with_professional as first_with,
                 e.is_anonymous_to_professional as anonymous, e.is_urgent as urgent,
                 count(*) over (partition by p.encounter_id) > 1 as joint
            from e join encounter_professionals p on p.encounter_id = e.id) x
   group by x.user_id, x.profession, x.joint, x.first_with, x.anonymous, x.urgent`;

/**
 * One professional's contacts: found through their own rows (encounter_professionals_user), and for
 * each, whether another professional was there. A window over the scope would read every contact of it.
 */
const ownContacts = (scoped: SQL, userId: string): SQL => sql`
  with e as (${scoped})
  select p.user_id::text as user_id, p.profession,
         exists (select 1 from encounter_professionals o where o.encounter_id = e.id and o.user_id <> p.user_id) as joint,
         p.is_first_with_professional as first_with, e.is_anonymous_to_professional as anonymous, e.is_urgent as urgent, count(*)::int as n
    from e join encounter_professionals p on p.encounter_id = e.id
   where p.user_id = ${userId}::uuid
   group by p.user_id, p.profession, 3, p.is_first_with_professional, e.is_anonymous_to_professional, e.is_urgent`;

/** Every professional's facts in the scope, or only `onlyUserId`'s. */
export async function readProfessionalFacts(ex: Executor, scope: ReportScope, onlyUserId: string | null): Promise<ProfessionalFacts> {
  if (scope.siteIds.length === 0) return { contacts: [], referrals: [], hours: [], names: [] };
  const scoped = sql`select id, is_anonymous_to_professional, is_urgent from ${encounters} where ${encountersIn(scope)}`;
  const contacts = rowsOf<{ user_id: string; profession: Profession; joint: unknown; first_with: unknown; anonymous: unknown; urgent: unknown; n: number }>(
    await ex.execute(onlyUserId === null ? everyonesContacts(scoped) : ownContacts(scoped, onlyUserId)),
  );
  const referrals = rowsOf<{ user_id: string; n: number }>(
    await ex.execute(sql`
      with e as (${scoped})
      select r.referred_by::text as user_id, count(*)::int as n
        from e join referrals r on r.encounter_id = e.id
       where ${onlyUser(sql`r.referred_by`, onlyUserId)}
       group by r.referred_by`),
  );
  const hours = rowsOf<{ user_id: string; profession: Profession | null; hours: string }>(
    await ex.execute(sql`
      select sp.user_id::text as user_id, u.profession, sum(sp.hours)::text as hours
        from ${outreachSessions} join session_professionals sp on sp.session_id = ${outreachSessions.id}
        left join users u on u.id = sp.user_id
       where ${heldSessionsIn(scope)} and ${onlyUser(sql`sp.user_id`, onlyUserId)}
       group by sp.user_id, u.profession`),
  );
  const userIds = [...new Set([...contacts.map((c) => c.user_id), ...referrals.map((r) => r.user_id), ...hours.map((h) => h.user_id)])];
  const names = userIds.length === 0 ? [] : rowsOf<{ user_id: string; display_name: string }>(
    await ex.execute(sql`select id::text as user_id, display_name from users where id in (${sql.join(userIds.map((id) => sql`${id}::uuid`), sql`, `)})`),
  );
  return {
    contacts: contacts.map((c) => ({
      userId: c.user_id, profession: c.profession, joint: bool(c.joint) === true, firstWith: bool(c.first_with),
      anonymous: bool(c.anonymous), urgent: bool(c.urgent) === true, n: Number(c.n),
    })),
    referrals: referrals.map((r) => ({ userId: r.user_id, n: Number(r.n) })),
    hours: hours.map((h) => ({ userId: h.user_id, profession: h.profession, hours: Number(h.hours) })),
    names: names.map((n) => ({ userId: n.user_id, displayName: n.display_name })),
  };
}
