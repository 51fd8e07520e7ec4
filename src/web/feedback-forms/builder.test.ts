import { describe, expect, it } from 'vitest';
import { feedbackFormContentSchema, type FeedbackVersionView } from '../../domain/feedback';
import {
  addItem,
  completeLanguages,
  contentPayload,
  draftFromVersion,
  emptyDraft,
  emptyOption,
  fieldIds,
  keyFromLabel,
  move,
  removeItem,
  uniqueKey,
  updateItem,
  validateDraft,
  withKeys,
  type FormDraft,
} from './builder';

const text = (fi: string, sv = '', en = '') => ({ fi, sv, en });

function smallForm(): FormDraft {
  let items = addItem([], 'agreement');
  items = addItem(items, 'single_choice');
  items = addItem(items, 'open_text');
  const [agree, choice, open] = items;
  items = updateItem(items, agree!.uid, { text: text('Sain apua') });
  items = updateItem(items, choice!.uid, { text: text('Tulitko uudestaan?'), options: [{ ...emptyOption(), ...text('Kyllä') }, { ...emptyOption(), ...text('En vielä, mutta ehkä') }] });
  items = updateItem(items, open!.uid, { text: text('Mitä muuta?') });
  return { name: text('Pieni lomake'), intro: text(''), items };
}

describe('option keys', () => {
  it('are made from the Finnish label with a–z, 0–9 and _', () => {
    expect(keyFromLabel('Kyllä')).toBe('kylla');
    expect(keyFromLabel('En vielä, mutta minulla on aika')).toBe('en_viela_mutta_minulla_on_aika');
    expect(keyFromLabel('  Öljy & Åbo 2  ')).toBe('oljy_abo_2');
    expect(keyFromLabel('???')).toBe('option');
    expect(keyFromLabel('a'.repeat(60))).toHaveLength(40);
  });

  it('never repeat within an item', () => {
    expect(uniqueKey('Kyllä', new Set(['kylla']))).toBe('kylla_2');
    expect(uniqueKey('Kyllä', new Set(['kylla', 'kylla_2']))).toBe('kylla_3');
    const keyed = withKeys([{ ...emptyOption(), ...text('Kyllä') }, { ...emptyOption(), ...text('kyllä!') }]);
    expect(keyed.map((o) => o.key)).toEqual(['kylla', 'kylla_2']);
  });

  it('stay as they are once made, even when the label changes', () => {
    const version: FeedbackVersionView = {
      id: 'v', formId: 'f', version: 1, name: text('Lomake'), intro: text(''), locales: ['fi'],
      items: [{ id: 'x', position: 1, kind: 'single_choice', text: text('Pääsitkö?'), allowsNotApplicable: false, scaleMin: null, options: [{ key: 'yes', ...text('Kyllä') }, { key: 'no', ...text('En') }] }],
    };
    const draft = draftFromVersion(version);
    const item = draft.items[0]!;
    const renamed = updateItem(draft.items, item.uid, { options: [{ ...item.options[0]!, fi: 'Kyllä pääsin' }, item.options[1]!, { ...emptyOption(), ...text('Kyllä') }] });
    const payload = contentPayload({ ...draft, items: renamed });
    const options = payload.items[0]!.kind === 'single_choice' ? payload.items[0]!.options : [];
    expect(options.map((o) => o.key)).toEqual(['yes', 'no', 'kylla']);
    expect(options[0]!.fi).toBe('Kyllä pääsin');
  });
});

describe('item list edits', () => {
  it('adds items of each kind with the fields that kind needs', () => {
    const items = addItem(addItem([], 'recommendation'), 'multiple_choice');
    expect(items.map((i) => i.kind)).toEqual(['recommendation', 'multiple_choice']);
    expect(items[0]!.options).toEqual([]);
    expect(items[1]!.options).toHaveLength(2);
  });

  it('moves up and down, and not past either end', () => {
    const items = addItem(addItem(addItem([], 'agreement'), 'recommendation'), 'open_text');
    const [a, b, c] = items.map((i) => i.uid);
    expect(move(items, c!, -1).map((i) => i.uid)).toEqual([a, c, b]);
    expect(move(items, a!, 1).map((i) => i.uid)).toEqual([b, a, c]);
    expect(move(items, a!, -1)).toBe(items);
    expect(move(items, c!, 1)).toBe(items);
  });

  it('removes an item', () => {
    const items = addItem(addItem([], 'agreement'), 'open_text');
    expect(removeItem(items, items[0]!.uid).map((i) => i.kind)).toEqual(['open_text']);
  });
});

describe('checks', () => {
  it('need a Finnish name and at least one item', () => {
    expect(validateDraft(emptyDraft())).toEqual({ [fieldIds.name('fi')]: { key: 'nameRequired' }, [fieldIds.items]: { key: 'noItems' } });
  });

  it('point at the field: an empty statement, an empty option, too few options, a text too long', () => {
    const draft = smallForm();
    const [agree, choice] = draft.items;
    const items = updateItem(updateItem(draft.items, agree!.uid, { text: text('', 'x'.repeat(501)) }), choice!.uid, { options: [{ ...choice!.options[0]!, fi: ' ' }] });
    const errors = validateDraft({ ...draft, items });
    expect(errors).toEqual({
      [fieldIds.itemText(agree!.uid, 'fi')]: { key: 'itemTextRequired', values: { position: 1 } },
      [fieldIds.itemText(agree!.uid, 'sv')]: { key: 'tooLong', values: { max: 500 } },
      [fieldIds.option(choice!.uid, choice!.options[0]!.uid, 'fi')]: { key: 'optionRequired', values: { position: 2, option: 1 } },
      [fieldIds.options(choice!.uid)]: { key: 'tooFewOptions', values: { position: 2 } },
    });
  });

  it('accept a complete small form', () => {
    expect(validateDraft(smallForm())).toEqual({});
  });
});

describe('languages and payload', () => {
  it('a language is complete when every text has it; an empty intro does not count', () => {
    const draft = smallForm();
    expect(completeLanguages(draft)).toEqual(['fi']);
    const sv = (t: { fi: string; sv: string; en: string }) => ({ ...t, sv: `${t.fi} (sv)` });
    const swedish: FormDraft = {
      ...draft,
      name: sv(draft.name),
      items: draft.items.map((i) => ({ ...i, text: sv(i.text), options: i.options.map((o) => sv(o) as typeof o) })),
    };
    expect(completeLanguages(swedish)).toEqual(['fi', 'sv']);
    expect(completeLanguages({ ...swedish, intro: text('Hei') })).toEqual(['fi']);
  });

  it('builds a body the API accepts, trimmed, with the kind-specific fields only', () => {
    const draft = smallForm();
    const payload = contentPayload({ ...draft, name: text('  Pieni lomake ') });
    expect(feedbackFormContentSchema.safeParse(payload).success).toBe(true);
    expect(payload.name.fi).toBe('Pieni lomake');
    expect(payload.items).toEqual([
      { kind: 'agreement', text: text('Sain apua'), allowsNotApplicable: true },
      { kind: 'single_choice', text: text('Tulitko uudestaan?'), options: [{ key: 'kylla', ...text('Kyllä') }, { key: 'en_viela_mutta_ehka', ...text('En vielä, mutta ehkä') }] },
      { kind: 'open_text', text: text('Mitä muuta?') },
    ]);
  });
});
