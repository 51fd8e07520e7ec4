import type { FeedbackAudience, FeedbackFormContent, FeedbackItemInput } from '../../domain/feedback.js';

/**
 * The five forms every region starts with (issue 4). The two client forms carry the Rovaniemi pilot's
 * statements word for word (domain.md § 4.7); coordinators edit them from there, which makes new versions.
 */
export type FormTemplate = { key: string; audience: FeedbackAudience; content: FeedbackFormContent };

type T = { fi: string; sv: string; en: string };
const agree = (text: T, allowsNotApplicable = true): FeedbackItemInput => ({ kind: 'agreement', text, allowsNotApplicable });
const open = (text: T): FeedbackItemInput => ({ kind: 'open_text', text });
const noIntro = { fi: '', sv: '', en: '' };

const pilotMeeting: FormTemplate = {
  key: 'pilot_meeting',
  audience: 'visitor',
  content: {
    name: { fi: 'Palaute tapaamisesta sairaanhoitajan tai sosiaalityöntekijän kanssa', sv: 'Respons på mötet med sjukskötaren eller socialarbetaren', en: 'Feedback on meeting the nurse or social worker' },
    intro: { fi: 'Vastaa nimettömästi. Voit jättää kohdan tyhjäksi.', sv: 'Svara anonymt. Du kan lämna en fråga tom.', en: 'Your answers are anonymous. You can skip any question.' },
    items: [
      agree({ fi: 'Sain apua tästä tapaamisesta', sv: 'Jag fick hjälp av det här mötet', en: 'I got help from this meeting' }),
      agree({ fi: 'Minulle jäi tunne, että minusta välitettiin kokonaisvaltaisesti', sv: 'Jag fick känslan av att man brydde sig om mig som helhet', en: 'I felt that I was cared for as a whole person' }),
      agree({ fi: 'Hoitoani / asiaani koskevat päätökset tehtiin yhteistyössä kanssani', sv: 'Besluten om min vård / mitt ärende fattades tillsammans med mig', en: 'Decisions about my care / my matter were made together with me' }),
      agree({ fi: 'Koin tapaamisen ilmapiirin turvalliseksi ja ystävälliseksi', sv: 'Jag upplevde stämningen under mötet som trygg och vänlig', en: 'I felt the atmosphere of the meeting was safe and friendly' }),
      agree({ fi: 'Saamani tieto hoidosta / palvelusta oli ymmärrettävää', sv: 'Informationen jag fick om vården / tjänsten var lätt att förstå', en: 'The information I got about care / the service was easy to understand' }),
      agree({ fi: 'Sain selkeät ohjeet, miten toimia käynnin jälkeen', sv: 'Jag fick tydliga anvisningar om vad jag ska göra efter besöket', en: 'I got clear instructions on what to do after the visit' }),
      agree({ fi: 'Asiani olisi jäänyt hoitamatta ilman tätä tapaamista', sv: 'Mitt ärende hade blivit oskött utan det här mötet', en: 'My matter would have been left undone without this meeting' }),
      agree({ fi: 'Koin hyödylliseksi, että sosiaalityöntekijä pitää vastaanottoa päiväkeskuksella', sv: 'Jag tycker att det är till nytta att socialarbetaren har mottagning på dagcentret', en: 'I find it useful that the social worker holds a reception at the day centre' }),
      agree({ fi: 'Koin hyödylliseksi, että sairaanhoitaja pitää vastaanottoa päiväkeskuksella', sv: 'Jag tycker att det är till nytta att sjukskötaren har mottagning på dagcentret', en: 'I find it useful that the nurse holds a reception at the day centre' }),
    ],
  },
};

const pilotGroup: FormTemplate = {
  key: 'pilot_group',
  audience: 'visitor',
  content: {
    name: { fi: 'Palaute ryhmästä', sv: 'Respons på gruppen', en: 'Feedback on the group' },
    intro: { fi: 'Vastaa nimettömästi. Voit jättää kohdan tyhjäksi.', sv: 'Svara anonymt. Du kan lämna en fråga tom.', en: 'Your answers are anonymous. You can skip any question.' },
    items: [
      agree({ fi: 'Sain ryhmästä tietoa ja tukea arkeeni', sv: 'Jag fick information och stöd för min vardag av gruppen', en: 'The group gave me information and support for my everyday life' }),
      agree({ fi: 'Ryhmästä oli minulle hyötyä', sv: 'Gruppen var till nytta för mig', en: 'The group was useful to me' }),
      agree({ fi: 'Aihe oli mielenkiintoinen', sv: 'Ämnet var intressant', en: 'The topic was interesting' }),
      agree({ fi: 'Ryhmän vetäjät olivat ystävällisiä ja kiinnostuneita', sv: 'Gruppens ledare var vänliga och intresserade', en: 'The group leaders were friendly and interested' }),
      agree({ fi: 'Koin ryhmätoiminnan ilmapiirin turvalliseksi ja ystävälliseksi', sv: 'Jag upplevde stämningen i gruppen som trygg och vänlig', en: 'I felt the atmosphere of the group was safe and friendly' }),
      agree({ fi: 'Kokemus- ja vertaistoimijan läsnäolo oli tärkeää', sv: 'Det var viktigt att en erfarenhets- och kamratstödsperson var med', en: 'It was important that a peer and lived-experience worker was there' }),
      { kind: 'recommendation', scaleMin: 1, text: { fi: 'Suosittelisitko ryhmää muille?', sv: 'Skulle du rekommendera gruppen till andra?', en: 'Would you recommend the group to others?' } },
    ],
  },
};

const staffOutreach: FormTemplate = {
  key: 'staff_outreach',
  audience: 'staff',
  content: {
    name: { fi: 'Työntekijäpalaute: jalkautuva ammattilainen', sv: 'Personalrespons: uppsökande yrkesperson', en: 'Staff feedback: outreach professional' },
    intro: noIntro,
    items: [
      agree({ fi: 'Jalkautuminen oli työni kannalta hyödyllistä', sv: 'Det uppsökande arbetet var till nytta för mitt arbete', en: 'Outreach was useful for my work' }),
      agree({ fi: 'Tavoitin asiakkaita, joita en muuten olisi tavoittanut', sv: 'Jag nådde klienter som jag annars inte skulle ha nått', en: 'I reached clients I would not have reached otherwise' }),
      agree({ fi: 'Yhteistyö päiväkeskuksen henkilökunnan kanssa sujui hyvin', sv: 'Samarbetet med dagcentrets personal fungerade bra', en: 'Working with the day-centre staff went well' }),
      agree({ fi: 'Tila ja järjestelyt sopivat vastaanoton pitämiseen', sv: 'Lokalen och arrangemangen passade för mottagningen', en: 'The room and arrangements suited the reception' }),
      open({ fi: 'Mikä toimi hyvin?', sv: 'Vad fungerade bra?', en: 'What worked well?' }),
      open({ fi: 'Mitä pitäisi muuttaa?', sv: 'Vad borde ändras?', en: 'What should change?' }),
      open({ fi: 'Mitä muuta haluat sanoa?', sv: 'Vad vill du säga mer?', en: 'Anything else you want to say?' }),
    ],
  },
};

const staffDayCentre: FormTemplate = {
  key: 'staff_daycentre',
  audience: 'staff',
  content: {
    name: { fi: 'Työntekijäpalaute: päiväkeskuksen henkilökunta', sv: 'Personalrespons: dagcentrets personal', en: 'Staff feedback: day-centre staff' },
    intro: noIntro,
    items: [
      agree({ fi: 'Jalkautuvien ammattilaisten käynnit hyödyttivät kävijöitä', sv: 'De uppsökande yrkespersonernas besök var till nytta för besökarna', en: 'The outreach professionals’ visits benefited the visitors' }),
      agree({ fi: 'Kävijöiden oli helppo mennä juttelemaan ammattilaisten kanssa', sv: 'Det var lätt för besökarna att gå och prata med yrkespersonerna', en: 'It was easy for visitors to go and talk with the professionals' }),
      agree({ fi: 'Yhteistyö jalkautuvien ammattilaisten kanssa sujui hyvin', sv: 'Samarbetet med de uppsökande yrkespersonerna fungerade bra', en: 'Working with the outreach professionals went well' }),
      agree({ fi: 'Jalkautuminen sopi päiväkeskuksen arkeen', sv: 'Det uppsökande arbetet passade in i dagcentrets vardag', en: 'Outreach fitted into the day centre’s everyday life' }),
      open({ fi: 'Mitä kävijät ovat kertoneet jalkautumisesta?', sv: 'Vad har besökarna berättat om det uppsökande arbetet?', en: 'What have visitors said about the outreach?' }),
      open({ fi: 'Mitä pitäisi muuttaa?', sv: 'Vad borde ändras?', en: 'What should change?' }),
      open({ fi: 'Mitä muuta haluat sanoa?', sv: 'Vad vill du säga mer?', en: 'Anything else you want to say?' }),
    ],
  },
};

const referralFollowUp: FormTemplate = {
  key: 'referral_follow_up',
  audience: 'visitor',
  content: {
    name: { fi: 'Pääsitkö palveluun?', sv: 'Kom du till tjänsten?', en: 'Did you get to the service?' },
    intro: { fi: 'Vastaa nimettömästi. Voit jättää kohdan tyhjäksi.', sv: 'Svara anonymt. Du kan lämna en fråga tom.', en: 'Your answers are anonymous. You can skip any question.' },
    items: [
      {
        kind: 'single_choice',
        text: { fi: 'Pääsitkö palveluun, johon sinut ohjattiin?', sv: 'Kom du till den tjänst som du hänvisades till?', en: 'Did you get to the service you were referred to?' },
        options: [
          { key: 'yes', fi: 'Kyllä', sv: 'Ja', en: 'Yes' },
          { key: 'not_yet', fi: 'En vielä, mutta minulla on aika', sv: 'Inte än, men jag har en tid', en: 'Not yet, but I have an appointment' },
          { key: 'no', fi: 'En', sv: 'Nej', en: 'No' },
        ],
      },
      {
        kind: 'multiple_choice',
        text: { fi: 'Jos et päässyt, mikä esti?', sv: 'Om du inte kom dit, vad hindrade dig?', en: 'If you did not get there, what stopped you?' },
        options: [
          { key: 'no_appointment', fi: 'En saanut aikaa', sv: 'Jag fick ingen tid', en: 'I could not get an appointment' },
          { key: 'too_hard', fi: 'Asiointi tuntui liian vaikealta', sv: 'Det kändes för svårt att uträtta ärendet', en: 'It felt too hard to deal with' },
          { key: 'forgot', fi: 'Unohdin tai en jaksanut', sv: 'Jag glömde eller orkade inte', en: 'I forgot or did not have the energy' },
          { key: 'not_needed', fi: 'En tarvinnut palvelua enää', sv: 'Jag behövde inte tjänsten längre', en: 'I no longer needed the service' },
          { key: 'other', fi: 'Jokin muu syy', sv: 'Någon annan orsak', en: 'Some other reason' },
        ],
      },
      agree({ fi: 'Sain palvelusta apua asiaani', sv: 'Jag fick hjälp med mitt ärende av tjänsten', en: 'The service helped me with my matter' }),
      open({ fi: 'Mitä muuta haluat kertoa?', sv: 'Vad vill du berätta mer?', en: 'Anything else you want to tell us?' }),
    ],
  },
};

export const formTemplates: readonly FormTemplate[] = [pilotMeeting, pilotGroup, staffOutreach, staffDayCentre, referralFollowUp];
