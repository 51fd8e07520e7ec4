/**
 * Default code lists for encounters (domain.md § 4.3). Codes are stable identifiers stored in the
 * database; labels are shown in the user's language. Administrators can add codes; a code is never
 * renamed or reused, only retired, so that years of reports stay comparable.
 */
export type Register = 'health' | 'social';
export type CodeListKind = 'need' | 'support';
export type Labels = { fi: string; sv: string; en: string };
export type CodeDefinition = { kind: CodeListKind; register: Register; code: string; labels: Labels };

const defs = (kind: CodeListKind, register: Register, rows: [string, string, string, string][]): CodeDefinition[] =>
  rows.map(([code, fi, sv, en]) => ({ kind, register, code, labels: { fi, sv, en } }));

export const defaultCodes: CodeDefinition[] = [
  ...defs('need', 'social', [
    ['conversation_support', 'Keskusteluapu', 'Samtalsstöd', 'Conversation support'],
    ['worry_close_one', 'Huoli läheisestä', 'Oro för en närstående', 'Worry about a close one'],
    ['finances_insurance', 'Raha-asiat ja vakuutukset', 'Ekonomi och försäkringar', 'Finances and insurance'],
    ['housing', 'Asuminen ja asunnottomuus', 'Boende och bostadslöshet', 'Housing and homelessness'],
    ['kela_benefits', 'Kelan etuudet', 'FPA:s förmåner', 'Benefits (Kela)'],
    ['employment_services', 'Työllisyyspalvelut', 'Sysselsättningstjänster', 'Employment services'],
    ['substance_use', 'Päihteiden käyttö', 'Rusmedelsbruk', 'Substance use'],
    ['mental_health', 'Mielenterveys', 'Psykisk hälsa', 'Mental health'],
    ['digital_errands', 'Digitaalinen asiointi', 'Digitala ärenden', 'Digital errands'],
  ]),
  ...defs('need', 'health', [
    ['blood_pressure', 'Verenpaine', 'Blodtryck', 'Blood pressure'],
    ['blood_sugar', 'Verensokeri ja diabetes', 'Blodsocker och diabetes', 'Blood sugar and diabetes'],
    ['vaccinations', 'Rokotukset', 'Vaccinationer', 'Vaccinations'],
    ['ears', 'Korvat', 'Öron', 'Ears'],
    ['blood_test_results', 'Laboratoriotulokset', 'Laboratorieresultat', 'Blood test results'],
    ['prescriptions', 'Reseptit', 'Recept', 'Prescriptions'],
    ['dizziness', 'Huimaus', 'Yrsel', 'Dizziness'],
    ['muscle_pain', 'Lihaskivut', 'Muskelsmärta', 'Muscle pain'],
    ['wound_care', 'Haavanhoito', 'Sårvård', 'Wound care'],
    ['limb_swelling', 'Raajojen turvotus', 'Svullnad i armar eller ben', 'Limb swelling'],
    ['general_health', 'Yleinen terveydentila', 'Allmänt hälsotillstånd', 'General health'],
    ['booking_appointment', 'Ajanvaraus', 'Tidsbokning', 'Booking an appointment'],
    ['alcohol_use', 'Alkoholin käyttö', 'Alkoholbruk', 'Alcohol use'],
    // Also a social need: nurses and social workers alike give conversation support (see sharedCodes).
    ['conversation_support', 'Keskusteluapu', 'Samtalsstöd', 'Conversation support'],
  ]),
  ...defs('support', 'social', [
    ['insurance_matter', 'Vakuutusasian selvittely', 'Utredning av ett försäkringsärende', 'Clarifying an insurance matter'],
    ['listening', 'Kuuntelu ja keskustelu', 'Lyssnande och samtal', 'Listening and conversation'],
    ['kela_guidance', 'Ohjaus Kelan etuuksiin', 'Vägledning om FPA:s förmåner', 'Guidance on Kela benefits'],
    ['employment_guidance', 'Ohjaus työllisyyspalveluihin', 'Vägledning till sysselsättningstjänster', 'Guidance to employment services'],
    ['shl35_notification', 'Yhteydenotto SHL 35 §:n mukaisesti läheisestä', 'Kontakt enligt 35 § i socialvårdslagen om en närstående', 'Notification under SHL § 35 about a close one'],
    ['online_form_help', 'Apu sähköisen lomakkeen täyttämisessä', 'Hjälp med en elektronisk blankett', 'Help with an online form'],
    ['follow_up_plan', 'Jatkosuunnitelma', 'Fortsatt plan', 'A follow-up plan'],
  ]),
  ...defs('support', 'health', [
    ['measured_bp_sugar', 'Verenpaineen ja verensokerin mittaus', 'Mätning av blodtryck och blodsocker', 'Blood pressure and sugar measured'],
    ['encouraged_contact', 'Kannustettu ottamaan yhteyttä terveysasemalle', 'Uppmuntrad att kontakta hälsostationen', 'Encouraged to contact the health station'],
    ['e_contact_together', 'Sähköinen yhteydenotto terveysasemalle yhdessä', 'Elektronisk kontakt till hälsostationen tillsammans', 'Electronic contact to the health station made together'],
    ['home_follow_up', 'Kotiseurantaohjeet', 'Anvisningar för uppföljning hemma', 'Home follow-up instructions'],
    ['wound_instructions', 'Haavanhoito-ohjeet', 'Anvisningar för sårvård', 'Wound-care instructions'],
    ['lifestyle_guidance', 'Elintapaohjaus', 'Levnadsvanevägledning', 'Lifestyle guidance'],
    ['blood_test_referral', 'Laboratoriolähete', 'Remiss till laboratorieprov', 'Blood-test referral'],
    ['follow_up_plan', 'Jatkosuunnitelma', 'Fortsatt plan', 'A follow-up plan'],
  ]),
];

/**
 * A code belongs to the health register, the social register or both. One that belongs to both is one
 * row per register under the same code (e.g. conversation_support, follow_up_plan): each professional
 * records it in their own register, which keeps the registers' data apart as the law requires, while
 * the shared code lets a report add the two up. Administrators make one by adding the code to each.
 */
export function registersOf(codes: readonly Pick<CodeDefinition, 'kind' | 'register' | 'code'>[], kind: CodeListKind, code: string): Register[] {
  return (['health', 'social'] as const).filter((register) => codes.some((c) => c.kind === kind && c.register === register && c.code === code));
}

/** A code is written `kind:register:code` when it must be unique across lists. */
export const codeKey = (c: Pick<CodeDefinition, 'kind' | 'register' | 'code'>) => `${c.kind}:${c.register}:${c.code}`;

/** Age bands of domain.md § 4.3, in display order. */
export const ageBands = ['under_18', '18_29', '30_50', '51_64', '65_80', 'over_80', 'unknown'] as const;
export type AgeBand = (typeof ageBands)[number];

export const genders = ['female', 'male', 'other'] as const;
export type Gender = (typeof genders)[number];
