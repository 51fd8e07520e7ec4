import { trayCategories, trayCategoryNames, type TrayCategory } from '../../domain/services/categories.js';
import type { LocalizedText, ServiceContent, ServiceLocation } from '../../domain/services/description.js';
import type { Locale } from '../../domain/org.js';
import { derivedUuid } from './present.js';
import type { OrganizationRow, PublishedService } from './repo.js';

/**
 * Open Referral HSDS 3.0 objects from the tray's published services (never drafts). The texts are in
 * the language asked for, falling back to the Finnish original. Ids: services and organisations keep
 * their own; a location's and a service-at-location's are derived from the service and the location's
 * id in its description, so they stay the same from version to version.
 */
type Json = { id: string; [field: string]: unknown };

export const TRAY_TAXONOMY_ID = derivedUuid('taxonomy:social-rehabilitation-tray');
export const termId = (category: TrayCategory) => derivedUuid(`taxonomy-term:${category}`);
export const hsdsLocationId = (serviceId: string, locationId: string) => derivedUuid(`location:${serviceId}:${locationId}`);
export const hsdsServiceAtLocationId = (serviceId: string, locationId: string) => derivedUuid(`service-at-location:${serviceId}:${locationId}`);

const pick = (text: LocalizedText, lang: Locale) => (text[lang].trim() !== '' ? text[lang] : text.fi);
const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);
const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const taxonomyDescription: Record<Locale, string> = {
  fi: 'Sosiaalisen kuntoutuksen toimenpiteet, sosiaalihuoltolaki (1301/2014) 17 §',
  sv: 'Åtgärder inom social rehabilitering, socialvårdslagen (1301/2014) 17 §',
  en: 'Measures of social rehabilitation, Social Welfare Act (1301/2014) section 17',
};
const taxonomyName: Record<Locale, string> = { fi: 'Palvelutarjotin', sv: 'Servicebricka', en: 'Service tray' };

export function hsdsTaxonomy(lang: Locale): Json {
  return { id: TRAY_TAXONOMY_ID, name: taxonomyName[lang], description: taxonomyDescription[lang], version: '1' };
}

export function hsdsTaxonomyTerm(category: TrayCategory, lang: Locale): Json {
  return {
    id: termId(category),
    code: category,
    name: trayCategoryNames[category][lang],
    description: trayCategoryNames[category][lang],
    parent_id: null,
    taxonomy: taxonomyName[lang],
    taxonomy_id: TRAY_TAXONOMY_ID,
    language: lang,
  };
}

export const allTaxonomyTerms = (lang: Locale) => trayCategories.map((c) => hsdsTaxonomyTerm(c, lang));

export function hsdsOrganization(row: OrganizationRow, lang: Locale): Json {
  const name = pick({ fi: row.nameFi, sv: row.nameSv, en: row.nameEn }, lang);
  return {
    id: row.id,
    name,
    description: '',
    ...(row.email ? { email: row.email } : {}),
    ...(row.website ? { website: row.website } : {}),
    ...(row.businessId
      ? { organization_identifiers: [{ id: derivedUuid(`org-identifier:${row.id}`), organization_id: row.id, identifier_scheme: 'FI-YTJ', identifier_type: 'Y-tunnus', identifier: row.businessId }] }
      : {}),
  };
}

function schedulesOf(service: PublishedService, location: ServiceLocation, lang: Locale): Json[] {
  const salId = hsdsServiceAtLocationId(service.row.id, location.id);
  const hours = location.openingHours;
  const weekly = hours.weekly.map((w, i) => ({
    id: derivedUuid(`schedule:${salId}:weekly:${i}`),
    service_at_location_id: salId,
    freq: 'WEEKLY',
    wkst: 'MO',
    interval: 1,
    byday: weekdayCodes[w.weekday - 1],
    opens_at: w.opens,
    closes_at: w.closes,
    ...(hours.closedOnPublicHolidays ? { notes: lang === 'fi' ? 'Suljettu arkipyhinä.' : lang === 'sv' ? 'Stängt på helgdagar.' : 'Closed on public holidays.' } : {}),
  }));
  // An exception is a schedule valid for its one day: open at other times, or closed (no opening times).
  const exceptions = hours.exceptions.map((e) => ({
    id: derivedUuid(`schedule:${salId}:exception:${e.day}`),
    service_at_location_id: salId,
    valid_from: e.day,
    valid_to: e.day,
    ...(e.closed ? { description: pick(e.note, lang) || (lang === 'fi' ? 'Suljettu' : lang === 'sv' ? 'Stängt' : 'Closed') } : { opens_at: e.opens, closes_at: e.closes, description: pick(e.note, lang) }),
  }));
  return [...weekly, ...exceptions];
}

export function hsdsLocation(service: PublishedService, location: ServiceLocation, lang: Locale, organizationId: string | null): Json {
  const id = hsdsLocationId(service.row.id, location.id);
  const hasAddress = location.street !== '' && location.city !== '' && location.postalCode !== '';
  return {
    id,
    location_type: 'physical',
    name: pick(location.name, lang),
    ...(organizationId ? { organization_id: organizationId } : {}),
    ...(location.latitude !== null && location.longitude !== null ? { latitude: location.latitude, longitude: location.longitude } : {}),
    addresses: hasAddress
      ? [{ id: derivedUuid(`address:${id}`), location_id: id, address_1: location.street, city: location.city, state_province: '', postal_code: location.postalCode, country: 'FI', address_type: 'physical' }]
      : [],
  };
}

export function hsdsServiceAtLocation(service: PublishedService, location: ServiceLocation, lang: Locale, withLocation: boolean): Json {
  return {
    id: hsdsServiceAtLocationId(service.row.id, location.id),
    service_id: service.row.id,
    location_id: hsdsLocationId(service.row.id, location.id),
    schedules: schedulesOf(service, location, lang),
    ...(withLocation ? { location: hsdsLocation(service, location, lang, service.content.organiserId) } : {}),
  };
}

/** The description's fields 3, 5–9 that HSDS has no field for, in one text under the description. */
function description(content: ServiceContent, lang: Locale): string {
  return [content.description, content.workForms, content.principles, content.goal]
    .map((t) => pick(t, lang))
    .filter((t) => t !== '')
    .join('\n\n');
}

export type HsdsServiceExtras = { organizations: Map<string, OrganizationRow>; municipalities: Map<string, LocalizedText>; checkedBy: string | null };

export function hsdsService(service: PublishedService, lang: Locale, extras: HsdsServiceExtras): Json {
  const { row, content } = service;
  const phones = content.contacts.filter((c) => c.kind === 'phone');
  const email = content.contacts.find((c) => c.kind === 'email' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.value));
  const web = content.contacts.find((c) => c.kind === 'web' && /^https?:\/\//.test(c.value));
  const organization = content.organiserId ? extras.organizations.get(content.organiserId) : undefined;
  const areas = content.access.allMunicipalities
    ? [{ id: derivedUuid(`service-area:${row.id}:all`), service_id: row.id, name: lang === 'fi' ? 'Koko alue' : lang === 'sv' ? 'Hela området' : 'The whole region', extent_type: 'text' }]
    : content.access.municipalityCodes.map((code) => ({
        id: derivedUuid(`service-area:${row.id}:${code}`),
        service_id: row.id,
        name: extras.municipalities.get(code)?.[lang] ?? code,
        extent_type: 'text',
        extent: code,
        uri: `http://uri.suomi.fi/codelist/jhs/kunta_1_20240101/code/${code}`,
      }));
  return {
    id: row.id,
    ...(organization ? { organization_id: organization.id, organization: hsdsOrganization(organization, lang) } : {}),
    name: pick(content.names, lang),
    description: description(content, lang),
    ...(web ? { url: web.value } : {}),
    ...(email ? { email: email.value } : {}),
    status: 'active',
    application_process: pick(content.access.howToGetIn, lang),
    eligibility_description: pick(content.targetGroup, lang),
    ...(row.checkedOn ? { assured_date: row.checkedOn } : {}),
    phones: phones.map((p, i) => ({ id: derivedUuid(`phone:${row.id}:${i}`), service_id: row.id, number: p.value, type: 'voice', description: pick(p.label, lang) })),
    service_areas: areas,
    service_at_locations: content.locations.map((l) => hsdsServiceAtLocation(service, l, lang, true)),
    attributes: content.categories.map((c) => ({
      id: derivedUuid(`attribute:${row.id}:${c}`),
      link_id: row.id,
      link_type: 'category',
      link_entity: 'service',
      taxonomy_term_id: termId(c),
      taxonomy_term: hsdsTaxonomyTerm(c, lang),
    })),
    metadata: [{
      id: derivedUuid(`metadata:${row.id}:${row.publicModifiedAt?.toISOString() ?? ''}`),
      resource_id: row.id,
      resource_type: 'service',
      last_action_date: dayOf(row.publicModifiedAt ?? service.publishedAt),
      last_action_type: 'published',
      field_name: '',
      previous_value: '',
      replacement_value: '',
      updated_by: extras.checkedBy ?? '',
    }],
  };
}

/** The HSDS API's page envelope (the OpenAPI 'Page' of HSDS 3.0). */
export function hsdsPage<T>(contents: T[], total: number, page: number, size: number) {
  const totalPages = Math.max(1, Math.ceil(total / size));
  return { total_items: total, total_pages: totalPages, page_number: page, size, first_page: page === 1, last_page: page >= totalPages, empty: contents.length === 0, contents };
}
