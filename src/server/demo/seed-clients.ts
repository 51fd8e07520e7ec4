import { helsinkiDay } from '../../domain/calendar.js';
import { identityCodeCheckCharacter } from '../../domain/clients/identity-code.js';
import type { ProcessEventInput } from '../../domain/clients/process.js';
import type { ContactSource } from '../../domain/clients/process.js';
import type { Actor } from '../policy/policy.js';
import { advanceProcess, createClient, grantConsent, setCareTeam, updateClient } from '../clients/commands.js';
import type { Deps } from '../deps.js';
import { issueInvitation } from '../invitations/commands.js';

/**
 * The demo client's ready invitation: a fixed code, printed when the demo starts and named in the
 * README, so a newcomer can try the client's sign-in at /asiakas. Valid for a year from seeding.
 */
export const DEMO_INVITATION_CODE = 'DEM0-A5AK-A500-0000-0001';
export const DEMO_INVITED_CLIENT = 'Jere Nieminen';

const DAY_MS = 86_400_000;

/** A made-up code with an individual number of 900–999: those are temporary codes, never a real person's. */
const demoCode = (ddmmyy: string, sign: string, n: number) => `${ddmmyy}${sign}${n}${identityCodeCheckCharacter(`${ddmmyy}${n}`)}`;

type DemoClient = {
  name: string;
  code: string | null;
  language: string;
  source: ContactSource;
  isStatutoryGroup: boolean;
  daysAgo: number;
  need: string;
  steps: ProcessEventInput[];
  withNurse?: boolean;
};

// Made-up people in different steps; the contact days are relative to the day the demo is seeded, so
// the worker's home always has something due soon and something overdue.
const demoClients: DemoClient[] = [
  { name: 'Aada Virtanen', code: demoCode('120304', 'A', 901), language: 'fi', source: 'ask_for_help', isStatutoryGroup: true, daysAgo: 2, need: 'Asunto menossa alta, ei tiedä mistä hakea apua.', steps: [] },
  { name: 'Mikko Korhonen', code: demoCode('030798', 'Y', 912), language: 'fi', source: 'referral', isStatutoryGroup: false, daysAgo: 9, need: 'Jälkihuollon päättyminen lähestyy, tarvitsee tukea opiskelun aloittamiseen.', steps: [] },
  { name: 'Sanni Mäkinen', code: null, language: 'sv', source: 'network', isStatutoryGroup: true, daysAgo: 5, need: 'Päiväkeskuksen työntekijä toi yhteydenoton yhdessä asiakkaan kanssa.', steps: [{ type: 'start_assessment' }], withNurse: true },
  { name: 'Jere Nieminen', code: demoCode('211101', 'A', 933), language: 'fi', source: 'self', isStatutoryGroup: false, daysAgo: 60, need: 'Haluaa tukea arjen rytmiin ja ryhmätoimintaan.', steps: [{ type: 'start_assessment' }, { type: 'complete_assessment' }, { type: 'agree_plan' }] },
  {
    name: 'Leena Hämäläinen', code: demoCode('150595', '-', 944), language: 'fi', source: 'notification', isStatutoryGroup: false, daysAgo: 120, need: 'SHL 35 § ilmoitus terveysasemalta.',
    steps: [{ type: 'start_assessment' }, { type: 'complete_assessment' }, { type: 'agree_plan' }, { type: 'end', end: { reason: 'moved_away', handoverMeeting: 'to_be_arranged' } }],
  },
];

/** A few made-up clients of the demo social worker, in different steps of the process (issue 18). */
export async function seedDemoClients(deps: Deps, place: { regionId: string; siteId: string; userIds: Map<string, string> }): Promise<void> {
  const socialWorkerId = place.userIds.get('demo.socialworker');
  const nurseId = place.userIds.get('demo.nurse');
  if (!socialWorkerId || !nurseId) throw new Error('The demo accounts for the clients are missing.');
  const actor: Actor = { userId: socialWorkerId, regionId: place.regionId, displayName: 'Demo Sosiaalityöntekijä', profession: 'social_worker', roles: [{ role: 'professional', siteId: place.siteId }] };
  const ctx = { actor, requestId: null };
  const now = deps.clock.now().getTime();
  for (const c of demoClients) {
    const { clientId } = await createClient(deps, ctx, {
      siteId: place.siteId, name: c.name, ...(c.code ? { identityCode: c.code } : {}), preferredLanguage: c.language, municipalityCode: '698', contactPreference: 'phone', existingClientsChecked: true,
      contact: { source: c.source, at: new Date(now - c.daysAgo * DAY_MS).toISOString(), isStatutoryGroup: c.isStatutoryGroup, need: c.need },
    });
    await updateClient(deps, ctx, clientId, { ownWorkerId: socialWorkerId });
    if (c.withNurse) await setCareTeam(deps, ctx, clientId, [socialWorkerId, nurseId]);
    if (c.steps.length >= 3) await grantConsent(deps, ctx, clientId, { purpose: 'share_plan', grantee: { kind: 'user', id: nurseId }, validFrom: helsinkiDay(deps.clock.now()) });
    for (const step of c.steps) await advanceProcess(deps, ctx, clientId, step);
    if (c.name === DEMO_INVITED_CLIENT) {
      await issueInvitation(deps, { ...ctx, address: 'local' }, { principalKind: 'client', principalId: clientId, demo: { code: DEMO_INVITATION_CODE, days: 365 } });
    }
  }
}
