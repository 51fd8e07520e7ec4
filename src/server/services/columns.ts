import { sql } from 'drizzle-orm';
import { trayServices } from '../db/schema-services.js';
import type { FactColumns } from '../policy/sql.js';

/** How the services table answers the rules' facts (src/domain/policy/service-rules.ts) in SQL. */
export const trayServiceColumns: FactColumns = {
  region: (c) => sql`${trayServices.regionId} = ${c.regionId}`,
  owning_unit: (c) => sql`${trayServices.ownerUnitId} = ${c.unitId}`,
  responsible: (c) => sql`${trayServices.responsibleUserId} = ${c.userId}`,
};
