import { sql } from 'drizzle-orm';
import { structuralObservations } from '../db/schema-structural.js';
import type { FactColumns } from '../policy/sql.js';

const inList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

/** Observations answer the rules' facts by their region, their site and their author. */
export const observationColumns: FactColumns = {
  region: (c) => sql`${structuralObservations.regionId} = ${c.regionId}`,
  site_in: (c) => sql`${structuralObservations.siteId} in (${inList(c.siteIds)})`,
  created_by: (c) => sql`${structuralObservations.createdBy} = ${c.userId}`,
};
