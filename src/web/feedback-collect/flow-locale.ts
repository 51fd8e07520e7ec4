import { useTranslation } from 'react-i18next';
import type { Locale } from '../../domain/org';
import { switchLanguage } from '../i18n/i18n';
import { isLocale, storeLocale } from '../i18n/locale';

/**
 * One language for the whole screen: the chosen one switches the app's texts (i18n) and the form's
 * texts together. The form shows the app's language when it has it, otherwise its first language.
 */
export function useFlowLocale(formLocales: readonly Locale[] | null, remember: boolean) {
  const { i18n } = useTranslation();
  const appLocale: Locale = isLocale(i18n.language) ? i18n.language : 'fi';
  const locale: Locale = formLocales === null || formLocales.includes(appLocale) ? appLocale : (formLocales[0] ?? 'fi');
  const changeLocale = (next: Locale): void => {
    if (remember) storeLocale(next);
    // A language that fails to load leaves the screen as it is rather than blank.
    switchLanguage(next).catch(() => undefined);
  };
  return { locale, changeLocale, appLocale };
}
