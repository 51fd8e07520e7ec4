import { useTranslation } from 'react-i18next';
import { Button, Checkbox, RadioButton, RadioButtonGroup } from 'suomifi-ui-components';
import { emptyOption, fieldIds, ITEM_TEXT_MAX, type ItemDraft, MAX_OPTIONS, move, OPTION_MAX } from './builder';
import { LocalizedInputs } from './localized-inputs';

type ItemEditorProps = {
  item: ItemDraft;
  position: number;
  count: number;
  errors: Record<string, string>;
  onChange: (patch: Partial<ItemDraft>) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
  /** Asks the page to focus an element after the next render (the list may have moved). */
  focus: (...ids: string[]) => void;
};

/** One item of the form: its wording, the settings of its kind, its options, and its place in the list. */
export function ItemEditor({ item, position, count, errors, onChange, onMove, onRemove, focus }: ItemEditorProps) {
  const { t } = useTranslation();
  const legendId = `item-${item.uid}-legend`;
  const isChoice = item.kind === 'single_choice' || item.kind === 'multiple_choice';
  const optionsError = errors[fieldIds.options(item.uid)];
  return (
    <fieldset className="builder-item" aria-labelledby={legendId} data-item-kind={item.kind}>
      <legend id={legendId} className="builder-item__legend">
        {t('feedbackForms.builder.itemLegend', { position, kind: t(`feedbackForms.kinds.${item.kind}`) })}
      </legend>
      <LocalizedInputs
        idOf={(locale) => fieldIds.itemText(item.uid, locale)}
        label={t(`feedbackForms.builder.itemText.${item.kind}`)}
        value={item.text}
        onChange={(text) => onChange({ text })}
        errors={errors}
        maxLength={ITEM_TEXT_MAX}
      />
      {item.kind === 'agreement' && (
        <Checkbox id={`item-${item.uid}-na`} checked={item.allowsNotApplicable} onClick={({ checkboxState }) => onChange({ allowsNotApplicable: checkboxState })}>
          {t('feedbackForms.builder.allowsNotApplicable')}
        </Checkbox>
      )}
      {item.kind === 'recommendation' && (
        <RadioButtonGroup
          id={`item-${item.uid}-scale`}
          name={`item-${item.uid}-scale`}
          labelText={t('feedbackForms.builder.scale')}
          value={String(item.scaleMin)}
          onChange={(value) => onChange({ scaleMin: value === '0' ? 0 : 1 })}
        >
          <RadioButton id={`item-${item.uid}-scale-1`} value="1">{t('feedbackForms.builder.scaleFrom1')}</RadioButton>
          <RadioButton id={`item-${item.uid}-scale-0`} value="0">{t('feedbackForms.builder.scaleFrom0')}</RadioButton>
        </RadioButtonGroup>
      )}
      {isChoice && (
        <div className="builder-options">
          <p className="builder-options__title">{t('feedbackForms.builder.options')}</p>
          <ol className="builder-options__list">
            {item.options.map((option, index) => (
              <li key={option.uid} className="builder-option">
                <LocalizedInputs
                  idOf={(locale) => fieldIds.option(item.uid, option.uid, locale)}
                  label={t('feedbackForms.builder.option', { number: index + 1 })}
                  value={option}
                  onChange={(text) => onChange({ options: item.options.map((o) => (o.uid === option.uid ? { ...o, ...text } : o)) })}
                  errors={errors}
                  maxLength={OPTION_MAX}
                  isShort
                />
                <div className="builder-row-actions">
                  <Button variant="secondaryNoBorder" id={`item-${item.uid}-option-${option.uid}-up`} disabled={index === 0} onClick={() => { onChange({ options: move(item.options, option.uid, -1) }); focus(`item-${item.uid}-option-${option.uid}-up`, fieldIds.option(item.uid, option.uid, 'fi')); }}>
                    {t('feedbackForms.builder.optionUp', { number: index + 1 })}
                  </Button>
                  <Button variant="secondaryNoBorder" id={`item-${item.uid}-option-${option.uid}-remove`} onClick={() => { onChange({ options: item.options.filter((o) => o.uid !== option.uid) }); focus(fieldIds.options(item.uid)); }}>
                    {t('feedbackForms.builder.optionRemove', { number: index + 1 })}
                  </Button>
                </div>
              </li>
            ))}
          </ol>
          {optionsError && <p className="field-error" id={`${fieldIds.options(item.uid)}-error`}>{optionsError}</p>}
          <Button
            variant="secondary"
            id={fieldIds.options(item.uid)}
            disabled={item.options.length >= MAX_OPTIONS}
            aria-describedby={optionsError ? `${fieldIds.options(item.uid)}-error` : undefined}
            onClick={() => {
              const option = emptyOption();
              onChange({ options: [...item.options, option] });
              focus(fieldIds.option(item.uid, option.uid, 'fi'));
            }}
          >
            {t('feedbackForms.builder.addOption')}
          </Button>
        </div>
      )}
      <div className="builder-row-actions builder-item__actions">
        <Button variant="secondary" id={`item-${item.uid}-up`} disabled={position === 1} onClick={() => { onMove(-1); focus(`item-${item.uid}-up`, `item-${item.uid}-down`); }}>
          {t('feedbackForms.builder.moveUp', { position })}
        </Button>
        <Button variant="secondary" id={`item-${item.uid}-down`} disabled={position === count} onClick={() => { onMove(1); focus(`item-${item.uid}-down`, `item-${item.uid}-up`); }}>
          {t('feedbackForms.builder.moveDown', { position })}
        </Button>
        <Button variant="secondary" id={`item-${item.uid}-remove`} onClick={onRemove}>
          {t('feedbackForms.builder.remove', { position })}
        </Button>
      </div>
    </fieldset>
  );
}
