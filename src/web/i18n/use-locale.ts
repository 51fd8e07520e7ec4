import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../domain/api-types';
import type { Locale } from '../../domain/org';
import { useSaveLocale, useSession } from '../api/auth';
import { switchLanguage } from './i18n';
import { isLocale, readStoredLocale, storeLocale } from './locale';

/** The current language and a function that switches it, remembers it and tells the server. */
export function useLocale(): { locale: Locale; changeLocale: (locale: Locale) => void } {
  const { i18n } = useTranslation();
  const session = useSession();
  const saveLocale = useSaveLocale();
  const locale = isLocale(i18n.language) ? i18n.language : 'fi';
  const changeLocale = (next: Locale): void => {
    storeLocale(next);
    void switchLanguage(next);
    // Best effort: the profile only seeds the language on a browser that has no choice of its own.
    if (session.data) saveLocale.mutate(next, { onError: () => undefined });
  };
  return { locale, changeLocale };
}

/** On a browser with no stored choice, speak the language saved in the user's profile. */
export function useProfileLocale(me: Me | null): void {
  const { i18n } = useTranslation();
  const profileLocale = me?.locale ?? null;
  useEffect(() => {
    if (profileLocale === null || readStoredLocale() !== null) return;
    if (i18n.language !== profileLocale) void switchLanguage(profileLocale);
  }, [profileLocale, i18n]);
}
