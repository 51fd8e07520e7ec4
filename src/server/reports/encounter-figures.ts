import { ageBands } from '../../domain/code-lists.js';
import { professions } from '../../domain/org.js';
import type { ReportSection } from '../../domain/report.js';
import type { RollupFigures } from './rollups/read.js';
import { column, ratio, row, shareTable, table } from './tables.js';

export type EncounterTotals = {
  meetings: number;
  contacts: number;
  joint: number;
  anonymous: number;
  urgent: number;
  first: number;
  repeat: number;
};

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const ENCOUNTER_TOTALS = ['meetings', 'contacts', 'joint', 'anonymous', 'urgent', 'first', 'repeat'] as const;

/** Meetings, contacts (a joint meeting once per professional) and the visit kinds, from the rollups. */
export function encounterTotals(figures: RollupFigures): EncounterTotals {
  return Object.fromEntries(ENCOUNTER_TOTALS.map((key) => [key, figures.get('enc', key)])) as EncounterTotals;
}

/**
 * Overview, professionals, visits and age bands, from the scope's summed rollups. `receptionHours` (how
 * long the held sessions were open, from the base tables: profession-facts.ts) is a figure of its own
 * beside the professional hours (issue 16 item 5).
 */
export function encounterSections(figures: RollupFigures, receptionHours: number | null = null): { sections: ReportSection[]; totals: EncounterTotals } {
  const totals = encounterTotals(figures);
  const held = { sessions: figures.get('sess', 'held'), hours: figures.get('sess', 'hours_x100') / 100 };
  const professionsSeen = new Map(professions.map((p) => [p, { meetings: figures.get('prof_m', p), contacts: figures.get('prof_c', p) }]));
  const ages = new Map(ageBands.map((band) => [band, figures.get('age', band)]));
  const overview = table(
    'overview.figures',
    [column('sessionsHeld', 'measure'), column('professionalHours', 'measure'), column('meetings', 'count'), column('professionalContacts', 'count'), column('contactsPerProfessionalHour', 'mean'), column('receptionHours', 'measure'), column('contactsPerReceptionHour', 'mean')],
    [row('all', [held.sessions, held.hours, totals.meetings, totals.contacts, ratio(totals.contacts, held.hours), receptionHours, receptionHours === null ? null : ratio(totals.contacts, receptionHours)])],
  );
  const professionTable = table(
    'professionals.byProfession',
    [column('meetings', 'count'), column('contacts', 'count')],
    professions.map((p) => row(p, [professionsSeen.get(p)?.meetings ?? 0, professionsSeen.get(p)?.contacts ?? 0])),
    // The column sums, so that suppression protects a hidden profession against the overview's contacts.
    { totals: [sum(professions.map((p) => professionsSeen.get(p)?.meetings ?? 0)), sum(professions.map((p) => professionsSeen.get(p)?.contacts ?? 0))] },
  );
  const jointOrSingle = table('professionals.jointOrSingle', [column('meetings', 'count')], [row('single', [totals.meetings - totals.joint]), row('joint', [totals.joint])], { totals: [totals.meetings] });
  const unknown = totals.meetings - totals.first - totals.repeat;
  return {
    totals,
    sections: [
      { key: 'overview', tables: [overview], texts: [] },
      { key: 'professionals', tables: [professionTable, jointOrSingle], texts: [] },
      {
        key: 'visits',
        tables: [
          shareTable('visits.firstOrRepeat', [{ key: 'first', count: totals.first }, { key: 'repeat', count: totals.repeat }, { key: 'unknown', count: unknown }]),
          shareTable('visits.anonymousOrCoded', [{ key: 'anonymous', count: totals.anonymous }, { key: 'coded', count: totals.meetings - totals.anonymous }], 'share'),
          shareTable('visits.urgency', [{ key: 'urgent', count: totals.urgent }, { key: 'not_urgent', count: totals.meetings - totals.urgent }]),
        ],
        texts: [],
      },
      { key: 'ageBands', tables: [shareTable('ageBands.counts', ageBands.map((band) => ({ key: band, count: ages.get(band) ?? 0 })))], texts: [] },
    ],
  };
}
