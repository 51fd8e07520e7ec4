import type { MunicipalityInput } from '../../domain/municipalities.js';

/**
 * The 21 municipalities of the Wellbeing Services County of Lapland (the demo region), with their
 * Statistics Finland codes. Four have a Swedish name of their own; the others are the same in all three.
 */
const lapland: [code: string, fi: string, sv?: string][] = [
  ['047', 'Enontekiö', 'Enontekis'],
  ['148', 'Inari', 'Enare'],
  ['240', 'Kemi'],
  ['241', 'Keminmaa'],
  ['261', 'Kittilä'],
  ['273', 'Kolari'],
  ['320', 'Kemijärvi'],
  ['498', 'Muonio'],
  ['583', 'Pelkosenniemi'],
  ['614', 'Posio'],
  ['683', 'Ranua'],
  ['698', 'Rovaniemi'],
  ['732', 'Salla'],
  ['742', 'Savukoski'],
  ['751', 'Simo'],
  ['758', 'Sodankylä'],
  ['845', 'Tervola'],
  ['851', 'Tornio', 'Torneå'],
  ['854', 'Pello'],
  ['890', 'Utsjoki'],
  ['976', 'Ylitornio', 'Övertorneå'],
];

export const laplandMunicipalities: MunicipalityInput[] = lapland.map(([code, fi, sv]) => ({ code, names: { fi, sv: sv ?? fi, en: fi } }));
