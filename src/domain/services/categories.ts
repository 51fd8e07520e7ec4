import type { Locale } from '../org.js';

/**
 * The tray's first level: the five measures of social rehabilitation in the Social Welfare Act
 * (1301/2014) 17 §, as the Raahe tray (LIITE 1) labels them. Codes are stable: the HSDS taxonomy,
 * the public pages' addresses and stored descriptions use them.
 */
export const trayCategories = [
  'functioning_assessment',
  'rehabilitation_guidance',
  'life_management_coaching',
  'group_activity',
  'other_measures',
] as const;
export type TrayCategory = (typeof trayCategories)[number];

/** The categories' names: the seed's diagram labels in Finnish, translated. Data, not interface text. */
export const trayCategoryNames: Record<TrayCategory, Record<Locale, string>> = {
  functioning_assessment: {
    fi: 'Sosiaalisen toimintakyvyn ja kuntoutustarpeen selvittäminen',
    sv: 'Utredning av social funktionsförmåga och rehabiliteringsbehov',
    en: 'Exploring social functioning and the need for rehabilitation',
  },
  rehabilitation_guidance: {
    fi: 'Kuntoutusneuvonta ja -ohjaus sekä palveluiden yhteensovittaminen',
    sv: 'Rehabiliteringsrådgivning och -handledning samt samordning av tjänster',
    en: 'Rehabilitation counselling and guidance, and coordinating services',
  },
  life_management_coaching: {
    fi: 'Elämänhallinnan ja arkipäivän toiminnan valmennus',
    sv: 'Träning i livskompetens och vardagliga sysslor',
    en: 'Coaching in life management and everyday activities',
  },
  group_activity: {
    fi: 'Ryhmätoiminta ja tuki sosiaalisiin vuorovaikutussuhteisiin',
    sv: 'Gruppverksamhet och stöd i sociala relationer',
    en: 'Group activity and support in social relationships',
  },
  other_measures: {
    fi: 'Muut sosiaalista kuntoutumista edistävät toimenpiteet',
    sv: 'Andra åtgärder som främjar social rehabilitering',
    en: 'Other measures that promote social rehabilitation',
  },
};

export const isTrayCategory = (value: string): value is TrayCategory => (trayCategories as readonly string[]).includes(value);
