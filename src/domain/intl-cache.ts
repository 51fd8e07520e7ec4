/**
 * Shared Intl formatters. A formatter is built once per locale and options and kept: building one
 * per call is slow, and each holds native ICU memory that V8 does not count, so a server that built
 * one per request grew by hundreds of MiB before the garbage collector noticed (the soak's memory
 * check caught it). ESLint bans `new Intl.*` elsewhere; the set of option shapes is fixed in code,
 * so the caches stay small.
 */

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function cached<T>(cache: Map<string, T>, locale: string, options: object, make: () => T): T {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (formatter === undefined) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached(dateTimeFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  cached(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));

export const listFormat = (locale: string, options: Intl.ListFormatOptions = {}): Intl.ListFormat =>
  cached(listFormats, locale, options, () => new Intl.ListFormat(locale, options));
