import type { Locale } from '../../domain/org';
import { numberFormat } from '../../domain/intl-cache';

/** Numbers in the UI language ("3,4" in Finnish and Swedish, "3.4" in English). */

const intlLocales: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return numberFormat(intlLocales[locale], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A share 0–1 as a whole percentage: "67 %" (fi, sv) or "67%" (en). */
export function formatPercent(share: number, locale: Locale): string {
  return numberFormat(intlLocales[locale], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
