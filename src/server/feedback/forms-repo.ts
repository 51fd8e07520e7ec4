import { asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { FeedbackAudience, FeedbackFormContent, ItemDefinition } from '../../domain/feedback.js';
import type { Executor } from '../db/connect.js';
import { feedbackFormVersions, feedbackForms, feedbackItems, feedbackResponses } from '../db/schema-groups.js';
import type { Ids } from '../deps.js';

export type FormRow = typeof feedbackForms.$inferSelect;
export type VersionRow = typeof feedbackFormVersions.$inferSelect;
export type ItemRow = typeof feedbackItems.$inferSelect;
/** A version with its items in order: what a form says at one point in time. */
export type LoadedVersion = { version: VersionRow; items: ItemRow[] };

export function itemDefinition(row: ItemRow): ItemDefinition {
  return {
    id: row.id,
    position: row.position,
    kind: row.kind,
    text: { fi: row.textFi, sv: row.textSv, en: row.textEn },
    allowsNotApplicable: row.allowsNotApplicable,
    scaleMin: row.scaleMin,
    options: row.options,
  };
}

function itemRows(ids: Ids, versionId: string, content: FeedbackFormContent): (typeof feedbackItems.$inferInsert)[] {
  return content.items.map((item, index) => ({
    id: ids.newId(),
    versionId,
    position: index + 1,
    kind: item.kind,
    textFi: item.text.fi,
    textSv: item.text.sv,
    textEn: item.text.en,
    allowsNotApplicable: item.kind === 'agreement' ? item.allowsNotApplicable : false,
    scaleMin: item.kind === 'recommendation' ? item.scaleMin : null,
    options: item.kind === 'single_choice' || item.kind === 'multiple_choice' ? item.options : [],
  }));
}

const versionTexts = (content: FeedbackFormContent) => ({
  nameFi: content.name.fi,
  nameSv: content.name.sv,
  nameEn: content.name.en,
  introFi: content.intro.fi,
  introSv: content.intro.sv,
  introEn: content.intro.en,
});

export async function insertForm(
  ex: Executor,
  ids: Ids,
  form: { regionId: string; templateKey: string | null; audience: FeedbackAudience; createdBy: string | null; now: Date },
  content: FeedbackFormContent,
): Promise<FormRow | null> {
  const [row] = await ex
    .insert(feedbackForms)
    .values({ id: ids.newId(), regionId: form.regionId, templateKey: form.templateKey, audience: form.audience, isActive: true, createdBy: form.createdBy, createdAt: form.now, updatedAt: form.now })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await insertVersion(ex, ids, row.id, 1, content, form.createdBy, form.now);
  return row;
}

export async function insertVersion(ex: Executor, ids: Ids, formId: string, version: number, content: FeedbackFormContent, createdBy: string | null, now: Date): Promise<string> {
  const id = ids.newId();
  await ex.insert(feedbackFormVersions).values({ id, formId, version, ...versionTexts(content), createdBy, createdAt: now });
  await ex.insert(feedbackItems).values(itemRows(ids, id, content));
  return id;
}

/** Rewrites a version that nobody has answered yet (the database refuses this once answers exist). */
export async function rewriteVersion(ex: Executor, ids: Ids, versionId: string, content: FeedbackFormContent): Promise<void> {
  await ex.update(feedbackFormVersions).set(versionTexts(content)).where(eq(feedbackFormVersions.id, versionId));
  await ex.delete(feedbackItems).where(eq(feedbackItems.versionId, versionId));
  await ex.insert(feedbackItems).values(itemRows(ids, versionId, content));
}

export async function findForm(ex: Executor, formId: string): Promise<FormRow | null> {
  const [row] = await ex.select().from(feedbackForms).where(eq(feedbackForms.id, formId));
  return row ?? null;
}

export async function listFormsOfRegion(ex: Executor, regionId: string): Promise<FormRow[]> {
  return ex.select().from(feedbackForms).where(eq(feedbackForms.regionId, regionId)).orderBy(asc(feedbackForms.createdAt), asc(feedbackForms.id));
}

/** Versions of forms, newest first within each form. */
export async function versionsOf(ex: Executor, formIds: string[]): Promise<VersionRow[]> {
  if (formIds.length === 0) return [];
  return ex.select().from(feedbackFormVersions).where(inArray(feedbackFormVersions.formId, formIds)).orderBy(asc(feedbackFormVersions.formId), desc(feedbackFormVersions.version));
}

/** The newest version of a form: the one that kiosks, links and paper entry use. Locked when asked, for edits. */
export async function currentVersion(ex: Executor, formId: string, lock = false): Promise<VersionRow> {
  const query = ex.select().from(feedbackFormVersions).where(eq(feedbackFormVersions.formId, formId)).orderBy(desc(feedbackFormVersions.version)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new Error(`feedback form ${formId} has no version`);
  return row;
}

export async function loadVersion(ex: Executor, version: VersionRow): Promise<LoadedVersion> {
  const items = await ex.select().from(feedbackItems).where(eq(feedbackItems.versionId, version.id)).orderBy(asc(feedbackItems.position));
  return { version, items };
}

export async function findVersion(ex: Executor, versionId: string, lock: 'share' | null = null): Promise<VersionRow | null> {
  const query = ex.select().from(feedbackFormVersions).where(eq(feedbackFormVersions.id, versionId));
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

export async function responseCounts(ex: Executor, versionIds: string[]): Promise<Map<string, number>> {
  if (versionIds.length === 0) return new Map();
  const rows = await ex
    .select({ versionId: feedbackResponses.formVersionId, n: count() })
    .from(feedbackResponses)
    .where(inArray(feedbackResponses.formVersionId, versionIds))
    .groupBy(feedbackResponses.formVersionId);
  return new Map(rows.map((r) => [r.versionId, r.n]));
}

export async function hasResponses(ex: Executor, versionId: string): Promise<boolean> {
  const [row] = await ex.select({ id: feedbackResponses.id }).from(feedbackResponses).where(eq(feedbackResponses.formVersionId, versionId)).limit(1);
  return row !== undefined;
}
