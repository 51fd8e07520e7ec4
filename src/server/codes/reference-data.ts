import { defaultCodes } from '../../domain/code-lists.js';
import { defaultServices } from '../../domain/outreach-views.js';
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db/connect.js';
import { codes, services } from '../db/schema-outreach.js';
import type { Ids } from '../deps.js';

/**
 * Adds the default code lists that are missing. Existing rows are left alone, so an administrator's
 * retirement or relabelling of a default code survives every restart.
 */
export async function ensureDefaultCodes(ex: Executor, now: Date): Promise<void> {
  if (await hasEveryDefaultCode(ex)) return;
  await ex
    .insert(codes)
    .values(defaultCodes.map((c, i) => ({ kind: c.kind, register: c.register, code: c.code, labelFi: c.labels.fi, labelSv: c.labels.sv, labelEn: c.labels.en, sortOrder: i * 10, isActive: true, createdAt: now })))
    .onConflictDoNothing();
}

/**
 * Whether every default code is already there (retired or relabelled counts: the row exists). One small
 * query instead of the insert, whose building alone took about a tenth of an embedded start.
 */
export async function hasEveryDefaultCode(ex: Executor): Promise<boolean> {
  const keys = [...new Set(defaultCodes.map((c) => JSON.stringify([c.kind, c.register, c.code])))].map((key) => JSON.parse(key) as string[]);
  const [row] = rowsOf<{ present: number }>(
    await ex.execute(sql`select count(*)::int as present from codes c
      join jsonb_array_elements(${JSON.stringify(keys)}::jsonb) d(k)
        on c.kind = d.k->>0 and c.register = d.k->>1 and c.code = d.k->>2`),
  );
  return row?.present === keys.length;
}

/** Every new region starts with the service directory of domain.md § 4.4; administrators edit it from there. */
export async function seedDefaultServices(ex: Executor, ids: Ids, regionId: string, now: Date): Promise<void> {
  await ex
    .insert(services)
    .values(defaultServices.map((s, i) => ({ id: ids.newId(), regionId, code: s.code, nameFi: s.names.fi, nameSv: s.names.sv, nameEn: s.names.en, sortOrder: i * 10, isActive: true, createdAt: now, updatedAt: now })))
    .onConflictDoNothing();
}
