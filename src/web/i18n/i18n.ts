import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../domain/org';
import type en from './bundle-en';
import type fi from './bundle-fi';
import type sv from './bundle-sv';
import fiShell from './bundle-fi-shell';
import { applyDocumentLocale, defaultLocale, isLocale, readStoredLocale } from './locale';

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

// Only the shell's Finnish texts (sign-in, header, errors) ship with the first page; every page waits
// for its language's whole bundle (loadPageTexts), and Swedish and English load whole when chosen.
// This keeps the first route's JavaScript within its budget.
const loaders: Record<Locale, () => Promise<{ default: typeof fi }>> = {
  fi: () => import('./bundle-fi'),
  sv: () => import('./bundle-sv'),
  en: () => import('./bundle-en'),
};
const complete = new Set<Locale>();
let isPageTextsWanted = false;

async function ensureLoaded(locale: Locale): Promise<void> {
  if (complete.has(locale) || (locale === 'fi' && !isPageTextsWanted)) return;
  const bundle = await loaders[locale]();
  // Deep and overwriting: the whole Finnish bundle lands on top of the shell's part of it.
  i18next.addResourceBundle(locale, 'translation', bundle.default, true, true);
  complete.add(locale);
}

/** Loads the language if needed, then switches to it (and so sets `<html lang>`). */
export async function switchLanguage(locale: Locale): Promise<void> {
  await ensureLoaded(locale);
  await i18next.changeLanguage(locale);
}

/** Every page's texts in the current language: a lazily loaded page waits for them before it renders. */
export async function loadPageTexts(): Promise<void> {
  isPageTextsWanted = true;
  await ensureLoaded(isLocale(i18next.language) ? i18next.language : 'fi');
}

/** Starts i18next in the language this browser chose before, Finnish otherwise. */
export async function initI18n(): Promise<void> {
  const initial = readStoredLocale() ?? defaultLocale;
  i18next.on('languageChanged', applyDocumentLocale);
  await i18next.use(initReactI18next).init({
    resources: { fi: { translation: fiShell } },
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
