import { sql } from 'drizzle-orm';
import { helsinkiDayOf } from '../db/helsinki-time.js';
import { encounters, referrals } from '../db/schema-outreach.js';
import type { FactColumns } from './sql.js';

// How each person-level table answers the rules' facts in SQL (src/domain/policy/conditions.ts). A
// list compiles `conditionFor(actor, action, time)` through these, so it holds exactly the rows that
// `can` allows one by one; a fact a table does not map throws rather than grants.

const inList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

/** Encounters: the site, the recorder and the Helsinki day of recording, and the listed professionals. */
export const encounterColumns: FactColumns = {
  region: (c) => sql`${encounters.regionId} = ${c.regionId}`,
  site_in: (c) => sql`${encounters.siteId} in (${inList(c.siteIds)})`,
  created_by: (c) => sql`${encounters.createdBy} = ${c.userId}`,
  created_on: (c) => sql`${helsinkiDayOf(encounters.createdAt)} = ${c.day}`,
  listed_professional: (c) =>
    sql`exists (select 1 from encounter_professionals ep where ep.encounter_id = ${encounters.id} and ep.user_id = ${c.userId})`,
};

/** Referrals: their site and who recorded them. */
export const referralColumns: FactColumns = {
  region: (c) => sql`${referrals.regionId} = ${c.regionId}`,
  site_in: (c) => sql`${referrals.siteId} in (${inList(c.siteIds)})`,
  created_by: (c) => sql`${referrals.createdBy} = ${c.userId}`,
  created_on: (c) => sql`${helsinkiDayOf(referrals.createdAt)} = ${c.day}`,
};
