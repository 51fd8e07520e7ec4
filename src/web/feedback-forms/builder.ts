import type { FeedbackFormContent, FeedbackItemInput, FeedbackItemKind, FeedbackVersionView, LocalizedText } from '../../domain/feedback';
import type { Locale } from '../../domain/org';

/**
 * The form builder's pure logic: the draft it edits, list edits, option keys, checks and the
 * payload for the API. The page only renders a draft and calls these.
 */

export const builderLocales = ['fi', 'sv', 'en'] as const satisfies readonly Locale[];
export const MAX_ITEMS = 40;
export const MAX_OPTIONS = 12;
export const NAME_MAX = 200;
export const INTRO_MAX = 1000;
export const ITEM_TEXT_MAX = 500;
export const OPTION_MAX = 200;

/** An option being edited. `key` stays null until the form is saved the first time with it. */
export type OptionDraft = { uid: string; key: string | null } & LocalizedText;
export type ItemDraft = {
  uid: string;
  kind: FeedbackItemKind;
  text: LocalizedText;
  allowsNotApplicable: boolean;
  scaleMin: 0 | 1;
  options: OptionDraft[];
};
export type FormDraft = { name: LocalizedText; intro: LocalizedText; items: ItemDraft[] };

const blank = (): LocalizedText => ({ fi: '', sv: '', en: '' });
const isChoice = (kind: FeedbackItemKind) => kind === 'single_choice' || kind === 'multiple_choice';

let counter = 0;
/** A local id for React keys and field ids; never sent to the server. */
export const newUid = (prefix: string): string => `${prefix}${(counter += 1)}`;

export const emptyOption = (): OptionDraft => ({ uid: newUid('o'), key: null, ...blank() });

export function emptyItem(kind: FeedbackItemKind): ItemDraft {
  return { uid: newUid('i'), kind, text: blank(), allowsNotApplicable: true, scaleMin: 1, options: isChoice(kind) ? [emptyOption(), emptyOption()] : [] };
}

export const emptyDraft = (): FormDraft => ({ name: blank(), intro: blank(), items: [] });

/** The draft of a saved version: option keys come along and stay as they are. */
export function draftFromVersion(version: FeedbackVersionView): FormDraft {
  return {
    name: { ...version.name },
    intro: { ...version.intro },
    items: version.items.map((item) => ({
      uid: newUid('i'),
      kind: item.kind,
      text: { ...item.text },
      allowsNotApplicable: item.allowsNotApplicable,
      scaleMin: item.scaleMin === 0 ? 0 : 1,
      options: item.options.map((o) => ({ uid: newUid('o'), key: o.key, fi: o.fi, sv: o.sv, en: o.en })),
    })),
  };
}

// ---- list edits (each returns a new list) ----

export const addItem = (items: ItemDraft[], kind: FeedbackItemKind): ItemDraft[] => [...items, emptyItem(kind)];
export const removeItem = (items: ItemDraft[], uid: string): ItemDraft[] => items.filter((i) => i.uid !== uid);
export const updateItem = (items: ItemDraft[], uid: string, patch: Partial<ItemDraft>): ItemDraft[] =>
  items.map((i) => (i.uid === uid ? { ...i, ...patch } : i));

/** Moves an entry one step up (-1) or down (+1); at either end nothing changes. */
export function move<T extends { uid: string }>(list: T[], uid: string, step: -1 | 1): T[] {
  const from = list.findIndex((x) => x.uid === uid);
  const to = from + step;
  if (from < 0 || to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

// ---- option keys ----

const letters: Record<string, string> = { ä: 'a', å: 'a', ö: 'o', ü: 'u', é: 'e', è: 'e', á: 'a', à: 'a', õ: 'o', š: 's', ž: 'z' };

/** "En vielä, mutta aika on" → "en_viela_mutta_aika_on": a–z, 0–9 and _, at most 40 characters. */
export function keyFromLabel(label: string): string {
  const plain = [...label.toLowerCase()].map((c) => letters[c] ?? c).join('');
  const key = plain.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40).replace(/_+$/, '');
  return key === '' ? 'option' : key;
}

/** A key not yet in `taken`: the label's key, or it with _2, _3 … */
export function uniqueKey(label: string, taken: ReadonlySet<string>): string {
  const base = keyFromLabel(label);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `_${n}`;
    const candidate = `${base.slice(0, 40 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Gives keys to new options (from their Finnish label); options that have one keep it. */
export function withKeys(options: OptionDraft[]): OptionDraft[] {
  const taken = new Set(options.flatMap((o) => (o.key === null ? [] : [o.key])));
  return options.map((o) => {
    if (o.key !== null) return o;
    const key = uniqueKey(o.fi, taken);
    taken.add(key);
    return { ...o, key };
  });
}

// ---- checks ----

export type ErrorKey =
  | 'nameRequired'
  | 'tooLong'
  | 'noItems'
  | 'tooManyItems'
  | 'itemTextRequired'
  | 'optionRequired'
  | 'tooFewOptions'
  | 'tooManyOptions';
/** Errors by field id (the error summary links to the field), each with a message key and values. */
export type DraftErrors = Record<string, { key: ErrorKey; values?: Record<string, number> }>;

/** Field ids: stable for an item or option while the page is open. */
export const fieldIds = {
  name: (locale: Locale) => `form-name-${locale}`,
  intro: (locale: Locale) => `form-intro-${locale}`,
  items: 'form-add-kind',
  itemText: (item: string, locale: Locale) => `item-${item}-text-${locale}`,
  options: (item: string) => `item-${item}-add-option`,
  option: (item: string, option: string, locale: Locale) => `item-${item}-option-${option}-${locale}`,
};

function checkText(errors: DraftErrors, id: string, value: string, max: number, required: boolean) {
  if (required && value.trim() === '') return;
  if (value.trim().length > max) errors[id] = { key: 'tooLong', values: { max } };
}

/** What stops the draft from being saved, in the order the fields appear. Finnish is required; sv and en may wait. */
export function validateDraft(draft: FormDraft): DraftErrors {
  const errors: DraftErrors = {};
  for (const locale of builderLocales) {
    if (locale === 'fi' && draft.name.fi.trim() === '') errors[fieldIds.name('fi')] = { key: 'nameRequired' };
    checkText(errors, fieldIds.name(locale), draft.name[locale], NAME_MAX, locale === 'fi');
  }
  for (const locale of builderLocales) checkText(errors, fieldIds.intro(locale), draft.intro[locale], INTRO_MAX, false);
  draft.items.forEach((item, index) => {
    const position = { position: index + 1 };
    for (const locale of builderLocales) {
      const id = fieldIds.itemText(item.uid, locale);
      if (locale === 'fi' && item.text.fi.trim() === '') errors[id] = { key: 'itemTextRequired', values: position };
      checkText(errors, id, item.text[locale], ITEM_TEXT_MAX, locale === 'fi');
    }
    if (!isChoice(item.kind)) return;
    item.options.forEach((option, optionIndex) => {
      for (const locale of builderLocales) {
        const id = fieldIds.option(item.uid, option.uid, locale);
        if (locale === 'fi' && option.fi.trim() === '') errors[id] = { key: 'optionRequired', values: { ...position, option: optionIndex + 1 } };
        checkText(errors, id, option[locale], OPTION_MAX, locale === 'fi');
      }
    });
    if (item.options.length < 2) errors[fieldIds.options(item.uid)] = { key: 'tooFewOptions', values: position };
    if (item.options.length > MAX_OPTIONS) errors[fieldIds.options(item.uid)] = { key: 'tooManyOptions', values: { ...position, max: MAX_OPTIONS } };
  });
  if (draft.items.length === 0) errors[fieldIds.items] = { key: 'noItems' };
  if (draft.items.length > MAX_ITEMS) errors[fieldIds.items] = { key: 'tooManyItems', values: { max: MAX_ITEMS } };
  return errors;
}

/**
 * Languages in which every text of the draft is written. Visitors are offered only these.
 * The same rule as the server's: a text left empty in Finnish (an empty intro) does not count.
 */
export function completeLanguages(draft: FormDraft): Locale[] {
  const texts: LocalizedText[] = [draft.name, draft.intro, ...draft.items.flatMap((i) => [i.text, ...(isChoice(i.kind) ? i.options : [])])];
  return builderLocales.filter((locale) => texts.every((t) => t.fi.trim() === '' || t[locale].trim() !== ''));
}

// ---- payload ----

const trimmed = (text: LocalizedText): LocalizedText => ({ fi: text.fi.trim(), sv: text.sv.trim(), en: text.en.trim() });

function itemInput(item: ItemDraft): FeedbackItemInput {
  const text = trimmed(item.text);
  switch (item.kind) {
    case 'agreement':
      return { kind: 'agreement', text, allowsNotApplicable: item.allowsNotApplicable };
    case 'recommendation':
      return { kind: 'recommendation', text, scaleMin: item.scaleMin };
    case 'single_choice':
    case 'multiple_choice':
      return { kind: item.kind, text, options: withKeys(item.options).map((o) => ({ key: o.key!, ...trimmed(o) })) };
    case 'open_text':
      return { kind: 'open_text', text };
  }
}

/** The body of PUT …/content (and, with the audience, of POST /api/feedback/forms). */
export function contentPayload(draft: FormDraft): FeedbackFormContent {
  return { name: trimmed(draft.name), intro: trimmed(draft.intro), items: draft.items.map(itemInput) };
}
