import type { Locale } from '../../domain/org';

/** The languages of the web app, Finnish first (the default). */
export const webLocales = ['fi', 'sv', 'en'] as const satisfies readonly Locale[];
export const defaultLocale: Locale = 'fi';

const storageKey = 'silta.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (webLocales as readonly string[]).includes(value);
}

/** The language this browser chose before, if any. Storage can be blocked (private modes), hence the guard. */
export function readStoredLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // The choice then lasts for this page only; nothing else depends on it.
  }
}

export function applyDocumentLocale(locale: string): void {
  document.documentElement.lang = locale;
}
