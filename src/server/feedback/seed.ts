import { regions } from '../db/schema.js';
import type { Executor } from '../db/connect.js';
import type { Ids } from '../deps.js';
import { insertForm } from './forms-repo.js';
import { formTemplates } from './templates.js';

/**
 * Gives a region the template forms it lacks. A template already there — edited, versioned or retired
 * by a coordinator — is left alone (unique region + template key), so this is safe on every start.
 */
export async function seedDefaultFeedbackForms(ex: Executor, ids: Ids, regionId: string, now: Date): Promise<void> {
  for (const template of formTemplates) {
    await insertForm(ex, ids, { regionId, templateKey: template.key, audience: template.audience, createdBy: null, now }, template.content);
  }
}

/** For regions made before the feedback feature: run at start, like the default code lists. */
export async function ensureDefaultFeedbackForms(ex: Executor, ids: Ids, now: Date): Promise<void> {
  for (const region of await ex.select({ id: regions.id }).from(regions)) await seedDefaultFeedbackForms(ex, ids, region.id, now);
}
