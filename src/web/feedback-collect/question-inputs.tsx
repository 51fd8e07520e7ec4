import { useTranslation } from 'react-i18next';
import type { FeedbackItemView } from '../../domain/feedback';
import { OPEN_TEXT_MAX } from '../../domain/feedback';
import { agreementWords, recommendationEnds, scaleWords } from '../../domain/feedback-scale';
import type { Locale } from '../../domain/org';
import { type Given, recommendationScale } from './steps';

/** A form text in the chosen language; Finnish when that one is empty (the form is offered only in complete languages). */
export const formText = (text: { fi: string; sv: string; en: string }, locale: Locale): string => text[locale] || text.fi;

type InputProps = { item: FeedbackItemView; locale: Locale; given: Given | undefined; onChange: (given: Given | null) => void; labelledBy: string };

/** One big tile per choice: a real radio or checkbox inside its label, so it works with keys and screen readers. */
function Tile({ type, name, checked, onChange, id, children, lang }: {
  type: 'radio' | 'checkbox';
  name: string;
  checked: boolean;
  onChange: () => void;
  id: string;
  children: React.ReactNode;
  lang?: string;
}) {
  return (
    <label className={`fc-tile${checked ? ' fc-tile--checked' : ''}`} htmlFor={id} lang={lang}>
      <input id={id} className="fc-tile__input" type={type} name={name} checked={checked} onChange={onChange} />
      {/* The tick, not only the colour, shows what is chosen. */}
      <span className="fc-tile__mark" aria-hidden="true">
        {checked ? '✓' : ''}
      </span>
      <span className="fc-tile__text">{children}</span>
    </label>
  );
}

function AgreementInput({ item, locale, given, onChange, labelledBy }: InputProps) {
  const score = given && 'score' in given ? given.score : null;
  const notApplicable = given !== undefined && 'notApplicable' in given;
  return (
    <div role="radiogroup" aria-labelledby={labelledBy} className="fc-tiles fc-tiles--agreement">
      {[1, 2, 3, 4, 5].map((value) => (
        <Tile key={value} type="radio" name={item.id} id={`fc-${item.id}-${value}`} checked={score === value} onChange={() => onChange({ score: value })}>
          <span className="fc-tile__number">{value}</span> <span>{agreementWords(value, locale)}</span>
        </Tile>
      ))}
      {item.allowsNotApplicable && (
        <Tile type="radio" name={item.id} id={`fc-${item.id}-na`} checked={notApplicable} onChange={() => onChange({ notApplicable: true })}>
          {scaleWords[locale].notApplicable}
        </Tile>
      )}
    </div>
  );
}

function RecommendationInput({ item, locale, given, onChange, labelledBy }: InputProps) {
  const score = given && 'score' in given ? given.score : null;
  const scale = recommendationScale(item);
  return (
    <div>
      <p className="fc-scale-ends" id={`${labelledBy}-ends`}>
        {recommendationEnds(scale[0] ?? 1, locale)}
      </p>
      <div role="radiogroup" aria-labelledby={labelledBy} aria-describedby={`${labelledBy}-ends`} className="fc-tiles fc-tiles--scale">
        {scale.map((value) => (
          <Tile key={value} type="radio" name={item.id} id={`fc-${item.id}-${value}`} checked={score === value} onChange={() => onChange({ score: value })}>
            {value}
          </Tile>
        ))}
      </div>
    </div>
  );
}

function ChoiceInput({ item, locale, given, onChange, labelledBy }: InputProps) {
  const chosen = given && 'choices' in given ? given.choices : [];
  const isMultiple = item.kind === 'multiple_choice';
  const toggle = (key: string) => {
    if (!isMultiple) return onChange({ choices: [key] });
    const next = chosen.includes(key) ? chosen.filter((c) => c !== key) : [...chosen, key];
    return onChange(next.length === 0 ? null : { choices: next });
  };
  return (
    <div>
      {isMultiple && <p className="fc-scale-ends">{scaleWords[locale].chooseSeveral}</p>}
      <div role={isMultiple ? 'group' : 'radiogroup'} aria-labelledby={labelledBy} className="fc-tiles fc-tiles--choices">
        {item.options.map((option) => (
          <Tile
            key={option.key}
            type={isMultiple ? 'checkbox' : 'radio'}
            name={item.id}
            id={`fc-${item.id}-${option.key}`}
            checked={chosen.includes(option.key)}
            onChange={() => toggle(option.key)}
            lang={locale}
          >
            {formText(option, locale)}
          </Tile>
        ))}
      </div>
    </div>
  );
}

function TextAnswerInput({ item, locale, given, onChange, labelledBy }: InputProps) {
  const { t } = useTranslation();
  const text = given && 'text' in given ? given.text : '';
  const id = `fc-${item.id}-text`;
  return (
    <div className="fc-text">
      <p className="fc-text__hint" id={`${id}-hint`}>
        {scaleWords[locale].noNames}
      </p>
      <textarea
        id={id}
        className="fc-text__area"
        aria-labelledby={labelledBy}
        aria-describedby={`${id}-hint ${id}-count`}
        maxLength={OPEN_TEXT_MAX}
        rows={5}
        value={text}
        onChange={(event) => onChange({ text: event.target.value })}
      />
      <p className="fc-text__count" id={`${id}-count`}>
        {t('feedbackCollect.openText.count', { count: OPEN_TEXT_MAX - text.length })}
      </p>
    </div>
  );
}

/** The answer control of one item, by its kind. */
export function QuestionInput(props: InputProps) {
  switch (props.item.kind) {
    case 'agreement':
      return <AgreementInput {...props} />;
    case 'recommendation':
      return <RecommendationInput {...props} />;
    case 'single_choice':
    case 'multiple_choice':
      return <ChoiceInput {...props} />;
    case 'open_text':
      return <TextAnswerInput {...props} />;
  }
}
