import { useTranslation } from 'react-i18next';
import { Textarea, TextInput } from 'suomifi-ui-components';
import type { LocalizedText } from '../../domain/feedback';
import type { Locale } from '../../domain/org';
import { builderLocales } from './builder';

type LocalizedInputsProps = {
  /** Field ids by language; errors are keyed by the same ids. */
  idOf: (locale: Locale) => string;
  /** "Nimi" → the labels say "Nimi suomeksi", "Nimi ruotsiksi", … */
  label: string;
  value: LocalizedText;
  onChange: (value: LocalizedText) => void;
  errors: Record<string, string>;
  maxLength: number;
  isLong?: boolean;
  /** Short texts (names, option labels) sit side by side on a wide screen; longer ones get a full row each. */
  isShort?: boolean;
  /** Finnish is required unless the whole text is optional (the introduction). */
  isOptional?: boolean;
};

/** One text in Finnish, Swedish and English. */
export function LocalizedInputs({ idOf, label, value, onChange, errors, maxLength, isLong = false, isShort = false, isOptional = false }: LocalizedInputsProps) {
  const { t } = useTranslation();
  return (
    <div className={`localized-inputs${isShort ? ' localized-inputs--short' : ''}`}>
      {builderLocales.map((locale) => {
        const id = idOf(locale);
        const common = {
          id,
          labelText: t('feedbackForms.builder.inLanguage', { label, language: t(`feedbackForms.languages.${locale}`) }),
          optionalText: locale !== 'fi' || isOptional ? t('common.optional') : undefined,
          status: errors[id] ? ('error' as const) : ('default' as const),
          statusText: errors[id],
          maxLength,
          fullWidth: true,
        };
        const set = (text: string) => onChange({ ...value, [locale]: text });
        return isLong ? (
          <Textarea key={locale} {...common} value={value[locale]} onChange={(event) => set(event.target.value)} />
        ) : (
          <TextInput key={locale} {...common} value={value[locale]} onChange={(text) => set(String(text ?? ''))} />
        );
      })}
    </div>
  );
}
