import type { TFunction } from 'i18next';
import type { Labels } from './api';

/**
 * The form of a code or a service: a stable id (only when adding), three names and a sort order.
 * Checked here with the server's rules (src/domain/outreach.ts) so mistakes show at the field.
 */
export type EntryValues = { code: string; fi: string; sv: string; en: string; sortOrder: string };
export type EntryPayload = { code: string; labels: Labels; sortOrder: number | null };
/** Errors keyed by the input's id, as FormErrorSummary links to them. */
export type EntryErrors = Record<string, string>;

export const CODE_PATTERN = /^[a-z0-9_]{1,60}$/;
export const MAX_LABEL = 200;
export const MAX_SORT = 10_000;
const languages = ['fi', 'sv', 'en'] as const;

export const emptyEntry: EntryValues = { code: '', fi: '', sv: '', en: '', sortOrder: '' };

export type EntryRules = {
  /** Adding: the stable id is asked and must be new. Editing: it is shown, never sent. */
  withCode: boolean;
  /** Ids already in use (retired ones included: ids are never reused). */
  takenCodes: ReadonlySet<string>;
  /** Whether a sort order is asked; left empty it stays as it is (or the server's default). */
  withSortOrder: boolean;
};

export function validateEntry(t: TFunction, prefix: string, values: EntryValues, rules: EntryRules): { errors: EntryErrors; payload: EntryPayload } {
  const errors: EntryErrors = {};
  const code = values.code.trim();
  if (rules.withCode) {
    if (code === '') errors[`${prefix}-code`] = t('adminLists.errors.codeRequired');
    else if (!CODE_PATTERN.test(code)) errors[`${prefix}-code`] = t('adminLists.errors.codePattern');
    else if (rules.takenCodes.has(code)) errors[`${prefix}-code`] = t('adminLists.errors.codeTaken');
  }
  for (const language of languages) {
    const text = values[language].trim();
    if (text === '') errors[`${prefix}-${language}`] = t(`adminLists.errors.labelRequired.${language}`);
    else if (text.length > MAX_LABEL) errors[`${prefix}-${language}`] = t('adminLists.errors.labelTooLong', { max: MAX_LABEL });
  }
  const sort = values.sortOrder.trim();
  let sortOrder: number | null = null;
  if (rules.withSortOrder && sort !== '') {
    if (!/^\d{1,5}$/.test(sort) || Number(sort) > MAX_SORT) errors[`${prefix}-sortOrder`] = t('adminLists.errors.sortOrder', { max: MAX_SORT });
    else sortOrder = Number(sort);
  }
  return { errors, payload: { code, labels: { fi: values.fi.trim(), sv: values.sv.trim(), en: values.en.trim() }, sortOrder } };
}
