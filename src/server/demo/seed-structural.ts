import type { ObservationInput } from '../../domain/structural/observations.js';
import { loadActor } from '../auth/actor-repo.js';
import type { Deps } from '../deps.js';
import type { Actor } from '../policy/policy.js';
import { answerObservation, cosignObservation, createObservation } from '../structural/commands.js';
import { linkManager } from '../structural/test-support.js';
import { seedDemoIndicators } from './seed-indicators.js';

const DAY_MS = 86_400_000;

type DemoObservation = Omit<ObservationInput, 'siteId' | 'submit'> & { daysAgo: number; submit: boolean; cosign?: boolean; answer?: { outcome: 'accepted' | 'in_progress'; text: string } };

// Made-up observations of the kind the seeds describe (004:504–520): a phenomenon, the group it affects
// and an estimate, never a client. Dated relative to the seeding day so that one answer is overdue.
const demoObservations: DemoObservation[] = [
  {
    municipalityCode: '698', category: 'housing', categoryOther: null, daysAgo: 50, submit: true, cosign: true,
    description: 'Alle 25-vuotiaille ei löydy pieniä vuokra-asuntoja keskustasta; moni asuu kavereiden luona.',
    affectedGroup: 'Alle 25-vuotiaat asunnottomat', affectedEstimate: 14, sinceMonth: '2026-03',
    proposedAction: 'Kunnan vuokrataloyhtiölle nuorten kiintiö yksiöihin.', addresseeLevel: 'municipality',
    answer: { outcome: 'in_progress', text: 'Asia on viety vuokrataloyhtiön hallitukselle; kiintiöstä päätetään seuraavassa kokouksessa.' },
  },
  {
    municipalityCode: '698', category: 'poverty_income', categoryOther: null, daysAgo: 40, submit: true,
    description: 'Toimeentulotuen päätökset viipyvät, ja ruoka-apuun ohjataan yhä useampi.',
    affectedGroup: 'Työikäiset yksin asuvat', affectedEstimate: 25, sinceMonth: '2026-06',
    proposedAction: 'Yhteinen tapaaminen Kelan kanssa käsittelyaikojen lyhentämiseksi.', addresseeLevel: 'region',
  },
  {
    municipalityCode: '698', category: 'loneliness', categoryOther: null, daysAgo: 3, submit: false,
    description: 'Iltaisin päiväkeskuksen sulkeuduttua monella ei ole paikkaa, jossa tavata muita.',
    affectedGroup: 'Ikääntyvät päiväkeskuksen kävijät', affectedEstimate: null, sinceMonth: null,
    proposedAction: 'Kokeillaan iltaryhmää kerran viikossa.', addresseeLevel: 'unit',
  },
];

/** A few observations by the demo social worker, co-signed by the nurse and partly answered by the manager (issue 20). */
export async function seedDemoObservations(deps: Deps, place: { regionId: string; siteId: string; userIds: Map<string, string> }): Promise<void> {
  // The demo accounts as stored (their roles, names and professions), not a second copy of them here.
  const account = async (name: string): Promise<Actor> => {
    const userId = place.userIds.get(name);
    const actor = userId ? await loadActor(deps.db.orm, userId) : null;
    if (!actor) throw new Error(`The demo account ${name} is missing.`);
    return actor;
  };
  const at = (daysAgo: number): Deps => ({ ...deps, clock: { now: () => new Date(deps.clock.now().getTime() - daysAgo * DAY_MS) } });
  const [worker, nurse, manager, coordinator] = await Promise.all([account('demo.socialworker'), account('demo.nurse'), account('demo.manager'), account('demo.coordinator')]);
  // Managers answer by municipality: the demo manager is Rovaniemi's.
  await linkManager(deps, { userId: manager.userId, municipalityCode: '698', regionId: place.regionId });
  await seedDemoIndicators(deps, coordinator);
  for (const { daysAgo, cosign, answer, ...input } of demoObservations) {
    const created = await createObservation(at(daysAgo), { actor: worker, requestId: null }, { ...input, siteId: place.siteId });
    if (cosign) await cosignObservation(at(daysAgo - 1), { actor: nurse, requestId: null }, created.id);
    if (answer) await answerObservation(at(daysAgo - 10), { actor: manager, requestId: null }, created.id, answer);
  }
}
