import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../domain/org';
import type en from './bundle-en';
import fi from './bundle-fi';
import type sv from './bundle-sv';
import { applyDocumentLocale, defaultLocale, readStoredLocale } from './locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fi };
  }
}

// Finnish is the reference: Swedish and English must have every key it has.
type Complete<T extends typeof fi> = T;
export type SwedishIsComplete = Complete<typeof sv>;
export type EnglishIsComplete = Complete<typeof en>;

// Finnish ships with the first page; the other languages load when chosen, which keeps the
// first route's JavaScript within its budget.
const loaders: Record<Exclude<Locale, 'fi'>, () => Promise<{ default: typeof fi }>> = {
  sv: () => import('./bundle-sv'),
  en: () => import('./bundle-en'),
};

async function ensureLoaded(locale: Locale): Promise<void> {
  if (locale === 'fi' || i18next.hasResourceBundle(locale, 'translation')) return;
  const bundle = await loaders[locale]();
  i18next.addResourceBundle(locale, 'translation', bundle.default);
}

/** Loads the language if needed, then switches to it (and so sets `<html lang>`). */
export async function switchLanguage(locale: Locale): Promise<void> {
  await ensureLoaded(locale);
  await i18next.changeLanguage(locale);
}

/** Starts i18next in the language this browser chose before, Finnish otherwise. */
export async function initI18n(): Promise<void> {
  const initial = readStoredLocale() ?? defaultLocale;
  i18next.on('languageChanged', applyDocumentLocale);
  await i18next.use(initReactI18next).init({
    resources: { fi: { translation: fi } },
    lng: defaultLocale,
    fallbackLng: defaultLocale,
    supportedLngs: ['fi', 'sv', 'en'],
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLocale(defaultLocale);
  try {
    await switchLanguage(initial);
  } catch {
    // A language that fails to load leaves the app in Finnish rather than blank.
  }
}
