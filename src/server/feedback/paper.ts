import { randomUUID } from 'node:crypto';
import { checkAnswers, type PaperEntry, type StoredAnswer } from '../../domain/feedback.js';
import { feedbackAnswers, feedbackResponses } from '../db/schema-groups.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { authorize } from '../policy/policy.js';
import { today } from '../sessions/calendar.js';
import { contextIdsOf, resolveContext } from './context.js';
import { currentVersion, findVersion, itemDefinition, loadVersion } from './forms-repo.js';
import { loadForm } from './forms.js';
import type { Ctx } from '../http/context.js';

/**
 * Paper forms typed in by staff, marked as paper. Like every sheet, the rows keep the day only and no
 * user; the audit row records who entered how many, not which rows.
 */
export async function enterPaperForms(deps: Deps, ctx: Ctx, formId: string, entry: PaperEntry): Promise<{ stored: number }> {
  const form = await loadForm(deps, ctx.actor, formId);
  const resolved = await resolveContext(deps.db.orm, ctx.actor.regionId, contextIdsOf(entry.context));
  authorize(ctx.actor, 'feedback.collect', { regionId: resolved.site.regionId, siteId: resolved.site.id });
  if (entry.submittedOn > today(deps)) throw new AppError('bad_request', 'The day of a paper form cannot be in the future.', { field: 'submittedOn' });
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const version = entry.versionId ? await findVersion(tx, entry.versionId, 'share') : await currentVersion(tx, form.id);
    if (!version || version.formId !== form.id) throw new AppError('bad_request', 'That version is not of this form.', { field: 'versionId' });
    const { items } = await loadVersion(tx, version);
    const definitions = items.map(itemDefinition);
    const sheets: { locale: PaperEntry['responses'][number]['locale']; answers: StoredAnswer[] }[] = entry.responses.map((sheet, index) => {
      const check = checkAnswers(definitions, sheet.answers);
      if (!check.ok) throw new AppError('bad_request', `Paper form ${index + 1}: ${check.problem}.`, { field: 'responses', index, itemId: check.itemId });
      return { locale: sheet.locale, answers: check.answers };
    });
    for (const sheet of sheets) {
      const responseId = randomUUID();
      await tx.insert(feedbackResponses).values({
        id: responseId, regionId: resolved.site.regionId, ...contextIdsOf(entry.context), formVersionId: version.id, channel: 'paper', locale: sheet.locale, submittedOn: entry.submittedOn,
      });
      await tx.insert(feedbackAnswers).values(sheet.answers.map((a) => ({ responseId, ...a })));
    }
    await writeAudit(tx, { ...ctx, at: now }, { action: 'feedback.paper_entered', resourceType: 'feedback_form', resourceId: form.id, siteId: resolved.site.id, regionId: resolved.site.regionId, details: { versionId: version.id, count: sheets.length } });
    return { stored: sheets.length };
  });
}
