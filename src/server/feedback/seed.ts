import { sql } from 'drizzle-orm';
import { regions } from '../db/schema.js';
import { rowsOf, type Executor } from '../db/connect.js';
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
  if (!(await lacksATemplateForm(ex))) return;
  for (const region of await ex.select({ id: regions.id }).from(regions)) await seedDefaultFeedbackForms(ex, ids, region.id, now);
}

/** Whether some region lacks one of the template forms: one query, so a start with nothing to add stays quick. */
export async function lacksATemplateForm(ex: Executor): Promise<boolean> {
  const keys = JSON.stringify(formTemplates.map((template) => template.key));
  const [row] = rowsOf<{ lacks: boolean }>(
    await ex.execute(sql`select exists (
      select 1 from regions r cross join jsonb_array_elements_text(${keys}::jsonb) t(key)
      where not exists (select 1 from feedback_forms f where f.region_id = r.id and f.template_key = t.key)
    ) as lacks`),
  );
  return row?.lacks !== false;
}
