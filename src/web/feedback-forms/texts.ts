import type { LocalizedText } from '../../domain/feedback';
import type { Locale } from '../../domain/org';

/** A form's text in the UI language; Finnish when that language is not written yet (Finnish always is). */
export const inLocale = (text: LocalizedText, locale: Locale): string => (text[locale].trim() !== '' ? text[locale] : text.fi);

/** What the forms list passes to itself after the builder created a form. */
export type CreatedNotice = { createdForm: string };

export function createdNoticeFrom(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const name = (state as { createdForm?: unknown }).createdForm;
  return typeof name === 'string' ? name : null;
}
