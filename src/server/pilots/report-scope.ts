import { phaseTextKey } from '../../domain/pilots.js';
import type { ReportSection } from '../../domain/report.js';
import type { Deps } from '../deps.js';
import { can, type Actor } from '../policy/policy.js';
import { loadPilot } from './commands.js';
import { findPilot, memberIds, phaseEntriesOf } from './repo.js';
import { presentPhases } from './queries.js';

/**
 * What a pilot narrows a report to: its sites the actor may read (pilot.read) and its period. Null when
 * the pilot does not exist, is another region's, or is at none of the actor's sites. A reader who sees
 * only some of the pilot's sites gets those, so the report never reaches beyond what they may read.
 */
export async function pilotScope(deps: Deps, actor: Actor, pilotId: string): Promise<{ siteIds: string[]; from: string; to: string } | null> {
  const pilot = await findPilot(deps.db.orm, pilotId);
  if (!pilot || pilot.regionId !== actor.regionId) return null;
  const siteIds = (await memberIds(deps.db.orm, pilotId, 'sites')).filter((siteId) => can(actor, 'pilot.read', { regionId: pilot.regionId, siteId })).sort();
  if (siteIds.length === 0) return null;
  return { siteIds, from: pilot.startsOn, to: pilot.endsOn };
}

/**
 * The report's pilot section: the latest revision of every answered phase question (keys such as
 * 'start.targetGroup', 'midpoint.2.successes', 'end.decision', in reading order) and the evaluator's
 * 'conclusions' (always present, possibly empty). No tables. Throws 404/403 as GET /api/pilots/:id does.
 */
export async function pilotSection(deps: Deps, actor: Actor, pilotId: string): Promise<ReportSection> {
  const { pilot } = await loadPilot(deps, actor, pilotId, 'read');
  const texts: ReportSection['texts'] = [];
  for (const phase of presentPhases(await phaseEntriesOf(deps.db.orm, [pilotId]))) {
    for (const [field, text] of Object.entries(phase.fields)) {
      if (text !== '') texts.push({ key: phaseTextKey(phase.kind, phase.number, field), text });
    }
  }
  texts.push({ key: 'conclusions', text: pilot.conclusions });
  return { key: 'pilot', tables: [], texts };
}
