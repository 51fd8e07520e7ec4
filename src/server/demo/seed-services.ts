import { helsinkiDay } from '../../domain/calendar.js';
import { loadActor } from '../auth/actor-repo.js';
import type { Deps } from '../deps.js';
import type { RequestContext } from '../http/context.js';
import { createOrganization, createTrayService, publishTrayService } from '../services/commands.js';
import { completeContent } from '../services/test-support.js';

/**
 * The demo's service tray: two published services and one draft, written by the demo manager's unit
 * (adult social work), so that the public catalogue (/palvelut), the HSDS API and the referral targets
 * have something to show. Made-up texts.
 */
export async function seedDemoServices(deps: Deps, place: { regionId: string; userIds: Map<string, string> }): Promise<void> {
  const managerId = place.userIds.get('demo.manager');
  const actor = managerId ? await loadActor(deps.db.orm, managerId) : null;
  if (!actor) throw new Error('The demo manager for the service tray is missing.');
  const now = deps.clock.now();
  const ctx: RequestContext = { actor, principal: actor, requestId: null, now, today: helsinkiDay(now) };
  const organiser = await createOrganization(deps, ctx, { names: { fi: 'Lapin hyvinvointialue', sv: 'Lapplands välfärdsområde', en: 'Lapland wellbeing services county' }, businessId: null, website: '', email: '' });
  const association = await createOrganization(deps, ctx, { names: { fi: 'Rovaniemen kuntoutusyhdistys ry', sv: '', en: '' }, businessId: null, website: '', email: '' });

  const livingRoom = await createTrayService(deps, ctx, { content: completeContent(organiser.id, { producerIds: [association.id], access: { howToGetIn: { fi: 'Tule paikalle aukioloaikana, ajanvarausta ei tarvita.', sv: 'Kom under öppettiderna, ingen tidsbokning behövs.', en: 'Come during opening hours; no appointment needed.' }, selfReferral: true, allMunicipalities: true, municipalityCodes: [] } }) });
  await publishTrayService(deps, ctx, livingRoom.id, { version: 1 });

  const coaching = await createTrayService(deps, ctx, {
    content: completeContent(organiser.id, {
      names: { fi: 'Arjen taitojen valmennus', sv: 'Träning i vardagsfärdigheter', en: 'Everyday skills coaching' },
      categories: ['life_management_coaching', 'functioning_assessment'],
      contacts: [{ kind: 'phone', value: '016 000 0000', label: { fi: 'Sosiaaliohjaus', sv: 'Socialhandledning', en: 'Social guidance' } }, { kind: 'email', value: 'sosiaaliohjaus@example.invalid', label: { fi: '', sv: '', en: '' } }],
      description: { fi: 'Yksilöllistä valmennusta kotona ja asioinnissa: raha-asiat, ruoka, päivärytmi.', sv: 'Individuell träning hemma och i ärenden: pengar, mat, dygnsrytm.', en: 'Individual coaching at home and on errands: money, food, daily rhythm.' },
      access: { howToGetIn: { fi: 'Sosiaalityöntekijä tai sosiaaliohjaaja ohjaa palveluun palvelutarpeen arvioinnin jälkeen.', sv: '', en: '' }, selfReferral: false, allMunicipalities: false, municipalityCodes: ['698'] },
      results: { fi: 'Vuonna 2025 valmennukseen osallistui 40 asiakasta; 28 arvioi arjen sujuvan paremmin.', sv: '', en: '' },
      resultsNoDataYet: false,
      placesAvailable: { count: 3, asOf: ctx.today, note: { fi: '', sv: '', en: '' } },
    }),
  });
  await publishTrayService(deps, ctx, coaching.id, { version: 1 });

  await createTrayService(deps, ctx, { content: { names: { fi: 'Vertaisryhmä (luonnos)', sv: '', en: '' }, categories: ['group_activity'] } });
}
