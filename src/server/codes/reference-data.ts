import { defaultCodes } from '../../domain/code-lists.js';
import { defaultServices } from '../../domain/outreach-views.js';
import type { Executor } from '../db/connect.js';
import { codes, services } from '../db/schema-outreach.js';
import type { Ids } from '../deps.js';

/**
 * Adds the default code lists that are missing. Existing rows are left alone, so an administrator's
 * retirement or relabelling of a default code survives every restart.
 */
export async function ensureDefaultCodes(ex: Executor, now: Date): Promise<void> {
  await ex
    .insert(codes)
    .values(defaultCodes.map((c, i) => ({ kind: c.kind, register: c.register, code: c.code, labelFi: c.labels.fi, labelSv: c.labels.sv, labelEn: c.labels.en, sortOrder: i * 10, isActive: true, createdAt: now })))
    .onConflictDoNothing();
}

/** Every new region starts with the service directory of domain.md § 4.4; administrators edit it from there. */
export async function seedDefaultServices(ex: Executor, ids: Ids, regionId: string, now: Date): Promise<void> {
  await ex
    .insert(services)
    .values(defaultServices.map((s, i) => ({ id: ids.newId(), regionId, code: s.code, nameFi: s.names.fi, nameSv: s.names.sv, nameEn: s.names.en, sortOrder: i * 10, isActive: true, createdAt: now, updatedAt: now })))
    .onConflictDoNothing();
}
