import { eq, sql } from 'drizzle-orm';
import { ageBands } from '../../domain/code-lists.js';
import { professions } from '../../domain/org.js';
import type { ReportSection } from '../../domain/report.js';
import { encounterProfessionals, encounters, outreachSessions, sessionProfessionals } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { encountersIn, heldSessionsIn, type ReportScope } from './scope.js';
import { column, ratio, row, shareTable, table } from './tables.js';

export type EncounterTotals = {
  meetings: number;
  contacts: number;
  joint: number;
  anonymous: number;
  urgent: number;
  first: number;
  repeat: number;
};

const int = (expression: ReturnType<typeof sql>) => sql<number>`(${expression})::int`;

/** One pass over the scope's encounters: meetings, contacts (a joint meeting once per professional), and the visit kinds. */
async function encounterTotals(deps: Deps, scope: ReportScope): Promise<EncounterTotals> {
  const perEncounter = deps.db.orm
    .select({
      contacts: sql<number>`(select count(*) from encounter_professionals p where p.encounter_id = ${encounters.id})`.as('contacts'),
      isAnonymous: sql<boolean>`${encounters.visitorCode} is null`.as('is_anonymous'),
      isUrgent: sql<boolean>`${encounters.isUrgent}`.as('is_urgent'),
      isFirst: sql<boolean | null>`${encounters.isFirstVisit}`.as('is_first'),
    })
    .from(encounters)
    .where(encountersIn(scope))
    .as('per_encounter');
  const [totals] = await deps.db.orm
    .select({
      meetings: int(sql`count(*)`),
      contacts: int(sql`coalesce(sum(${perEncounter.contacts}), 0)`),
      joint: int(sql`count(*) filter (where ${perEncounter.contacts} > 1)`),
      anonymous: int(sql`count(*) filter (where ${perEncounter.isAnonymous})`),
      urgent: int(sql`count(*) filter (where ${perEncounter.isUrgent})`),
      first: int(sql`count(*) filter (where ${perEncounter.isFirst} = true)`),
      repeat: int(sql`count(*) filter (where ${perEncounter.isFirst} = false)`),
    })
    .from(perEncounter);
  const n = (v: number | undefined) => Number(v ?? 0);
  return { meetings: n(totals?.meetings), contacts: n(totals?.contacts), joint: n(totals?.joint), anonymous: n(totals?.anonymous), urgent: n(totals?.urgent), first: n(totals?.first), repeat: n(totals?.repeat) };
}

/** Sessions held and their professionals' hours. */
async function sessionTotals(deps: Deps, scope: ReportScope): Promise<{ sessions: number; hours: number }> {
  const [row] = await deps.db.orm
    .select({ sessions: int(sql`count(distinct ${outreachSessions.id})`), hours: sql<string>`coalesce(sum(${sessionProfessionals.hours}), 0)::text` })
    .from(outreachSessions)
    .leftJoin(sessionProfessionals, eq(sessionProfessionals.sessionId, outreachSessions.id))
    .where(heldSessionsIn(scope));
  return { sessions: Number(row?.sessions ?? 0), hours: Number(row?.hours ?? 0) };
}

async function byProfession(deps: Deps, scope: ReportScope) {
  const rows = await deps.db.orm
    .select({ profession: encounterProfessionals.profession, meetings: int(sql`count(distinct ${encounterProfessionals.encounterId})`), contacts: int(sql`count(*)`) })
    .from(encounterProfessionals)
    .innerJoin(encounters, eq(encounters.id, encounterProfessionals.encounterId))
    .where(encountersIn(scope))
    .groupBy(encounterProfessionals.profession);
  return new Map(rows.map((r) => [r.profession, { meetings: Number(r.meetings), contacts: Number(r.contacts) }]));
}

async function byAgeBand(deps: Deps, scope: ReportScope): Promise<Map<string, number>> {
  const rows = await deps.db.orm
    .select({ band: encounters.ageBand, count: int(sql`count(*)`) })
    .from(encounters)
    .where(encountersIn(scope))
    .groupBy(encounters.ageBand);
  return new Map(rows.map((r) => [r.band, Number(r.count)]));
}

/** Overview, professionals, visits and age bands: four aggregate queries over encounters and sessions. */
export async function encounterSections(deps: Deps, scope: ReportScope): Promise<{ sections: ReportSection[]; totals: EncounterTotals }> {
  const [totals, held, professionsSeen, ages] = await Promise.all([encounterTotals(deps, scope), sessionTotals(deps, scope), byProfession(deps, scope), byAgeBand(deps, scope)]);
  const overview = table(
    'overview.figures',
    [column('sessionsHeld', 'measure'), column('professionalHours', 'measure'), column('meetings', 'count'), column('professionalContacts', 'count'), column('contactsPerProfessionalHour', 'mean')],
    [row('all', [held.sessions, held.hours, totals.meetings, totals.contacts, ratio(totals.contacts, held.hours)])],
  );
  const professionTable = table(
    'professionals.byProfession',
    [column('meetings', 'count'), column('contacts', 'count')],
    professions.map((p) => row(p, [professionsSeen.get(p)?.meetings ?? 0, professionsSeen.get(p)?.contacts ?? 0])),
  );
  const jointOrSingle = table('professionals.jointOrSingle', [column('meetings', 'count')], [row('single', [totals.meetings - totals.joint]), row('joint', [totals.joint])], { totals: [totals.meetings] });
  const unknown = totals.meetings - totals.first - totals.repeat;
  return {
    totals,
    sections: [
      { key: 'overview', tables: [overview], texts: [] },
      { key: 'professionals', tables: [professionTable, jointOrSingle], texts: [] },
      {
        key: 'visits',
        tables: [
          shareTable('visits.firstOrRepeat', [{ key: 'first', count: totals.first }, { key: 'repeat', count: totals.repeat }, { key: 'unknown', count: unknown }]),
          shareTable('visits.anonymousOrCoded', [{ key: 'anonymous', count: totals.anonymous }, { key: 'coded', count: totals.meetings - totals.anonymous }], 'share'),
          shareTable('visits.urgency', [{ key: 'urgent', count: totals.urgent }, { key: 'not_urgent', count: totals.meetings - totals.urgent }]),
        ],
        texts: [],
      },
      { key: 'ageBands', tables: [shareTable('ageBands.counts', ageBands.map((band) => ({ key: band, count: ages.get(band) ?? 0 })))], texts: [] },
    ],
  };
}
