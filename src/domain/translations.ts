import { z } from 'zod';
import type { Locale } from './org.js';

/**
 * Optional Swedish and English versions of a text whose Finnish original is stored beside it.
 * A missing or empty version means "show the Finnish text" (issue 17 item 17).
 */
export type Translations = { sv?: string; en?: string };

/** Input: each version trimmed and bounded like the original; an empty string removes the version. */
export const translationsInputSchema = (max: number) =>
  z.strictObject({ sv: z.string().trim().max(max).optional(), en: z.string().trim().max(max).optional() });

export const translationsViewSchema = z.object({ sv: z.string().optional(), en: z.string().optional() });

/** Keeps only the versions that say something, so `{}` means "Finnish only". */
export function cleanTranslations(input: Translations): Translations {
  return {
    ...(input.sv ? { sv: input.sv } : {}),
    ...(input.en ? { en: input.en } : {}),
  };
}

/** The text in the reader's language, falling back to the Finnish original. */
export function localized(finnish: string, translations: Translations | undefined, locale: Locale): string {
  if (locale === 'fi') return finnish;
  const version = translations?.[locale];
  return version !== undefined && version.trim() !== '' ? version : finnish;
}
