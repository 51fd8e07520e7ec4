import { eq } from 'drizzle-orm';
import { serviceContentSchema, type ServiceContent, type ServiceContentInput } from '../../domain/services/description.js';
import type { TrayStatus } from '../../domain/services/editorial.js';
import { units, users } from '../db/schema.js';
import { serviceOrganizations, serviceVersions, trayServices } from '../db/schema-services.js';
import type { Deps } from '../deps.js';

/** Test and demo helpers: tray services and organisations stored directly, without a request. */

export async function insertOrganization(deps: Deps, regionId: string, name = 'Esimerkkikunta'): Promise<string> {
  const id = deps.ids.newId();
  const now = deps.clock.now();
  await deps.db.orm.insert(serviceOrganizations).values({ id, regionId, nameFi: name, nameSv: '', nameEn: '', businessId: null, website: '', email: '', ptvId: null, createdAt: now, updatedAt: now });
  return id;
}

/** The user's unit, given one (a new unit of the region) if they have none: tray services are edited by their owning unit. */
export async function unitOfUser(deps: Deps, userId: string): Promise<string> {
  const [user] = await deps.db.orm.select({ unitId: users.unitId, regionId: users.regionId }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error('no such user');
  if (user.unitId) return user.unitId;
  const id = deps.ids.newId();
  await deps.db.orm.insert(units).values({ id, regionId: user.regionId, name: `Yksikkö ${id.slice(-8)}`, kind: 'adult_social_work', createdAt: deps.clock.now() });
  await deps.db.orm.update(users).set({ unitId: id }).where(eq(users.id, userId));
  return id;
}

/** A description with all nine fields (field 9 "no data yet"), organised by `organiserId`. */
export function completeContent(organiserId: string, overrides: Partial<ServiceContentInput> = {}): ServiceContentInput {
  return {
    names: { fi: 'Matalan kynnyksen olohuone', sv: 'Lågtröskelvardagsrum', en: 'Low-threshold living room' },
    contacts: [{ kind: 'phone', value: '040 123 4567', label: { fi: 'Neuvonta', sv: '', en: '' } }],
    categories: ['group_activity'],
    organiserId,
    description: { fi: 'Avoin kohtaamispaikka aikuisille.', sv: 'En öppen mötesplats för vuxna.', en: 'An open meeting place for adults.' },
    access: { howToGetIn: { fi: 'Tule paikalle aukioloaikana.', sv: '', en: '' }, selfReferral: true, allMunicipalities: true, municipalityCodes: [] },
    targetGroup: { fi: 'Työikäiset aikuiset', sv: 'Vuxna i arbetsför ålder', en: 'Working-age adults' },
    workForms: { fi: 'Ryhmät ja yksilöohjaus', sv: '', en: '' },
    principles: { fi: 'Kohtaaminen ja vapaaehtoisuus', sv: '', en: '' },
    goal: { fi: 'Osallisuus ja arjen rytmi', sv: '', en: '' },
    resultsNoDataYet: true,
    locations: [{
      name: { fi: 'Olohuone', sv: '', en: '' },
      street: 'Kauppakatu 1',
      postalCode: '92100',
      city: 'Raahe',
      openingHours: { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '15:00' })), exceptions: [], closedOnPublicHolidays: true },
    }],
    ...overrides,
  };
}

export type InsertedService = { id: string; organiserId: string; content: ServiceContent };

/**
 * A tray service in `status`, with one version (published when the status is 'published'), owned by
 * `ownerUnitId` with `responsibleUserId` responsible. Location ids are fixed here as the server would.
 */
export async function insertTrayService(
  deps: Deps,
  input: { regionId: string; ownerUnitId?: string | null; responsibleUserId?: string | null; status?: TrayStatus; content?: ServiceContentInput; reviewDueOn?: string | null; checkedOn?: string | null },
): Promise<InsertedService> {
  const id = deps.ids.newId();
  const now = deps.clock.now();
  const organiserId = await insertOrganization(deps, input.regionId);
  const parsed = serviceContentSchema.parse(input.content ?? completeContent(organiserId));
  const content = { ...parsed, locations: parsed.locations.map((l) => ({ ...l, id: l.id ?? deps.ids.newId() })) } as ServiceContent;
  const status = input.status ?? 'draft';
  const published = status === 'published' || status === 'archived';
  await deps.db.orm.insert(trayServices).values({
    id, regionId: input.regionId, code: `tray_${id.replace(/-/g, '')}`, nameFi: content.names.fi || '—', nameSv: content.names.sv, nameEn: content.names.en, sortOrder: 1000,
    isActive: status === 'published', createdAt: now, updatedAt: now, ownerUnitId: input.ownerUnitId ?? null, responsibleUserId: input.responsibleUserId ?? null,
    trayStatus: status, currentVersion: 1, publishedVersion: published ? 1 : null, publishedAt: published ? now : null,
    reviewDueOn: input.reviewDueOn ?? null, checkedOn: input.checkedOn ?? null, checkedByUnitId: published ? (input.ownerUnitId ?? null) : null, publicModifiedAt: published ? now : null,
  });
  await deps.db.orm.insert(serviceVersions).values({ serviceId: id, version: 1, content, savedBy: input.responsibleUserId ?? '00000000-0000-0000-0000-000000000000', savedAt: now, publishedAt: published ? now : null });
  return { id, organiserId, content };
}
