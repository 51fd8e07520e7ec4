import type { Locale } from '../org.js';

/**
 * Phenomenon categories of a structural social work observation: the task field of adult social work
 * as THL (Terveyden ja hyvinvoinnin laitos) defines it, as printed in the seeds ("Aikuissosiaalityön
 * tehtäväkenttä on THL:n määrityksen mukaan seuraava", seeds/004:483–497; requirements-phase2 § 8.5),
 * plus "other" with a short free-text name. The Finnish labels are THL's words; the Swedish and English
 * ones are our translations.
 */
export const observationCategories = [
  'everyday_life',
  'housing',
  'poverty_income',
  'substance_mental_health',
  'exclusion_participation',
  'unemployment_consequences',
  'loneliness',
  'other',
] as const;
export type ObservationCategory = (typeof observationCategories)[number];

export const categoryLabels: Record<ObservationCategory, Record<Locale, string>> = {
  everyday_life: { fi: 'Arkielämän hallinta', sv: 'Att klara vardagen', en: 'Managing everyday life' },
  housing: { fi: 'Asuminen ja asunnottomuus', sv: 'Boende och bostadslöshet', en: 'Housing and homelessness' },
  poverty_income: { fi: 'Köyhyys ja toimeentulo-ongelmat', sv: 'Fattigdom och problem med försörjningen', en: 'Poverty and income problems' },
  substance_mental_health: { fi: 'Päihde- ja mielenterveysongelmat', sv: 'Missbruk och psykisk ohälsa', en: 'Substance use and mental health problems' },
  exclusion_participation: { fi: 'Syrjäytyminen ja osallisuus', sv: 'Utanförskap och delaktighet', en: 'Social exclusion and participation' },
  unemployment_consequences: { fi: 'Työttömyyden yksilölliset seuraukset', sv: 'Arbetslöshetens individuella följder', en: 'Individual consequences of unemployment' },
  loneliness: { fi: 'Yksinäisyys', sv: 'Ensamhet', en: 'Loneliness' },
  other: { fi: 'Muu', sv: 'Annat', en: 'Other' },
};

/** Source line shown with the list (the form and the printed report cite it). */
export const categorySource: Record<Locale, string> = {
  fi: 'Luokitus: aikuissosiaalityön tehtäväkenttä THL:n määrityksen mukaan',
  sv: 'Klassificering: vuxensocialarbetets uppgiftsfält enligt THL',
  en: 'Classification: the task field of adult social work as defined by THL',
};

export function categoryLabel(category: ObservationCategory, other: string | null, locale: Locale): string {
  return category === 'other' && other ? `${categoryLabels.other[locale]}: ${other}` : categoryLabels[category][locale];
}
