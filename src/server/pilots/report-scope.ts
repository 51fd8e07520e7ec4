import type { ReportSection } from '../../domain/report.js';
import type { Deps } from '../deps.js';
import type { Actor } from '../policy/policy.js';

/** What a pilot narrows a report to (placeholder: being built). Null when the pilot does not exist for the actor. */
export async function pilotScope(_deps: Deps, _actor: Actor, _pilotId: string): Promise<{ siteIds: string[]; from: string; to: string } | null> {
  return null;
}

/** The report's pilot section: evaluation phases and the evaluator's conclusions (placeholder). */
export async function pilotSection(_deps: Deps, _actor: Actor, _pilotId: string): Promise<ReportSection> {
  return { key: 'pilot', tables: [], texts: [] };
}
