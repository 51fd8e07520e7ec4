import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { EncounterView } from '../../domain/outreach-views.js';
import { encounters } from '../db/schema-outreach.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { writeAudit } from '../audit/write-audit.js';
import { authorize, conditionFor, type Actor } from '../policy/policy.js';
import { compileCondition } from '../policy/sql.js';
import { encounterColumns } from '../policy/fact-columns.js';
import { ruleTimeAt } from './encounter-access.js';
import { addDays, helsinkiDay, helsinkiDayStart } from '../db/helsinki-time.js';
import { presentEncounter } from './present.js';
import { findEncounter, loadBundle, loadBundles, type EncounterRow } from './repo.js';
import { loadSiteFor } from '../policy/site-access.js';
import type { Ctx } from '../http/context.js';

/** Another region's encounter is "not found"; one of another site of the region is 403. */
export async function loadEncounterFor(deps: Deps, actor: Actor, encounterId: string, action: 'encounter.read' | 'encounter.correct'): Promise<EncounterRow> {
  const row = await findEncounter(deps.db.orm, encounterId);
  if (!row || row.regionId !== actor.regionId) throw notFound('Encounter');
  authorize(actor, action, { regionId: row.regionId, siteId: row.siteId });
  return row;
}

/** One encounter; a person-level read, so it is audited. */
export async function readEncounter(deps: Deps, ctx: Ctx, encounterId: string): Promise<EncounterView> {
  const row = await loadEncounterFor(deps, ctx.actor, encounterId, 'encounter.read');
  const view = presentEncounter(await loadBundle(deps.db.orm, row), ctx.actor, ruleTimeAt(deps.clock.now()));
  await writeAudit(deps.db.orm, { ...ctx, at: deps.clock.now() }, { action: 'encounter.read', resourceType: 'encounter', resourceId: row.id, siteId: row.siteId, regionId: row.regionId });
  return view;
}

/** A site's encounters of one Helsinki day (today by default), newest first; audited with the count. */
export async function listEncountersOfDay(deps: Deps, ctx: Ctx, siteId: string, day?: string, action: 'encounter.read' | 'encounter.correct' = 'encounter.read'): Promise<EncounterView[]> {
  const site = await loadSiteFor(deps.db.orm, ctx.actor, siteId, action);
  const now = deps.clock.now();
  const shown = day ?? helsinkiDay(now);
  const rows = await deps.db.orm
    .select()
    .from(encounters)
    .where(
      and(
        eq(encounters.siteId, site.id),
        gte(encounters.occurredAt, helsinkiDayStart(shown)),
        lt(encounters.occurredAt, helsinkiDayStart(addDays(shown, 1))),
        // The same rule that decides one encounter, as SQL: the list cannot show what a read would refuse.
        compileCondition(conditionFor(ctx.actor, action, ruleTimeAt(now)), encounterColumns),
      ),
    )
    .orderBy(desc(encounters.occurredAt), desc(encounters.id));
  const views = (await loadBundles(deps.db.orm, rows)).map((b) => presentEncounter(b, ctx.actor, ruleTimeAt(deps.clock.now())));
  await writeAudit(deps.db.orm, { ...ctx, at: now }, { action: 'encounter.listed', resourceType: 'encounter', siteId: site.id, regionId: site.regionId, details: { day: shown, count: views.length } });
  return views;
}
