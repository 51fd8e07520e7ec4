import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/org';

/** Each language is named in itself, so a reader of it finds it whatever is on screen now. */
const names: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

/** The form's languages as buttons: big on the start screen, compact above the questions. */
export function LanguageButtons({ locales, locale, onLocale, large = false }: { locales: Locale[]; locale: Locale; onLocale: (locale: Locale) => void; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={t('feedbackCollect.flow.language')} className={`fc-languages${large ? ' fc-languages--large' : ''}`}>
      {locales.map((l) => (
        <button key={l} type="button" lang={l} className="fc-button fc-language" aria-pressed={l === locale} data-locale={l} onClick={() => onLocale(l)}>
          {names[l]}
        </button>
      ))}
    </div>
  );
}
