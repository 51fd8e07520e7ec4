import { and, asc, eq, inArray } from 'drizzle-orm';
import { helsinkiDay } from '../../domain/calendar.js';
import {
  comparisonRows,
  parseSotkanetRegions,
  type AreaChoice,
  type ImportResult,
  type IndicatorPanel,
  type ManualIndicator,
  type SotkanetArea,
} from '../../domain/indicators/indicators.js';
import { importSotkanet, sotkanetAttribution, sotkanetIndicatorSchema, SotkanetFormatError, type IndicatorStore } from '../../domain/structural/sotkanet.js';
import { writeAudit } from '../audit/write-audit.js';
import type { Executor } from '../db/connect.js';
import { indicatorAreaChoices, indicatorAreas, indicators, indicatorValues } from '../db/schema-indicators.js';
import type { Deps } from '../deps.js';
import { AppError, conflict, forbidden } from '../errors.js';
import type { Ctx } from '../http/context.js';
import { authorize, canSomewhere } from '../policy/policy.js';

/** A file not in Sotkanet's format: a 400 that names the file and the fields, which the web shows translated. */
export function formatError(error: SotkanetFormatError): AppError {
  return new AppError('bad_request', error.message, { reason: 'sotkanet_format', file: error.file, problems: error.problems.slice(0, 10) });
}

export type SotkanetFiles = { metadata: unknown; data: unknown; regions?: unknown; isExample: boolean };

/**
 * Imports one Sotkanet indicator's metadata and data rows (and, when given, the areas) into the caller's
 * region. Every file is checked whole before anything is written, and the writes share one transaction:
 * a malformed file is a 400 and changes nothing. Values of the same area, year and gender are replaced;
 * the answer lists the metadata fields that changed since the last import.
 */
export async function importSotkanetFiles(deps: Deps, ctx: Ctx, files: SotkanetFiles, how: 'upload' | 'url'): Promise<ImportResult> {
  authorize(ctx.actor, 'indicator.manage', { regionId: ctx.actor.regionId });
  const now = deps.clock.now();
  const today = helsinkiDay(now);
  let areas: SotkanetArea[] = [];
  try {
    // Every file checked whole, before the transaction: an error names its file and fields.
    if (files.regions !== undefined) areas = parseSotkanetRegions(files.regions);
    importSotkanet({ indicators: {}, values: [] }, files.metadata, files.data, today);
  } catch (error) {
    if (error instanceof SotkanetFormatError) throw formatError(error);
    throw error;
  }
  const sourceRef = String(sotkanetIndicatorSchema.parse(files.metadata).id);
  return deps.db.orm.transaction(async (tx) => {
    const [existing] = await tx.select().from(indicators).where(and(eq(indicators.regionId, ctx.actor.regionId), eq(indicators.source, 'sotkanet'), eq(indicators.sourceRef, sourceRef))).for('update');
    const store: IndicatorStore = { indicators: {}, values: [] };
    if (existing) {
      store.indicators[Number(sourceRef)] = {
        id: Number(sourceRef),
        title: { fi: existing.titleFi, sv: existing.titleSv, en: existing.titleEn },
        decimals: existing.decimals,
        unit: existing.unit,
        dataUpdated: existing.dataUpdated,
      };
      const old = await tx.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, existing.id));
      store.values = old.map((v) => ({ indicatorId: Number(sourceRef), regionId: Number(v.areaCode), year: v.year, gender: v.gender, value: v.value, retrievedOn: v.retrievedOn }));
    }
    let result;
    try {
      result = importSotkanet(store, files.metadata, files.data, today);
    } catch (error) {
      if (error instanceof SotkanetFormatError) throw formatError(error);
      throw error;
    }
    const meta = result.store.indicators[Number(sourceRef)]!;
    const fields = {
      titleFi: meta.title.fi,
      titleSv: meta.title.sv,
      titleEn: meta.title.en,
      unit: meta.unit,
      decimals: meta.decimals,
      dataUpdated: meta.dataUpdated,
      attribution: sotkanetAttribution.source,
      licence: sotkanetAttribution.licence,
      licenceUrl: sotkanetAttribution.licenceUrl,
      isExample: files.isExample,
      updatedAt: now,
    };
    const indicatorId = existing?.id ?? deps.ids.newId();
    if (existing) await tx.update(indicators).set(fields).where(eq(indicators.id, indicatorId));
    else await tx.insert(indicators).values({ id: indicatorId, regionId: ctx.actor.regionId, source: 'sotkanet', sourceRef, createdBy: ctx.actor.userId, createdAt: now, ...fields });
    await tx.delete(indicatorValues).where(eq(indicatorValues.indicatorId, indicatorId));
    if (result.store.values.length > 0) {
      await tx.insert(indicatorValues).values(
        result.store.values.map((v) => ({ indicatorId, areaCode: String(v.regionId), year: v.year, gender: v.gender, value: v.value, retrievedOn: v.retrievedOn })),
      );
    }
    if (areas.length > 0) await saveAreas(tx, ctx.actor.regionId, areas);
    const answer = { indicatorId, sourceRef, added: result.added, replaced: result.replaced, missing: result.missing, metadataChanges: result.metadataChanges, areas: areas.length };
    await writeAudit(tx, { ...ctx, at: now }, { action: 'indicator.imported', resourceType: 'indicator', resourceId: indicatorId, details: { ...answer, how } });
    return answer;
  });
}

async function saveAreas(ex: Executor, regionId: string, areas: SotkanetArea[]): Promise<void> {
  const codes = [...new Set(areas.map((a) => a.areaCode))];
  for (let i = 0; i < codes.length; i += 500) await ex.delete(indicatorAreas).where(and(eq(indicatorAreas.regionId, regionId), inArray(indicatorAreas.areaCode, codes.slice(i, i + 500))));
  const unique = [...new Map(areas.map((a) => [a.areaCode, a])).values()];
  for (let i = 0; i < unique.length; i += 500) {
    await ex.insert(indicatorAreas).values(
      unique.slice(i, i + 500).map((a) => ({ regionId, areaCode: a.areaCode, category: a.category, code: a.code, titleFi: a.title.fi, titleSv: a.title.sv, titleEn: a.title.en })),
    );
  }
}

/** Which area is the region's own and which the whole country, on the panels. */
export async function chooseAreas(deps: Deps, ctx: Ctx, choice: AreaChoice): Promise<AreaChoice> {
  authorize(ctx.actor, 'indicator.manage', { regionId: ctx.actor.regionId });
  if (choice.homeAreaCode === choice.countryAreaCode) throw new AppError('bad_request', 'The region and the whole country are different areas.', { field: 'countryAreaCode' });
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const values = { homeAreaCode: choice.homeAreaCode, countryAreaCode: choice.countryAreaCode, updatedBy: ctx.actor.userId, updatedAt: now };
    await tx.insert(indicatorAreaChoices).values({ regionId: ctx.actor.regionId, ...values }).onConflictDoUpdate({ target: indicatorAreaChoices.regionId, set: values });
    await writeAudit(tx, { ...ctx, at: now }, { action: 'indicator.areas_chosen', resourceType: 'indicator', details: { ...choice } });
    return choice;
  });
}

/**
 * A hand-entered indicator (Statistics Finland, the employment ministry…) with its attribution: its values
 * for the region and the whole country go to the areas chosen for the panels. Entering the same source
 * and id again replaces the indicator's fields and the values given.
 */
export async function enterIndicator(deps: Deps, ctx: Ctx, input: ManualIndicator): Promise<{ indicatorId: string }> {
  authorize(ctx.actor, 'indicator.manage', { regionId: ctx.actor.regionId });
  const now = deps.clock.now();
  const today = helsinkiDay(now);
  return deps.db.orm.transaction(async (tx) => {
    const [choice] = await tx.select().from(indicatorAreaChoices).where(eq(indicatorAreaChoices.regionId, ctx.actor.regionId));
    if (!choice) throw conflict('Choose the region\'s and the whole country\'s areas first.');
    const fields = {
      titleFi: input.title.fi,
      titleSv: input.title.sv,
      titleEn: input.title.en,
      unit: input.unit,
      decimals: input.decimals,
      attribution: input.attribution,
      licence: input.licence,
      licenceUrl: input.licenceUrl,
      isExample: false,
      dataUpdated: null,
      updatedAt: now,
    };
    const [existing] = await tx.select().from(indicators).where(and(eq(indicators.regionId, ctx.actor.regionId), eq(indicators.source, input.source), eq(indicators.sourceRef, input.sourceRef))).for('update');
    const indicatorId = existing?.id ?? deps.ids.newId();
    if (existing) await tx.update(indicators).set(fields).where(eq(indicators.id, indicatorId));
    else await tx.insert(indicators).values({ id: indicatorId, regionId: ctx.actor.regionId, source: input.source, sourceRef: input.sourceRef, createdBy: ctx.actor.userId, createdAt: now, ...fields });
    const rows = new Map(
      input.values.map((v) => {
        const areaCode = v.area === 'home' ? choice.homeAreaCode : choice.countryAreaCode;
        return [`${areaCode}:${v.year}:${v.gender}`, { indicatorId, areaCode, year: v.year, gender: v.gender, value: v.value, retrievedOn: today }];
      }),
    );
    for (const row of rows.values()) {
      await tx
        .insert(indicatorValues)
        .values(row)
        .onConflictDoUpdate({ target: [indicatorValues.indicatorId, indicatorValues.areaCode, indicatorValues.year, indicatorValues.gender], set: { value: row.value, retrievedOn: row.retrievedOn } });
    }
    await writeAudit(tx, { ...ctx, at: now }, { action: 'indicator.entered', resourceType: 'indicator', resourceId: indicatorId, details: { source: input.source, sourceRef: input.sourceRef, values: rows.size } });
    return { indicatorId };
  });
}

/** The region's indicators as the panels show them: the chosen region against the whole country, per year. */
export async function readIndicatorPanel(deps: Deps, ctx: Ctx): Promise<IndicatorPanel> {
  if (!canSomewhere(ctx.actor, 'indicator.read')) throw forbidden();
  const regionId = ctx.actor.regionId;
  const ex = deps.db.orm;
  const [choice] = await ex.select().from(indicatorAreaChoices).where(eq(indicatorAreaChoices.regionId, regionId));
  const home = choice?.homeAreaCode ?? null;
  const country = choice?.countryAreaCode ?? null;
  const areaRows = choice
    ? await ex.select().from(indicatorAreas).where(and(eq(indicatorAreas.regionId, regionId), inArray(indicatorAreas.areaCode, [choice.homeAreaCode, choice.countryAreaCode])))
    : [];
  const area = (code: string | null) => {
    if (code === null) return null;
    const a = areaRows.find((r) => r.areaCode === code);
    return { code, title: a ? { fi: a.titleFi, sv: a.titleSv, en: a.titleEn } : null };
  };
  const list = await ex.select().from(indicators).where(eq(indicators.regionId, regionId)).orderBy(asc(indicators.source), asc(indicators.sourceRef));
  const values = list.length === 0 || !choice
    ? []
    : await ex.select().from(indicatorValues).where(and(inArray(indicatorValues.indicatorId, list.map((i) => i.id)), inArray(indicatorValues.areaCode, [choice.homeAreaCode, choice.countryAreaCode])));
  return {
    home: area(home),
    country: area(country),
    indicators: list.map((i) => ({
      id: i.id,
      source: i.source,
      sourceRef: i.sourceRef,
      title: { fi: i.titleFi, sv: i.titleSv, en: i.titleEn },
      unit: i.unit,
      decimals: i.decimals,
      attribution: i.attribution,
      licence: i.licence,
      licenceUrl: i.licenceUrl,
      isExample: i.isExample,
      dataUpdated: i.dataUpdated,
      rows: comparisonRows(values.filter((v) => v.indicatorId === i.id), home, country),
    })),
  };
}
