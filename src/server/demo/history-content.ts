import type { AgeBand, Gender, Register } from '../../domain/code-lists.js';
import type { ReferralWay } from '../../domain/outreach.js';
import type { Random } from './history-support.js';

/**
 * What a made-up encounter contains: needs, the support that fits them, and where the visitor was
 * referred. The weights follow the Rovaniemi pilot's picture: blood pressure and general health for
 * the nurse, Kela, housing and money for the social worker.
 */

type Need = { code: string; weight: number; support: string[]; services: string[] };

const healthNeeds: Need[] = [
  { code: 'blood_pressure', weight: 9, support: ['measured_bp_sugar', 'home_follow_up', 'lifestyle_guidance'], services: ['health_station'] },
  { code: 'general_health', weight: 8, support: ['encouraged_contact', 'lifestyle_guidance', 'follow_up_plan'], services: ['health_station'] },
  { code: 'blood_sugar', weight: 5, support: ['measured_bp_sugar', 'lifestyle_guidance', 'blood_test_referral'], services: ['health_station'] },
  { code: 'wound_care', weight: 5, support: ['wound_instructions', 'follow_up_plan'], services: ['health_station'] },
  { code: 'prescriptions', weight: 4, support: ['e_contact_together', 'encouraged_contact'], services: ['health_station'] },
  { code: 'booking_appointment', weight: 4, support: ['e_contact_together', 'encouraged_contact'], services: ['health_station'] },
  { code: 'alcohol_use', weight: 3, support: ['lifestyle_guidance', 'follow_up_plan'], services: ['addiction_clinic', 'substance_services'] },
  { code: 'blood_test_results', weight: 3, support: ['encouraged_contact', 'blood_test_referral'], services: ['health_station'] },
  { code: 'muscle_pain', weight: 3, support: ['lifestyle_guidance', 'home_follow_up'], services: ['health_station'] },
  { code: 'limb_swelling', weight: 2, support: ['home_follow_up', 'encouraged_contact'], services: ['health_station'] },
  { code: 'dizziness', weight: 2, support: ['measured_bp_sugar', 'encouraged_contact'], services: ['health_station'] },
  { code: 'vaccinations', weight: 2, support: ['encouraged_contact', 'e_contact_together'], services: ['health_station'] },
  { code: 'ears', weight: 1, support: ['encouraged_contact'], services: ['health_station'] },
];

const socialNeeds: Need[] = [
  { code: 'kela_benefits', weight: 9, support: ['kela_guidance', 'online_form_help'], services: ['kela', 'social_guidance'] },
  { code: 'housing', weight: 7, support: ['listening', 'follow_up_plan'], services: ['housing_services', 'social_guidance'] },
  { code: 'finances_insurance', weight: 6, support: ['insurance_matter', 'kela_guidance'], services: ['social_guidance', 'kela'] },
  { code: 'conversation_support', weight: 6, support: ['listening'], services: ['third_sector', 'mental_health'] },
  { code: 'mental_health', weight: 4, support: ['listening', 'follow_up_plan'], services: ['mental_health'] },
  { code: 'substance_use', weight: 3, support: ['listening', 'follow_up_plan'], services: ['substance_services', 'addiction_clinic'] },
  { code: 'employment_services', weight: 3, support: ['employment_guidance'], services: ['employment_services'] },
  { code: 'digital_errands', weight: 3, support: ['online_form_help'], services: ['kela', 'social_guidance'] },
  { code: 'worry_close_one', weight: 2, support: ['listening', 'shl35_notification'], services: ['social_guidance'] },
];

const needsOf: Record<Register, Need[]> = { health: healthNeeds, social: socialNeeds };

export type ReferralPlan = { serviceCode: string; way: ReferralWay };
export type EncounterContent = { needs: string[]; support: string[]; isUrgent: boolean; durationMinutes: number | null; referrals: ReferralPlan[] };

/** Needs and support of the registers present; a joint encounter usually touches both. */
export function encounterContent(rng: Random, registers: readonly Register[], isJoint: boolean): EncounterContent {
  const needs: string[] = [];
  const support = new Set<string>();
  const services: string[] = [];
  for (const register of registers) {
    const count = rng.weighted([[1, 5], [2, 4], [3, 1]] as const);
    const chosen: Need[] = [];
    while (chosen.length < count) {
      const need = rng.weighted(needsOf[register].map((n) => [n, n.weight] as const));
      if (!chosen.includes(need)) chosen.push(need);
    }
    for (const need of chosen) {
      needs.push(`${register}:${need.code}`);
      for (const code of rng.some(need.support, rng.between(1, Math.min(2, need.support.length)))) support.add(`${register}:${code}`);
      services.push(...need.services);
    }
  }
  const referrals: ReferralPlan[] = [];
  // About a third of encounters lead onward; a joint one a little more often.
  if (rng.chance(isJoint ? 0.45 : 0.3)) {
    referrals.push({ serviceCode: rng.pick(services), way: rng.weighted([['advised', 45], ['booked_together', 25], ['e_contact_together', 20], ['escorted', 10]] as const) });
  }
  const minutes = registers.includes('social') ? rng.between(15, 45) : rng.between(10, 30);
  return { needs, support: [...support], isUrgent: rng.chance(0.1), durationMinutes: rng.chance(0.8) ? minutes + (isJoint ? 10 : 0) : null, referrals };
}

export type VisitorProfile = { ageBand: AgeBand; gender: Gender | null };

/** Day-centre visitors are mostly working-age men; a few are young, a few old. */
export function visitorProfile(rng: Random): VisitorProfile {
  const ageBand = rng.weighted<AgeBand>([['under_18', 1], ['18_29', 14], ['30_50', 38], ['51_64', 30], ['65_80', 12], ['over_80', 1], ['unknown', 4]]);
  const gender = rng.weighted<Gender | null>([['male', 60], ['female', 33], ['other', 2], [null, 5]]);
  return { ageBand, gender };
}

/** Follow-up notes as professionals write them: what to ask next time, never who. */
export const referralMemos = [
  'Kysy seuraavalla kerralla, pääsikö vastaanotolle.',
  'Aika varattu yhdessä, muistutus viikkoa ennen.',
  'Toivoo apua hakemuksen täyttämiseen ensi kerralla.',
  'Tarvitsee kuljetuksen, selvitetään.',
  'Sovittu, että soittaa itse ensi viikolla.',
  'Paperit mukaan seuraavalle käynnille.',
];
