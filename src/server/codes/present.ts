import type { CodeView, ServiceView } from '../../domain/outreach-views.js';
import type { codes, services } from '../db/schema-outreach.js';

export function presentCode(row: typeof codes.$inferSelect): CodeView {
  return { kind: row.kind, register: row.register, code: row.code, labels: { fi: row.labelFi, sv: row.labelSv, en: row.labelEn }, sortOrder: row.sortOrder, isActive: row.isActive };
}

export function presentService(row: typeof services.$inferSelect): ServiceView {
  return { id: row.id, regionId: row.regionId, code: row.code, names: { fi: row.nameFi, sv: row.nameSv, en: row.nameEn }, sortOrder: row.sortOrder, isActive: row.isActive };
}
