import { and, asc, eq, inArray } from 'drizzle-orm';
import { goodPracticeQuestionKeys, type GoodPracticeAnswers, type GoodPracticeQuestionKey, type GoodPracticeView, type PublicGoodPractice } from '../../domain/good-practices.js';
import type { Executor } from '../db/connect.js';
import { goodPractices, goodPracticeServices } from '../db/schema-help.js';
import { services } from '../db/schema-outreach.js';
import { pilots } from '../db/schema-pilots.js';

export type GoodPracticeRow = typeof goodPractices.$inferSelect;

/** Each of the seven questions has a column of its own (migration 0042). */
export const answerColumns = {
  model: 'answerModel',
  benefits: 'answerBenefits',
  challenges: 'answerChallenges',
  regionWide: 'answerRegionWide',
  improvements: 'answerImprovements',
  clientExample: 'answerClientExample',
  supportsClientWork: 'answerSupportsClientWork',
} as const satisfies Record<GoodPracticeQuestionKey, keyof GoodPracticeRow>;

export const answersOf = (row: GoodPracticeRow): GoodPracticeAnswers =>
  Object.fromEntries(goodPracticeQuestionKeys.map((k) => [k, row[answerColumns[k]]])) as GoodPracticeAnswers;

export function answerValues(answers: Partial<GoodPracticeAnswers>): Partial<Pick<GoodPracticeRow, (typeof answerColumns)[GoodPracticeQuestionKey]>> {
  const out: Record<string, string> = {};
  for (const k of goodPracticeQuestionKeys) if (answers[k] !== undefined) out[answerColumns[k]] = answers[k];
  return out;
}

export async function findGoodPractice(ex: Executor, id: string): Promise<GoodPracticeRow | null> {
  const [row] = await ex.select().from(goodPractices).where(eq(goodPractices.id, id));
  return row ?? null;
}

/** The pilot (name and period) and the services of each description, in one query each. */
async function linksOf(ex: Executor, rows: GoodPracticeRow[]) {
  const pilotIds = [...new Set(rows.flatMap((r) => (r.pilotId ? [r.pilotId] : [])))];
  const pilotRows = pilotIds.length === 0 ? [] : await ex.select({ id: pilots.id, name: pilots.name, startsOn: pilots.startsOn, endsOn: pilots.endsOn }).from(pilots).where(inArray(pilots.id, pilotIds));
  const ids = rows.map((r) => r.id);
  const serviceRows = ids.length === 0 ? [] : await ex
    .select({ practiceId: goodPracticeServices.goodPracticeId, id: services.id, fi: services.nameFi, sv: services.nameSv, en: services.nameEn })
    .from(goodPracticeServices).innerJoin(services, eq(services.id, goodPracticeServices.serviceId))
    .where(inArray(goodPracticeServices.goodPracticeId, ids)).orderBy(asc(services.sortOrder), asc(services.nameFi));
  return { pilots: new Map(pilotRows.map((p) => [p.id, p])), services: serviceRows };
}

const publicPart = (row: GoodPracticeRow, links: Awaited<ReturnType<typeof linksOf>>): PublicGoodPractice => {
  const pilot = row.pilotId ? links.pilots.get(row.pilotId) : undefined;
  return {
    id: row.id, title: row.title, organisation: row.organisation, author: row.author, describedOn: row.describedOn, language: row.language,
    answers: answersOf(row),
    pilot: pilot ? { name: pilot.name, startsOn: pilot.startsOn, endsOn: pilot.endsOn } : null,
    figures: row.figures,
    services: links.services.filter((s) => s.practiceId === row.id).map((s) => ({ id: s.id, names: { fi: s.fi, sv: s.sv, en: s.en } })),
    publishedAt: row.publishedAt?.toISOString() ?? '',
  };
};

export async function presentPublic(ex: Executor, rows: GoodPracticeRow[]): Promise<PublicGoodPractice[]> {
  const links = await linksOf(ex, rows);
  return rows.map((row) => publicPart(row, links));
}

export async function presentForStaff(ex: Executor, rows: GoodPracticeRow[]): Promise<GoodPracticeView[]> {
  const links = await linksOf(ex, rows);
  return rows.map((row) => ({
    ...publicPart(row, links),
    status: row.status,
    pilotId: row.pilotId,
    serviceIds: links.services.filter((s) => s.practiceId === row.id).map((s) => s.id),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** Ids among `serviceIds` that are not services of the region. */
export async function foreignServices(ex: Executor, regionId: string, serviceIds: string[]): Promise<string[]> {
  if (serviceIds.length === 0) return [];
  const rows = await ex.select({ id: services.id }).from(services).where(and(inArray(services.id, serviceIds), eq(services.regionId, regionId)));
  const known = new Set(rows.map((r) => r.id));
  return serviceIds.filter((id) => !known.has(id));
}

export async function isRegionPilot(ex: Executor, regionId: string, pilotId: string): Promise<boolean> {
  const [row] = await ex.select({ id: pilots.id }).from(pilots).where(and(eq(pilots.id, pilotId), eq(pilots.regionId, regionId)));
  return row !== undefined;
}
