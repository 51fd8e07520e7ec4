import { eq } from 'drizzle-orm';
import type { FeedbackFormContent, FeedbackFormInput, FeedbackFormView } from '../../domain/feedback.js';
import { feedbackForms } from '../db/schema-groups.js';
import type { Deps } from '../deps.js';
import { forbidden, notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { authorize, canSomewhere, type Actor } from '../policy/policy.js';
import { currentVersion, findForm, hasResponses, insertForm, insertVersion, listFormsOfRegion, loadVersion, responseCounts, rewriteVersion, versionsOf, type FormRow } from './forms-repo.js';
import { presentForm } from './present.js';
import type { Ctx } from '../http/context.js';


/** Forms are the region's: every role of the region may read them (to pick one for a kiosk, say). */
export async function loadForm(deps: Deps, actor: Actor, formId: string): Promise<FormRow> {
  if (!canSomewhere(actor, 'feedback_form.list')) throw forbidden();
  const form = await findForm(deps.db.orm, formId);
  if (!form || form.regionId !== actor.regionId) throw notFound('Feedback form');
  return form;
}

export async function formView(deps: Deps, form: FormRow): Promise<FeedbackFormView> {
  const versions = await versionsOf(deps.db.orm, [form.id]);
  const current = await loadVersion(deps.db.orm, versions[0]!);
  return presentForm(form, current, versions, await responseCounts(deps.db.orm, versions.map((v) => v.id)));
}

export async function listForms(deps: Deps, actor: Actor) {
  if (!canSomewhere(actor, 'feedback_form.list')) throw forbidden();
  const forms = await listFormsOfRegion(deps.db.orm, actor.regionId);
  const versions = await versionsOf(deps.db.orm, forms.map((f) => f.id));
  const newest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if (!newest.has(v.formId)) newest.set(v.formId, v);
  return forms.map((form) => {
    const v = newest.get(form.id)!;
    return { id: form.id, templateKey: form.templateKey, audience: form.audience, isActive: form.isActive, version: v.version, name: { fi: v.nameFi, sv: v.nameSv, en: v.nameEn } };
  });
}

export async function createForm(deps: Deps, ctx: Ctx, input: FeedbackFormInput): Promise<FeedbackFormView> {
  authorize(ctx.actor, 'feedback_form.manage', { regionId: ctx.actor.regionId });
  const now = deps.clock.now();
  const form = await deps.db.orm.transaction(async (tx) => {
    const row = await insertForm(tx, deps.ids, { regionId: ctx.actor.regionId, templateKey: null, audience: input.audience, createdBy: ctx.actor.userId, now }, input);
    await writeAudit(tx, { ...ctx, at: now }, { action: 'feedback_form.created', resourceType: 'feedback_form', resourceId: row!.id, details: { items: input.items.length } });
    return row!;
  });
  return formView(deps, form);
}

/**
 * Replaces what a form says. A version that has answers is never changed: the edit becomes a new
 * version and old answers keep reporting against the old wording. An unanswered version is rewritten
 * in place. The version row is locked, so an answer arriving meanwhile waits and then sees the result.
 */
export async function editFormContent(deps: Deps, ctx: Ctx, formId: string, content: FeedbackFormContent): Promise<{ view: FeedbackFormView; isNewVersion: boolean }> {
  const form = await loadForm(deps, ctx.actor, formId);
  authorize(ctx.actor, 'feedback_form.manage', { regionId: form.regionId });
  const now = deps.clock.now();
  const isNewVersion = await deps.db.orm.transaction(async (tx) => {
    const current = await currentVersion(tx, form.id, true);
    const isAnswered = await hasResponses(tx, current.id);
    if (isAnswered) await insertVersion(tx, deps.ids, form.id, current.version + 1, content, ctx.actor.userId, now);
    else await rewriteVersion(tx, deps.ids, current.id, content);
    await tx.update(feedbackForms).set({ updatedAt: now }).where(eq(feedbackForms.id, form.id));
    await writeAudit(tx, { ...ctx, at: now }, {
      action: isAnswered ? 'feedback_form.versioned' : 'feedback_form.edited',
      resourceType: 'feedback_form',
      resourceId: form.id,
      regionId: form.regionId,
      details: { version: isAnswered ? current.version + 1 : current.version, items: content.items.length },
    });
    return isAnswered;
  });
  return { view: await formView(deps, form), isNewVersion };
}

/** Retires a form (kiosks and links stop offering it) or brings it back; answers are kept either way. */
export async function setFormActive(deps: Deps, ctx: Ctx, formId: string, isActive: boolean): Promise<FeedbackFormView> {
  const form = await loadForm(deps, ctx.actor, formId);
  authorize(ctx.actor, 'feedback_form.manage', { regionId: form.regionId });
  const now = deps.clock.now();
  const updated = await deps.db.orm.transaction(async (tx) => {
    const [row] = await tx.update(feedbackForms).set({ isActive, updatedAt: now }).where(eq(feedbackForms.id, form.id)).returning();
    await writeAudit(tx, { ...ctx, at: now }, { action: 'feedback_form.updated', resourceType: 'feedback_form', resourceId: form.id, regionId: form.regionId, details: { isActive } });
    return row!;
  });
  return formView(deps, updated);
}
