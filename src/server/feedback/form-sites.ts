import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db/connect.js';

const uuidList = (ids: string[]): SQL => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/**
 * The sites where visitor forms were in use, for several forms in one query: a kiosk or a link for the
 * form there, or a response to any of its versions typed in there. `amongSiteIds` limits the answer to
 * those sites (a report asks only about its scope's); without it every site is considered.
 * The responses are answered from the index feedback_responses_version_site (migration 0021): an `exists`
 * per version and site, or one index-only pass, as the planner chooses; never the responses' rows.
 */
export async function formsSiteIds(ex: Executor, formIds: string[], amongSiteIds?: string[]): Promise<Map<string, string[]>> {
  const byForm = new Map<string, string[]>(formIds.map((id) => [id, []]));
  if (formIds.length === 0 || amongSiteIds?.length === 0) return byForm;
  const forms = uuidList(formIds);
  const among = (column: SQL): SQL => (amongSiteIds ? sql`${column} in (${uuidList(amongSiteIds)})` : sql`true`);
  const candidates = amongSiteIds ? sql`select s.id from sites s where ${among(sql`s.id`)}` : sql`select s.id from sites s`;
  const rows = rowsOf<{ form_id: string; site_id: string }>(await ex.execute(sql`
    select k.form_id::text as form_id, k.site_id::text as site_id from feedback_kiosks k where k.form_id in (${forms}) and ${among(sql`k.site_id`)}
    union
    select l.form_id::text, l.site_id::text from feedback_links l where l.form_id in (${forms}) and ${among(sql`l.site_id`)}
    union
    select v.form_id::text, c.id::text
      from feedback_form_versions v cross join (${candidates}) c
     where v.form_id in (${forms})
       and exists (select 1 from feedback_responses r where r.form_version_id = v.id and r.site_id = c.id)`));
  for (const r of rows) byForm.get(r.form_id)?.push(r.site_id);
  for (const siteIds of byForm.values()) siteIds.sort();
  return byForm;
}

/**
 * The sites where a visitor form was in use (formsSiteIds for one form). A response rate divides by the
 * meetings at these sites only (the results page and the report alike): the meetings of sites that never
 * offered the form would only make its rate look lower. Sorted, so callers can compare sets.
 */
export async function formSiteIds(ex: Executor, formId: string): Promise<string[]> {
  return (await formsSiteIds(ex, [formId])).get(formId) ?? [];
}
