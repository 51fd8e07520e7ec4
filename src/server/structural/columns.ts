import { sql } from 'drizzle-orm';
import { structuralObservations } from '../db/schema-structural.js';
import type { FactColumns } from '../policy/sql.js';

const inList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

/** Observations answer the rules' facts by their region, their site, their author and their municipality's managers. */
export const observationColumns: FactColumns = {
  region: (c) => sql`${structuralObservations.regionId} = ${c.regionId}`,
  site_in: (c) => sql`${structuralObservations.siteId} in (${inList(c.siteIds)})`,
  created_by: (c) => sql`${structuralObservations.createdBy} = ${c.userId}`,
  municipality_manager: (c) =>
    sql`exists (select 1 from manager_municipalities mm where mm.municipality_code = ${structuralObservations.municipalityCode} and mm.user_id = ${c.userId})`,
};
