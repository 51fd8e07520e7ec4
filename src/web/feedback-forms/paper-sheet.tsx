import { useTranslation } from 'react-i18next';
import type { FeedbackItemView } from '../../domain/feedback';
import { agreementEnds, recommendationEnds, scaleWords } from '../../domain/feedback-scale';
import { useLocale } from '../i18n/use-locale';
import { type PaperSheet, type PaperValue, scaleOf, toggleChoice } from './paper';
import { inLocale } from './texts';

type SheetProps = { items: FeedbackItemView[]; sheet: PaperSheet; onChange: (sheet: PaperSheet) => void };

/**
 * One paper form as compact controls: native radio groups (arrow keys move within a group, Tab to
 * the next item), check boxes and short text. Every group starts at "no answer", as a blank on paper.
 */
export function PaperSheetFields({ items, sheet, onChange }: SheetProps) {
  const set = (itemId: string, value: PaperValue | undefined) => onChange({ ...sheet, [itemId]: value });
  return (
    <ol className="paper-items">
      {items.map((item, index) => (
        <li key={item.id} className="paper-item" data-item-id={item.id}>
          <ItemField item={item} number={index + 1} value={sheet[item.id]} set={(value) => set(item.id, value)} />
        </li>
      ))}
    </ol>
  );
}

type FieldProps = { item: FeedbackItemView; number: number; value: PaperValue | undefined; set: (value: PaperValue | undefined) => void };

function ItemField({ item, number, value, set }: FieldProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const label = `${number}. ${inLocale(item.text, locale)}`;
  const id = `p-${item.id}`;
  if (item.kind === 'open_text') {
    return (
      <div className="paper-item__text">
        <label htmlFor={id} className="paper-item__label">{label}</label>
        <textarea id={id} rows={2} maxLength={500} value={value && 'text' in value ? value.text : ''} onChange={(e) => set(e.target.value === '' ? undefined : { text: e.target.value })} />
      </div>
    );
  }
  if (item.kind === 'multiple_choice') {
    const chosen = value && 'choices' in value ? value.choices : [];
    return (
      <fieldset className="paper-item__group">
        <legend className="paper-item__label">{label}</legend>
        <div className="paper-choices">
          {item.options.map((o) => (
            <label key={o.key} className="paper-choice" htmlFor={`${id}-${o.key}`}>
              <input type="checkbox" id={`${id}-${o.key}`} checked={chosen.includes(o.key)} onChange={(e) => set({ choices: toggleChoice(item, chosen, o.key, e.target.checked) })} />
              <span>{inLocale(o, locale)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  // Radio groups: statements, recommendations and single choices.
  const current = value === undefined ? 'none' : 'score' in value ? String(value.score) : 'notApplicable' in value ? 'na' : 'choices' in value ? `c:${value.choices[0] ?? ''}` : 'none';
  const choices: { value: string; label: string; to: PaperValue | undefined }[] = [{ value: 'none', label: t('feedbackForms.paper.noAnswer'), to: undefined }];
  if (item.kind === 'single_choice') choices.push(...item.options.map((o) => ({ value: `c:${o.key}`, label: inLocale(o, locale), to: { choices: [o.key] } })));
  else choices.push(...scaleOf(item).map((n) => ({ value: String(n), label: String(n), to: { score: n } })));
  if (item.kind === 'agreement' && item.allowsNotApplicable) choices.push({ value: 'na', label: scaleWords[locale].notApplicable, to: { notApplicable: true } });
  const hint = item.kind === 'agreement' ? agreementEnds(locale) : item.kind === 'recommendation' ? recommendationEnds(item.scaleMin ?? 0, locale) : null;
  return (
    <fieldset className="paper-item__group" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="paper-item__label">{label}</legend>
      {hint && <p className="paper-item__hint" id={`${id}-hint`}>{hint}</p>}
      <div className={`paper-choices${item.kind === 'single_choice' ? '' : ' paper-choices--scale'}`}>
        {choices.map((c) => (
          <label key={c.value} className="paper-choice" htmlFor={`${id}-${c.value.replace(':', '-')}`}>
            <input type="radio" name={id} id={`${id}-${c.value.replace(':', '-')}`} checked={current === c.value} onChange={() => set(c.to)} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
