import { latestPhase, phaseOrder, phaseQuestions, type PhaseEntryView, type PilotDecision, type PilotDetail, type PilotSummary } from '../../domain/pilots.js';
import { helsinkiDay } from '../../domain/calendar.js';
import type { Deps } from '../deps.js';
import type { Actor } from '../policy/policy.js';
import { canReadPilot, loadPilot } from './commands.js';
import { phaseEntriesOf, pilotsOfRegion, professionalsOfPilot, servicesOfPilot, sitesOfPilots, type PhaseEntryRow, type PilotRow, type PilotSite } from './repo.js';

/** The answers in the order the form asks them (jsonb keeps its own key order), then the decision. */
function orderedFields(kind: PhaseEntryRow['kind'], fields: Record<string, string>): Record<string, string> {
  const keys: string[] = [...phaseQuestions[kind], ...(kind === 'end' ? ['decision'] : [])];
  return Object.fromEntries(keys.filter((k) => typeof fields[k] === 'string').map((k) => [k, fields[k]!]));
}

/** Each phase entry's latest revision, with who saved which revision when, in reading order. */
export function presentPhases(rows: PhaseEntryRow[]): PhaseEntryView[] {
  const byEntry = new Map<string, PhaseEntryRow[]>();
  for (const row of rows) {
    const key = `${row.kind}:${row.number}`;
    byEntry.set(key, [...(byEntry.get(key) ?? []), row]);
  }
  const views = [...byEntry.values()].map((revisions) => {
    const sorted = [...revisions].sort((a, b) => a.revision - b.revision);
    const last = sorted.at(-1)!;
    return {
      kind: last.kind,
      number: last.number,
      revision: last.revision,
      fields: orderedFields(last.kind, last.fields),
      savedAt: last.savedAt.toISOString(),
      heldOn: last.heldOn ?? helsinkiDay(last.savedAt),
      authorId: last.authorId,
      authorName: last.authorName,
      revisions: sorted.map((r) => ({ revision: r.revision, savedAt: r.savedAt.toISOString(), authorName: r.authorName })),
    };
  });
  return views.sort(phaseOrder);
}

const decisionOf = (phases: PhaseEntryView[]): PilotDecision | null => (phases.find((p) => p.kind === 'end')?.fields.decision as PilotDecision | undefined) ?? null;

function summaryOf(pilot: PilotRow, sites: PilotSite[], phases: PhaseEntryView[]): PilotSummary {
  return { id: pilot.id, name: pilot.name, sites, startsOn: pilot.startsOn, endsOn: pilot.endsOn, latestPhase: latestPhase(phases), decision: decisionOf(phases) };
}

/** The region's pilots at one of the reader's sites at least, by start date. */
export async function listPilots(deps: Deps, actor: Actor): Promise<PilotSummary[]> {
  const all = await pilotsOfRegion(deps.db.orm, actor.regionId);
  const sites = await sitesOfPilots(deps.db.orm, all.map((p) => p.id));
  const readable = all.filter((p) => canReadPilot(actor, p.regionId, (sites.get(p.id) ?? []).map((s) => s.id)));
  const entries = await phaseEntriesOf(deps.db.orm, readable.map((p) => p.id));
  return readable.map((p) => summaryOf(p, sites.get(p.id) ?? [], presentPhases(entries.filter((e) => e.pilotId === p.id))));
}

export async function getPilotDetail(deps: Deps, actor: Actor, pilotId: string): Promise<PilotDetail> {
  const { pilot } = await loadPilot(deps, actor, pilotId, 'read');
  const ex = deps.db.orm;
  const sites = (await sitesOfPilots(ex, [pilotId])).get(pilotId) ?? [];
  const phases = presentPhases(await phaseEntriesOf(ex, [pilotId]));
  const services = (await servicesOfPilot(ex, pilotId)).map((s) => ({ id: s.id, code: s.code, names: { fi: s.nameFi, sv: s.nameSv, en: s.nameEn } }));
  return {
    ...summaryOf(pilot, sites, phases),
    description: pilot.description,
    goals: pilot.goals,
    services,
    professionals: await professionalsOfPilot(ex, pilotId),
    conclusions: pilot.conclusions,
    phases,
    createdAt: pilot.createdAt.toISOString(),
    updatedAt: pilot.updatedAt.toISOString(),
  };
}
