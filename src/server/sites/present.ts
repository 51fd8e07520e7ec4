import type { RegionView, SiteView, UnitView } from '../../domain/api-types.js';
import type { regions, sites, units } from '../db/schema.js';

export function presentSite(row: typeof sites.$inferSelect): SiteView {
  return {
    id: row.id,
    regionId: row.regionId,
    name: row.name,
    kind: row.kind,
    address: row.address,
    openingHours: row.openingHours,
    rooms: row.rooms,
    isActive: row.isActive,
    slug: row.slug,
    nameTranslations: row.nameTranslations,
    roomTranslations: row.roomTranslations,
  };
}

export function presentUnit(row: typeof units.$inferSelect): UnitView {
  return { id: row.id, regionId: row.regionId, name: row.name, kind: row.kind };
}

export function presentRegion(row: typeof regions.$inferSelect): RegionView {
  return { id: row.id, name: row.name };
}
