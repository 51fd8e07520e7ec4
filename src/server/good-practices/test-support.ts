import type { GoodPracticeInput } from '../../domain/good-practices.js';

/** A complete description (all seven answers), with no pilot or services unless given. */
export const goodPracticeBody = (title: string, extra: Partial<GoodPracticeInput> = {}): GoodPracticeInput => ({
  title,
  organisation: 'Raision kaupunki',
  author: 'Aikuissosiaalityön tiimi',
  describedOn: '2026-01-10',
  language: 'fi',
  answers: {
    model: 'Matalan kynnyksen kohtaamispaikka, jossa sosiaaliohjaaja on paikalla kahtena päivänä viikossa.',
    benefits: 'Asiakkaat tavoittavat työntekijän ilman ajanvarausta.',
    challenges: 'Työntekijän aika riittää huonosti ruuhkapäivinä.',
    regionWide: 'Malli sopii jokaiseen kuntaan, jossa on päiväkeskus tai vastaava tila.',
    improvements: 'Yhteydenotto sosiaalityöhön pitää tehdä helpommaksi.',
    clientExample: 'Asiakas tuli kahville ja sai samalla apua asumistuen hakemiseen.',
    supportsClientWork: 'Luottamus syntyy arjessa, mikä helpottaa myöhempää asiakastyötä.',
  },
  ...extra,
});
