import { z } from 'zod';
import type { LocalizedText, ServiceContent } from '../../domain/services/description.js';

/**
 * The part of Suomi.fi's service catalogue (PTV) Open API v11 service model the tray reads
 * (V11VmOpenApiService, and a page of them as V11VmOpenApiServicesWithPaging). Field names and values
 * are PTV's; everything else PTV sends is let through and ignored.
 */
const languageItem = z.looseObject({ language: z.string().max(10), value: z.string().max(10000) });
const typedItem = languageItem.extend({ type: z.string().max(60) });
const ptvItem = z.looseObject({ id: z.uuid(), name: z.string().max(500).optional() });

export const ptvServiceSchema = z.looseObject({
  id: z.uuid(),
  sourceId: z.string().max(200).nullish(),
  type: z.string().max(60).nullish(),
  serviceNames: z.array(typedItem).max(30),
  serviceDescriptions: z.array(typedItem).max(60).default([]),
  requirements: z.array(languageItem).max(10).default([]),
  areaType: z.string().max(60).nullish(),
  areas: z.array(z.looseObject({
    type: z.string().max(60).nullish(),
    code: z.string().max(60).nullish(),
    municipalities: z.array(z.looseObject({ code: z.string().max(10), name: z.array(languageItem).max(5).default([]) })).max(400).default([]),
  })).max(50).default([]),
  targetGroups: z.array(z.looseObject({ code: z.string().max(60).nullish(), name: z.array(languageItem).max(5).default([]) })).max(30).default([]),
  organizations: z.array(z.looseObject({ roleType: z.string().max(60), organization: ptvItem.nullish(), provisionType: z.string().max(60).nullish() })).max(30).default([]),
  mainOrganization: ptvItem.nullish(),
  publishingStatus: z.string().max(30),
  modified: z.string().max(40).nullish(),
});
export type PtvService = z.infer<typeof ptvServiceSchema>;

/** A page of services as PTV answers it, or a bare array of services. */
export const ptvFileSchema = z.union([
  z.looseObject({ pageNumber: z.number().int().nullish(), pageSize: z.number().int().nullish(), pageCount: z.number().int().nullish(), itemList: z.array(ptvServiceSchema).max(500) }),
  z.array(ptvServiceSchema).max(500),
]);
export type PtvFile = z.infer<typeof ptvFileSchema>;
export const ptvItemsOf = (file: PtvFile): PtvService[] => (Array.isArray(file) ? file : file.itemList);

const languages = ['fi', 'sv', 'en'] as const;

function localizedOf(items: { language: string; value: string; type?: string }[], type?: string): LocalizedText {
  const text = { fi: '', sv: '', en: '' };
  for (const lang of languages) text[lang] = items.find((i) => i.language === lang && (type === undefined || i.type === type))?.value.trim() ?? '';
  return text;
}

export type PtvOrganizationRef = { ptvId: string; name: string };

/**
 * What a PTV service gives the tray's description: the names (field 1), the organiser and producers
 * (field 2, as PTV organisation ids resolved by the caller), the description (3), the user instruction as
 * how to get in (4) and the municipalities covered, and the usage requirements as the target group (5).
 * PTV has no work forms, principles, goal or results: the unit writes those before publishing.
 */
export function contentFromPtv(service: PtvService, organizationIdOf: (ptvId: string) => string): Omit<ServiceContent, 'locations'> & { locations: [] } {
  const responsible = service.organizations.find((o) => o.roleType === 'Responsible')?.organization ?? service.mainOrganization ?? null;
  const producers = service.organizations.filter((o) => o.roleType === 'Producer' && o.organization).map((o) => o.organization!.id);
  const nationwide = service.areaType === 'Nationwide' || service.areaType === 'NationwideExceptAlandIslands';
  const codes = service.areas.filter((a) => a.type === 'Municipality').flatMap((a) => a.municipalities.map((m) => m.code));
  const requirements = localizedOf(service.requirements);
  const summary = localizedOf(service.serviceDescriptions, 'Summary');
  const description = localizedOf(service.serviceDescriptions, 'Description');
  const empty = { fi: '', sv: '', en: '' };
  return {
    names: localizedOf(service.serviceNames, 'Name'),
    contacts: [],
    categories: [],
    organiserId: responsible ? organizationIdOf(responsible.id) : null,
    producerIds: [...new Set(producers)].map(organizationIdOf),
    producerNote: empty,
    description: description.fi ? description : summary,
    access: { howToGetIn: localizedOf(service.serviceDescriptions, 'UserInstruction'), selfReferral: null, allMunicipalities: nationwide, municipalityCodes: [...new Set(codes)] },
    targetGroup: requirements,
    workForms: empty,
    principles: empty,
    goal: empty,
    results: empty,
    resultsNoDataYet: false,
    locations: [],
    placesAvailable: null,
  };
}

const items = (text: LocalizedText, type?: string) =>
  languages.filter((l) => text[l] !== '').map((language) => ({ language, value: text[language], ...(type ? { type } : {}) }));

/**
 * The same fields back in PTV's shape: what the tray would hand to PTV, and what the round-trip test
 * compares with the file imported.
 */
export function ptvFromContent(ptvId: string, content: ServiceContent, ptvIdOf: (organizationId: string) => string | null) {
  const organiser = content.organiserId ? ptvIdOf(content.organiserId) : null;
  return {
    id: ptvId,
    serviceNames: items(content.names, 'Name'),
    serviceDescriptions: [...items(content.description, 'Description'), ...items(content.access.howToGetIn, 'UserInstruction')],
    requirements: items(content.targetGroup),
    areaType: content.access.allMunicipalities ? 'Nationwide' : 'LimitedType',
    municipalityCodes: content.access.allMunicipalities ? [] : [...content.access.municipalityCodes].sort(),
    organizations: [
      ...(organiser ? [{ roleType: 'Responsible', organizationId: organiser }] : []),
      ...content.producerIds.flatMap((id) => {
        const ptv = ptvIdOf(id);
        return ptv ? [{ roleType: 'Producer', organizationId: ptv }] : [];
      }),
    ],
  };
}
