import type { MunicipalityView } from '../../domain/municipalities.js';
import type { municipalities } from '../db/schema.js';

export function presentMunicipality(row: typeof municipalities.$inferSelect): MunicipalityView {
  return { code: row.code, regionId: row.regionId, names: { fi: row.nameFi, sv: row.nameSv, en: row.nameEn }, isActive: row.isActive };
}
