/**
 * The languages of service offered on the form (ISO 639 codes, as the server stores them): the national
 * languages, Northern Sámi, and the languages most spoken by those the seeds' services meet.
 */
export const serviceLanguages = ['fi', 'sv', 'en', 'se', 'ru', 'et', 'ar', 'so', 'uk', 'fa'] as const;
export type ServiceLanguage = (typeof serviceLanguages)[number];

export const isServiceLanguage = (code: string): code is ServiceLanguage => (serviceLanguages as readonly string[]).includes(code);
