// Does the report (on rollups) say what the base tables say? The bench's own SQL counts a scope's
// figures straight from the base tables, independently of src/server/reports, and compares them with
// the report's exact view. Cheap enough for a few small scopes and one big one.
import { ageBands } from '../../src/domain/code-lists.js';
import { professions } from '../../src/domain/org.js';
import { referralStatuses } from '../../src/domain/outreach.js';
import type { Report } from '../../src/domain/report.js';
import type { RawSession } from '../../src/server/db/connect.js';
import type { Deps } from '../../src/server/deps.js';
import type { Actor } from '../../src/server/policy/policy.js';
import { runReport, type ReportCase } from './latency.js';

export type Mismatch = { figure: string; report: number | null; baseTables: number };
export type ConsistencyResult = { scope: string; figures: number; mismatches: Mismatch[] };

type Figures = Map<string, number>;

/** Figures of the report's exact view, named like the base-table ones below. */
function reportFigures(report: Report): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const section of report.sections) {
    for (const table of section.tables) {
      for (const row of table.rows) {
        table.columns.forEach((column, i) => out.set(`${table.key}/${row.key}/${column.key}`, row.cells[i]?.value ?? null));
      }
      table.totals?.forEach((cell, i) => out.set(`${table.key}/total/${table.columns[i]?.key}`, cell.value));
    }
  }
  return out;
}

const dayStart = (param: string) => `(${param}::date::timestamp at time zone 'Europe/Helsinki')`;

/** The scope's encounters: sites as a comma list ($1), Helsinki days $2…$3. */
const ENCOUNTERS = `select e.* from encounters e
  where e.site_id = any(string_to_array($1, ',')::uuid[]) and e.occurred_at >= ${dayStart('$2')} and e.occurred_at < ${dayStart('($3::date + 1)')}`;

async function baseFigures(session: RawSession, siteIds: string[], from: string, to: string, today: string): Promise<Figures> {
  const params = [siteIds.join(','), from, to];
  const figures: Figures = new Map();
  const put = (key: string, value: unknown) => figures.set(key, Number(value ?? 0));
  const [totals] = await session.query<Record<string, string>>(
    `with e as (${ENCOUNTERS}), pe as (select e.*, (select count(*) from encounter_professionals p where p.encounter_id = e.id) as contacts from e)
     select count(*) as meetings, coalesce(sum(contacts), 0) as contacts, count(*) filter (where contacts > 1) as joint,
       count(*) filter (where visitor_code is null) as anonymous, count(*) filter (where is_urgent) as urgent,
       count(*) filter (where visitor_code is not null and is_first_visit) as first, count(*) filter (where visitor_code is not null and is_first_visit = false) as repeat from pe`,
    params,
  );
  put('overview.figures/all/meetings', totals?.meetings);
  put('overview.figures/all/professionalContacts', totals?.contacts);
  put('professionals.jointOrSingle/joint/meetings', totals?.joint);
  put('visits.anonymousOrCoded/anonymous/count', totals?.anonymous);
  put('visits.urgency/urgent/count', totals?.urgent);
  put('visits.firstOrRepeat/first/count', totals?.first);
  put('visits.firstOrRepeat/repeat/count', totals?.repeat);
  const lastHeld = to < today ? to : today;
  const [held] = await session.query<{ sessions: string; hours: string }>(
    `select count(distinct s.id) as sessions, coalesce(sum(p.hours), 0) as hours from outreach_sessions s left join session_professionals p on p.session_id = s.id
      where s.site_id = any(string_to_array($1, ',')::uuid[]) and s.day between $2::date and $3::date and not s.is_cancelled`,
    [siteIds.join(','), from, lastHeld],
  );
  put('overview.figures/all/sessionsHeld', held?.sessions);
  put('overview.figures/all/professionalHours', held?.hours);
  const heldParams = [siteIds.join(','), from, lastHeld];
  const heldSessions = `select s.* from outreach_sessions s
    where s.site_id = any(string_to_array($1, ',')::uuid[]) and s.day between $2::date and $3::date and not s.is_cancelled`;
  const [reception] = await session.query<{ hours: string | null }>(
    `select sum(extract(epoch from s.ends_at - s.starts_at)) / 3600 as hours from (${heldSessions}) s`, heldParams);
  put('overview.figures/all/receptionHours', reception?.hours);
  // Per profession (migration 0020's rollup keys): hours by the professional's profession today.
  const hoursByProfession = await session.query<{ profession: string; hours: string }>(
    `select u.profession, sum(p.hours) as hours from (${heldSessions}) s join session_professionals p on p.session_id = s.id join users u on u.id = p.user_id
      where u.profession is not null group by 1`, heldParams);
  for (const p of professions) put(`professionals.hoursByProfession/${p}/hours`, hoursByProfession.find((r) => r.profession === p)?.hours);
  for (const row of await session.query<{ age_band: string; n: string }>(`select age_band, count(*) as n from (${ENCOUNTERS}) e group by 1`, params)) put(`ageBands.counts/${row.age_band}/count`, row.n);
  for (const band of ageBands) if (!figures.has(`ageBands.counts/${band}/count`)) put(`ageBands.counts/${band}/count`, 0);
  const byProfession = await session.query<{ profession: string; meetings: string; contacts: string }>(
    `select p.profession, count(distinct p.encounter_id) as meetings, count(*) as contacts from (${ENCOUNTERS}) e join encounter_professionals p on p.encounter_id = e.id group by 1`,
    params,
  );
  for (const p of professions) {
    const row = byProfession.find((r) => r.profession === p);
    put(`professionals.byProfession/${p}/meetings`, row?.meetings);
    put(`professionals.byProfession/${p}/contacts`, row?.contacts);
  }
  const contactAnswers = await session.query<{ profession: string; urgent: string; first_with: string; repeat_with: string; not_recorded: string }>(
    `select p.profession, count(*) filter (where e.is_urgent) as urgent, count(*) filter (where p.is_first_with_professional) as first_with,
            count(*) filter (where p.is_first_with_professional = false) as repeat_with, count(*) filter (where p.is_first_with_professional is null) as not_recorded
       from (${ENCOUNTERS}) e join encounter_professionals p on p.encounter_id = e.id group by 1`,
    params,
  );
  for (const p of professions) {
    const row = contactAnswers.find((r) => r.profession === p);
    put(`visits.urgencyByProfession/${p}/urgent`, row?.urgent);
    put(`visits.firstWithProfessional/${p}/first`, row?.first_with);
    put(`visits.firstWithProfessional/${p}/repeat`, row?.repeat_with);
    put(`visits.firstWithProfessional/${p}/notRecorded`, row?.not_recorded);
  }
  const [joint] = await session.query<{ with_referral: string; without_referral: string }>(
    `select count(*) filter (where exists (select 1 from referrals r where r.encounter_id = e.id)) as with_referral,
            count(*) filter (where not exists (select 1 from referrals r where r.encounter_id = e.id)) as without_referral
       from (${ENCOUNTERS}) e where (select count(*) from encounter_professionals p where p.encounter_id = e.id) > 1`,
    params,
  );
  put('professionals.jointMeetings/total/withReferral', joint?.with_referral);
  put('professionals.jointMeetings/total/withoutReferral', joint?.without_referral);
  // A referral counts for the referrer's profession in that encounter, else their profession today.
  const referrers = await session.query<{ profession: string | null; n: string }>(
    `select coalesce(p.profession, u.profession) as profession, count(*) as n from (${ENCOUNTERS}) e join referrals r on r.encounter_id = e.id
       left join encounter_professionals p on p.encounter_id = e.id and p.user_id = r.referred_by left join users u on u.id = r.referred_by group by 1`,
    params,
  );
  for (const p of professions) put(`referrals.byProfession/${p}/referrals`, referrers.find((r) => r.profession === p)?.n);
  const statuses = await session.query<{ status: string; n: string }>(`select r.status, count(*) as n from (${ENCOUNTERS}) e join referrals r on r.encounter_id = e.id group by 1`, params);
  for (const status of referralStatuses) put(`referrals.byServiceAndStatus/total/${status}`, statuses.find((s) => s.status === status)?.n);
  const codes = await session.query<{ kind: string; register: string; code: string; n: string }>(
    `select c.kind, c.register, c.code, count(*) as n from (${ENCOUNTERS}) e join encounter_codes c on c.encounter_id = e.id group by 1, 2, 3`,
    params,
  );
  for (const c of codes) put(`needsSupport.${c.kind === 'need' ? 'needs' : 'support'}.${c.register}/${c.code}/encounters`, c.n);
  const hours = await session.query<{ dow: string; n: string }>(
    `select extract(isodow from e.occurred_at at time zone 'Europe/Helsinki')::int as dow, count(*) as n from (${ENCOUNTERS}) e group by 1`,
    params,
  );
  // The heatmap's row totals: encounters per Helsinki weekday.
  for (let dow = 1; dow <= 7; dow += 1) put(`timing.heatmap/${dow}/total`, hours.find((h) => Number(h.dow) === dow)?.n);
  return figures;
}

/** Compares every base-table figure with the report's exact view of the same scope. */
export async function checkConsistency(deps: Deps, actor: Actor, c: ReportCase, today: string): Promise<ConsistencyResult> {
  const report = await runReport(deps, actor, c, true);
  const siteIds = c.siteIds ?? report.query.siteIds;
  const base = await deps.db.withRawSession((session) => baseFigures(session, siteIds, c.from, c.to, today));
  const shown = reportFigures(report);
  const mismatches: Mismatch[] = [];
  for (const [figure, expected] of base) {
    const value = shown.get(figure) ?? null;
    // The report leaves out codes of a list nobody used and that are retired; a zero is then no mismatch.
    if (value === null && expected === 0) continue;
    if (value === null || Math.abs(value - expected) > 1e-6) mismatches.push({ figure, report: value, baseTables: expected });
  }
  return { scope: c.label, figures: base.size, mismatches };
}
