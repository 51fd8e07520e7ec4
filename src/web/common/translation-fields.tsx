import { useTranslation } from 'react-i18next';
import { TextInput, Textarea } from 'suomifi-ui-components';

export type TranslationValues = { sv: string; en: string };
export const noTranslations = (): TranslationValues => ({ sv: '', en: '' });
/** The form's values from an API view, where a version left out means "Finnish only". */
export const translationValues = (view: { sv?: string; en?: string } | undefined): TranslationValues => ({ sv: view?.sv ?? '', en: view?.en ?? '' });

type Props = {
  /** Each field's id is `${idBase}-sv` and `${idBase}-en`. */
  idBase: string;
  /** The Finnish field's label, e.g. "Nimi": the fields read "Nimi ruotsiksi", "Nimi englanniksi". */
  fieldLabel: string;
  values: TranslationValues;
  onChange: (values: TranslationValues) => void;
  multiline?: boolean;
  maxLength?: number;
  /** Errors keyed by field id, as the surrounding form keeps them. */
  errors?: Record<string, string | undefined>;
};

/**
 * Optional Swedish and English versions of a public text (issue 17 item 17). Empty means the
 * Finnish text is shown to Swedish and English readers.
 */
export function TranslationFields({ idBase, fieldLabel, values, onChange, multiline = false, maxLength, errors = {} }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {(['sv', 'en'] as const).map((language) => {
        const id = `${idBase}-${language}`;
        const common = {
          id,
          labelText: t('announcements.translations.label', { field: fieldLabel, language: t(`announcements.translations.${language}`) }),
          optionalText: t('common.optional'),
          hintText: t('announcements.translations.hint'),
          status: errors[id] ? ('error' as const) : ('default' as const),
          statusText: errors[id],
        };
        return multiline ? (
          <Textarea key={id} {...common} value={values[language]} maxLength={maxLength} onChange={(event) => onChange({ ...values, [language]: event.target.value })} fullWidth />
        ) : (
          <TextInput key={id} {...common} value={values[language]} maxLength={maxLength} onChange={(value) => onChange({ ...values, [language]: String(value ?? '') })} fullWidth />
        );
      })}
    </>
  );
}
