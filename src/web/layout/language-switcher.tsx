import { useTranslation } from 'react-i18next';
import { LanguageMenu, LanguageMenuItem } from 'suomifi-ui-components';
import { webLocales } from '../i18n/locale';
import { useLocale } from '../i18n/use-locale';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { locale, changeLocale } = useLocale();
  return (
    <LanguageMenu
      buttonText={t(`languageMenu.current.${locale}`)}
      aria-label={t('languageMenu.label', { language: t(`languageMenu.names.${locale}`) })}
      id="language-menu"
      className="language-switcher"
    >
      {webLocales.map((item) => (
        // Each language is named in itself, so a reader of it finds it whatever is on screen now.
        <LanguageMenuItem key={item} lang={item} selected={item === locale} onSelect={() => changeLocale(item)}>
          {t(`languageMenu.names.${item}`)}
        </LanguageMenuItem>
      ))}
    </LanguageMenu>
  );
}
