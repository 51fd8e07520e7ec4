import { z } from 'zod';
import { SotkanetFormatError } from '../structural/sotkanet.js';

/**
 * Regional indicators (requirements-phase2 § 8.6): published area statistics shown as context beside
 * Silta's own figures, never mixed into them. Sotkanet's come in its REST JSON shapes (see
 * ../structural/sotkanet.ts); Statistics Finland's and the employment ministry's (TEM) are typed in by
 * hand with their attribution. Every value is shown with its source, id and year.
 */
export const indicatorSources = ['sotkanet', 'statistics_finland', 'tem', 'other'] as const;
export type IndicatorSource = (typeof indicatorSources)[number];
export const indicatorGenders = ['total', 'male', 'female'] as const;
export type IndicatorGender = (typeof indicatorGenders)[number];

const localized = z.object({ fi: z.string().optional(), sv: z.string().optional(), en: z.string().optional() }).loose();

/**
 * One area of `/rest/1.1/regions`: Sotkanet's numeric id (what data rows name as `region`), its code in
 * its classification (a municipality's number…), the classification (`category`, e.g. KUNTA, MAA) and a
 * localized title. Checked against oskari-server's Sotkanet region parser, which reads id, code and category.
 */
export const sotkanetRegionSchema = z
  .object({ id: z.number().int(), title: localized, code: z.union([z.string(), z.number()]).optional(), category: z.string().optional() })
  .loose();
export const sotkanetRegionsSchema = z.array(sotkanetRegionSchema);
export type SotkanetArea = { areaCode: string; category: string | null; code: string | null; title: { fi: string; sv: string | null; en: string | null } };

/** Reads a regions file whole; a malformed one throws SotkanetFormatError (nothing taken from it). */
export function parseSotkanetRegions(json: unknown): SotkanetArea[] {
  const result = sotkanetRegionsSchema.safeParse(json);
  if (!result.success) throw new SotkanetFormatError('regions', result.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`));
  return result.data.map((r) => ({
    areaCode: String(r.id),
    category: r.category ?? null,
    code: r.code === undefined ? null : String(r.code),
    title: { fi: r.title.fi ?? r.title.en ?? String(r.id), sv: r.title.sv ?? null, en: r.title.en ?? null },
  }));
}

/** An upload of Sotkanet's files: one indicator's metadata and data rows, optionally the areas. The files are checked by the importer. */
export const sotkanetUploadSchema = z
  .object({
    metadata: z.unknown(),
    data: z.unknown(),
    regions: z.unknown().optional(),
    /** Values that claim no real indicator's meaning (demo and tests): shown labelled "example". */
    isExample: z.boolean().default(false),
  })
  .strict();
export type SotkanetUpload = z.infer<typeof sotkanetUploadSchema>;

/** An import straight from a Sotkanet server: only from a host the deployment allows (none by default). */
export const sotkanetFetchSchema = z
  .object({
    baseUrl: z.url({ protocol: /^https?$/ }).max(200),
    indicatorId: z.number().int().positive().max(99_999_999),
    years: z.array(z.number().int().min(1900).max(2100)).min(1).max(30),
    genders: z.array(z.enum(indicatorGenders)).min(1).max(3).default(['total']),
    withRegions: z.boolean().default(true),
  })
  .strict();
export type SotkanetFetch = z.infer<typeof sotkanetFetchSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** A hand-entered indicator: its source and attribution, and values for the home area and the whole country. */
export const manualIndicatorSchema = z
  .object({
    source: z.enum(['statistics_finland', 'tem', 'other']),
    sourceRef: text(100),
    title: z.object({ fi: text(500), sv: text(500).nullable().default(null), en: text(500).nullable().default(null) }).strict(),
    unit: text(50).nullable().default(null),
    decimals: z.number().int().min(0).max(6).default(1),
    attribution: text(500),
    licence: text(100).nullable().default(null),
    licenceUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().default(null),
    values: z
      .array(z.object({ area: z.enum(['home', 'country']), year: z.number().int().min(1900).max(2100), gender: z.enum(indicatorGenders).default('total'), value: z.number().finite().nullable() }).strict())
      .min(1)
      .max(200),
  })
  .strict();
export type ManualIndicator = z.infer<typeof manualIndicatorSchema>;

export const areaChoiceSchema = z.object({ homeAreaCode: text(40), countryAreaCode: text(40) }).strict();
export type AreaChoice = z.infer<typeof areaChoiceSchema>;

export const importResultSchema = z.object({
  indicatorId: z.uuid(),
  sourceRef: z.string(),
  added: z.number().int(),
  replaced: z.number().int(),
  missing: z.number().int(),
  metadataChanges: z.array(z.string()),
  areas: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

const titleSchema = z.object({ fi: z.string(), sv: z.string().nullable(), en: z.string().nullable() });
const areaSchema = z.object({ code: z.string(), title: titleSchema.nullable() });

/** One indicator as the panels show it: the region against the whole country per year (total gender). */
export const indicatorViewSchema = z.object({
  id: z.uuid(),
  source: z.enum(indicatorSources),
  sourceRef: z.string(),
  title: titleSchema,
  unit: z.string().nullable(),
  decimals: z.number().int().nullable(),
  attribution: z.string(),
  licence: z.string().nullable(),
  licenceUrl: z.string().nullable(),
  isExample: z.boolean(),
  dataUpdated: z.string().nullable(),
  rows: z.array(z.object({ year: z.number().int(), home: z.number().nullable(), country: z.number().nullable(), retrievedOn: z.iso.date() })),
});
export type IndicatorView = z.infer<typeof indicatorViewSchema>;

export const indicatorPanelSchema = z.object({
  home: areaSchema.nullable(),
  country: areaSchema.nullable(),
  indicators: z.array(indicatorViewSchema),
});
export type IndicatorPanel = z.infer<typeof indicatorPanelSchema>;

/**
 * Whether a by-URL import may go to this address: its host (with the port, when one is given) must be
 * one the deployment lists. An empty list switches by-URL imports off.
 */
export function isAllowedHost(url: string, allowed: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  const host = parsed.host.toLowerCase();
  return allowed.some((a) => a.toLowerCase() === host);
}

/** A year's row per year present for either area, newest first: the panel's table. */
export function comparisonRows(values: { areaCode: string; year: number; gender: string; value: number | null; retrievedOn: string }[], home: string | null, country: string | null) {
  const years = [...new Set(values.filter((v) => v.gender === 'total' && (v.areaCode === home || v.areaCode === country)).map((v) => v.year))].sort((a, b) => b - a);
  const find = (area: string | null, year: number) => values.find((v) => v.gender === 'total' && v.areaCode === area && v.year === year);
  return years.map((year) => {
    const h = find(home, year);
    const c = find(country, year);
    return { year, home: h?.value ?? null, country: c?.value ?? null, retrievedOn: (h ?? c)!.retrievedOn };
  });
}
