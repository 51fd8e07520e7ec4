import { z } from 'zod';

/**
 * Regional indicators from THL's Sotkanet (requirements-phase2 § 8.6), read from files in Sotkanet's own
 * REST JSON shapes: the data rows of `/rest/1.1/json?indicator=…&years=…&genders=…` (a flat array of
 * `{indicator, region, year, gender, value, absValue?}`; a suppressed or missing figure has no `value`)
 * and the metadata of `/rest/1.1/indicators/{id}` (localized `title`, `organization`, `decimals`,
 * `primaryValueType`, `range`, `data-updated`…). Only the fields used here are checked; others pass.
 * Indicators are context only and never mixed into client-level figures. Sotkanet data is published
 * under CC BY 4.0: every value shown carries the attribution below, the indicator id and the year.
 */
export const sotkanetAttribution = {
  source: 'THL, Sotkanet.fi',
  licence: 'CC BY 4.0',
  licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

const localized = z.object({ fi: z.string().optional(), sv: z.string().optional(), en: z.string().optional() }).loose();

export const sotkanetIndicatorSchema = z
  .object({
    id: z.coerce.number().int().positive(),
    title: localized,
    organization: z.object({ id: z.coerce.number().int(), title: localized }).loose().optional(),
    decimals: z.coerce.number().int().min(0).max(6).optional(),
    primaryValueType: z.object({ code: z.string(), title: localized }).loose().optional(),
    range: z.object({ start: z.coerce.number().int(), end: z.coerce.number().int() }).loose().optional(),
    'data-updated': z.string().optional(),
  })
  .loose();
export type SotkanetIndicator = z.infer<typeof sotkanetIndicatorSchema>;

export const sotkanetDataRowSchema = z
  .object({
    indicator: z.number().int().positive(),
    region: z.number().int(),
    year: z.number().int().min(1900).max(2100),
    gender: z.enum(['total', 'male', 'female']),
    value: z.number().finite().nullable().optional(),
    absValue: z.number().finite().nullable().optional(),
  })
  .loose();
export const sotkanetDataSchema = z.array(sotkanetDataRowSchema);
export type SotkanetDataRow = z.infer<typeof sotkanetDataRowSchema>;

export class SotkanetFormatError extends Error {
  constructor(
    readonly file: 'data' | 'metadata' | 'regions',
    readonly problems: string[],
  ) {
    super(`The Sotkanet ${file} file is not in Sotkanet's format: ${problems.slice(0, 5).join('; ')}`);
  }
}

function parse<T>(schema: z.ZodType<T>, file: 'data' | 'metadata', json: unknown): T {
  const result = schema.safeParse(json);
  if (!result.success) throw new SotkanetFormatError(file, result.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`));
  return result.data;
}

/** One stored value: published as is (no rounding of ours), null when Sotkanet gives none. */
export type IndicatorValue = { indicatorId: number; regionId: number; year: number; gender: 'total' | 'male' | 'female'; value: number | null; retrievedOn: string };
export type IndicatorMeta = { id: number; title: { fi: string; sv: string | null; en: string | null }; decimals: number | null; unit: string | null; dataUpdated: string | null };
export type IndicatorStore = { indicators: Record<number, IndicatorMeta>; values: IndicatorValue[] };
export type ImportResult = { store: IndicatorStore; added: number; replaced: number; missing: number; metadataChanges: string[] };

const metaOf = (m: SotkanetIndicator): IndicatorMeta => ({
  id: m.id,
  title: { fi: m.title.fi ?? m.title.en ?? String(m.id), sv: m.title.sv ?? null, en: m.title.en ?? null },
  decimals: m.decimals ?? null,
  unit: m.primaryValueType?.title.fi ?? m.primaryValueType?.code ?? null,
  dataUpdated: m['data-updated'] ?? null,
});

/**
 * Imports one indicator's metadata and data files into a store, returning a new store: both files are
 * checked whole before anything is taken, so a malformed file throws SotkanetFormatError and the store
 * is unchanged. Rows of another indicator than the metadata's are refused. A value for the same
 * indicator, region, year and gender replaces the old one; the metadata's changed fields are listed.
 */
export function importSotkanet(store: IndicatorStore, metadataJson: unknown, dataJson: unknown, retrievedOn: string): ImportResult {
  const meta = metaOf(parse(sotkanetIndicatorSchema, 'metadata', metadataJson));
  const rows = parse(sotkanetDataSchema, 'data', dataJson);
  const foreign = rows.filter((r) => r.indicator !== meta.id);
  if (foreign.length > 0) throw new SotkanetFormatError('data', [`rows of indicator ${foreign[0]!.indicator} in the file of indicator ${meta.id}`]);
  const before = store.indicators[meta.id];
  const metadataChanges = before ? (['title', 'decimals', 'unit', 'dataUpdated'] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(meta[k])) : [];
  const key = (v: Pick<IndicatorValue, 'indicatorId' | 'regionId' | 'year' | 'gender'>) => `${v.indicatorId}:${v.regionId}:${v.year}:${v.gender}`;
  const incoming = new Map(rows.map((r) => [key({ indicatorId: r.indicator, regionId: r.region, year: r.year, gender: r.gender }), r]));
  const kept = store.values.filter((v) => !incoming.has(key(v)));
  const replaced = store.values.length - kept.length;
  const values = [...kept, ...rows.map((r) => ({ indicatorId: r.indicator, regionId: r.region, year: r.year, gender: r.gender, value: r.value ?? null, retrievedOn }))];
  return {
    store: { indicators: { ...store.indicators, [meta.id]: meta }, values },
    added: rows.length - replaced,
    replaced,
    missing: rows.filter((r) => r.value === undefined || r.value === null).length,
    metadataChanges,
  };
}

/** The region against the whole country for one indicator and year (total gender), as the 004 slide shows them. */
export function regionVersusCountry(store: IndicatorStore, indicatorId: number, year: number, regionId: number, countryId: number) {
  const find = (region: number) => store.values.find((v) => v.indicatorId === indicatorId && v.year === year && v.regionId === region && v.gender === 'total')?.value ?? null;
  return { indicator: store.indicators[indicatorId] ?? null, year, region: find(regionId), country: find(countryId), attribution: sotkanetAttribution };
}
