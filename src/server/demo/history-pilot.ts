import { addDays } from '../../domain/calendar.js';
import { pilotInputSchema, pilotPhaseInputSchema } from '../../domain/pilots.js';
import type { Deps } from '../deps.js';
import { createPilot, savePhase, updatePilot } from '../pilots/commands.js';
import type { HistoryWindow } from './history-sessions.js';
import { clockAt, ctxOf, helsinkiAt, workdayOnOrBefore, type DemoActors } from './history-support.js';

export const DEMO_PILOT_NAME = 'Sairaanhoitajan ja sosiaalityöntekijän yhteisvastaanotto';

/**
 * The demo's pilot: the nurse's and the social worker's joint reception at the day centre, planned a
 * week before the history starts and running a month past today. The coordinator wrote the start phase
 * when it was planned and the midpoint evaluation about six weeks ago; the end phase is still to come.
 */
export async function seedPilot(deps: Deps, window: HistoryWindow, siteId: string, actors: DemoActors, serviceIds: Map<string, string>): Promise<string> {
  const ctx = ctxOf(actors.coordinator);
  const planned = workdayOnOrBefore(addDays(window.start, -7));
  const services = ['health_station', 'social_guidance', 'substance_services', 'kela'].map((code) => serviceIds.get(code)).filter((id): id is string => id !== undefined);
  const input = pilotInputSchema.parse({
    name: DEMO_PILOT_NAME,
    description: 'Sairaanhoitaja ja sosiaalityöntekijä ovat päiväkeskuksessa yhtä aikaa. Kävijä voi puhua terveydestä ja toimeentulosta samalla käynnillä ilman ajanvarausta.',
    goals: 'Kävijät ohjautuvat terveys- ja sosiaalipalveluihin matalalla kynnyksellä. Palveluohjaus tapahtuu samalla käynnillä, eikä kävijää lähetetä kahteen paikkaan.',
    siteIds: [siteId],
    startsOn: window.start,
    endsOn: addDays(window.today, 30),
    serviceIds: services,
    professionalIds: [actors.nurse.userId, actors.socialWorker.userId],
  });
  const pilot = await createPilot(clockAt(deps, helsinkiAt(planned, '10:00')), ctx, input);
  await savePhase(clockAt(deps, helsinkiAt(planned, '11:30')), ctx, pilot.id, pilotPhaseInputSchema.parse({
    kind: 'start',
    fields: {
      targetGroup: 'Päiväkeskuksen kävijät, joilla on huolia sekä terveydestä että toimeentulosta tai asumisesta. Myös ne, jotka eivät ole minkään palvelun asiakkaita.',
      problem: 'Kävijät eivät hakeudu terveysasemalle tai sosiaalitoimistoon. Ohjaus kahteen eri paikkaan katkeaa helposti matkalla.',
      description: 'Sairaanhoitaja on päiväkeskuksessa tiistaiaamuisin ja sosiaalityöntekijä kerran kuussa samaan aikaan. Kävijä voi tulla juttelemaan ilman ajanvarausta. Tarvittaessa tehdään yhteinen ohjaus palveluun.',
      resources: 'Sairaanhoitajalta 3 tuntia viikossa ja sosiaalityöntekijältä 4 tuntia kuukaudessa. Rauhallinen huone päiväkeskuksesta. Kannettava tietokone, jolla pääsee asiakastietojärjestelmään.',
      expectationsPositive: 'Tavoitetaan ihmisiä, jotka eivät muuten hakeudu palveluihin. Ohjaukset toteutuvat, kun asiat hoidetaan yhdessä. Yhteistyö päiväkeskuksen ohjaajien kanssa tiivistyy.',
      expectationsNegative: 'Kävijöitä voi tulla vähän, jos vastaanotosta ei tiedetä. Odotustilassa ei voi puhua luottamuksellisista asioista.',
      evaluationMethod: 'Kohtaamiset ammattilaisen tuntia kohden, uudet ja toistuvat kävijät, ohjausten määrä ja kuinka moni ohjaus toteutui. Kävijäpalaute ja henkilöstön kokemukset.',
    },
  }));
  const midpointDay = workdayOnOrBefore(addDays(window.today, -42));
  await savePhase(clockAt(deps, helsinkiAt(midpointDay, '14:00')), ctx, pilot.id, pilotPhaseInputSchema.parse({
    kind: 'midpoint',
    fields: {
      targetGroupReached: 'Osittain. Vakiokävijät ovat löytäneet vastaanoton hyvin, mutta ensimmäistä kertaa tulevia on vähemmän kuin odotettiin.',
      reachedInstead: 'Päiväkeskuksen ohjaajat ovat tuoneet kävijöitä vastaanotolle. Myös ohjaajien oma tieto palveluista on lisääntynyt.',
      overallEvaluation: 'Toiminta on lähtenyt hyvin käyntiin. Yhteisissä kohtaamisissa moni asia on saatu hoidettua samalla kertaa.',
      otherNeeds: 'Oma rauhallinen huone jokaiselle vastaanottokerralle. Tulostettavat ohjauslaput palveluihin.',
      successes: 'Ohjaukset terveysasemalle ja Kelaan ovat toteutuneet hyvin. Kävijät kertovat, että asioiminen on helpompaa tutussa paikassa.',
      failures: 'Aamupäivät ovat hiljaisia. Sosiaalityöntekijän kerran kuussa oleva käynti on jäänyt kävijöille epäselväksi.',
      changes: 'Vastaanotto siirretään alkamaan myöhemmin aamulla. Sosiaalityöntekijän käynneistä tiedotetaan julisteella ja päiväkeskuksen aamupalaverissa.',
    },
  }));
  // The coordinator's notes so far; the final conclusions come with the end phase.
  await updatePilot(clockAt(deps, helsinkiAt(midpointDay, '14:30')), ctx, pilot.id, {
    conclusions: 'Väliarvion perusteella jatketaan muutettuna: aika myöhemmäksi ja tiedotusta lisää. Lopullinen arvio tehdään kokeilun päätyttyä lukujen ja palautteen pohjalta.',
  });
  return pilot.id;
}
