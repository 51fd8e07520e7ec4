import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { encounters } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { addDays, daysBetween, helsinkiDayOf, helsinkiDayStart } from '../db/helsinki-time.js';
import type { EncounterSummary } from './schemas.js';
import { loadSiteFor } from '../policy/site-access.js';
import type { Ctx } from '../http/context.js';

/**
 * Counts of a site's encounters over Helsinki days `from`–`to` (inclusive). Counts are not person-level
 * data, so this read is not audited and is open to day-centre staff and coordinators too.
 */
export async function summariseEncounters(deps: Deps, ctx: Ctx, siteId: string, from: string, to: string): Promise<EncounterSummary> {
  const site = await loadSiteFor(deps.db.orm, ctx.actor, siteId, 'encounter.aggregate');
  const contacts = sql<number>`(select count(*) from encounter_professionals p where p.encounter_id = ${encounters.id})`;
  const perEncounter = deps.db.orm
    .select({
      day: helsinkiDayOf(encounters.occurredAt).as('day'),
      contacts: contacts.as('contacts'),
      isAnonymous: sql<boolean>`${encounters.visitorCode} is null`.as('is_anonymous'),
      isUrgent: sql<boolean>`${encounters.isUrgent}`.as('is_urgent'),
    })
    .from(encounters)
    .where(and(eq(encounters.siteId, site.id), gte(encounters.occurredAt, helsinkiDayStart(from)), lt(encounters.occurredAt, helsinkiDayStart(addDays(to, 1)))))
    .as('per_encounter');
  const rows = await deps.db.orm
    .select({
      day: perEncounter.day,
      meetings: sql<number>`count(*)::int`,
      professionalContacts: sql<number>`coalesce(sum(${perEncounter.contacts}), 0)::int`,
      jointMeetings: sql<number>`(count(*) filter (where ${perEncounter.contacts} > 1))::int`,
      anonymous: sql<number>`(count(*) filter (where ${perEncounter.isAnonymous}))::int`,
      urgent: sql<number>`(count(*) filter (where ${perEncounter.isUrgent}))::int`,
    })
    .from(perEncounter)
    .groupBy(perEncounter.day)
    .orderBy(asc(perEncounter.day));
  const total = (key: 'meetings' | 'professionalContacts' | 'jointMeetings' | 'anonymous' | 'urgent') => rows.reduce((sum, r) => sum + Number(r[key]), 0);
  const meetingsOn = new Map(rows.map((r) => [r.day, Number(r.meetings)]));
  const days = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
  return {
    from,
    to,
    meetings: total('meetings'),
    professionalContacts: total('professionalContacts'),
    jointMeetings: total('jointMeetings'),
    anonymous: total('anonymous'),
    withCode: total('meetings') - total('anonymous'),
    urgent: total('urgent'),
    byDay: days.map((day) => ({ day, meetings: meetingsOn.get(day) ?? 0 })),
  };
}
