import type { Locale } from '../../domain/org';

/**
 * Numbers in the UI language ("3,4" in Finnish and Swedish, "3.4" in English) and the geometry of the
 * diverging bar: disagreement to the left of the middle, agreement to the right, "neither" astride it.
 */

const intlLocales: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(intlLocales[locale], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A share 0–1 as a whole percentage: "67 %" (fi, sv) or "67%" (en). */
export function formatPercent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocales[locale], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export type Segment = { value: number; count: number; start: number; width: number };

/**
 * Places the five answers of a statement on a 0–200 axis whose middle (100) is "neither": 1 and 2 end
 * at the left half of 3, 4 and 5 start at its right half. Widths are shares of n times 100, so the
 * longest possible bar (all disagree or all agree) just reaches an edge. Empty segments are dropped.
 */
export function divergingSegments(distribution: readonly { value: number; count: number }[]): Segment[] {
  const n = distribution.reduce((sum, d) => sum + d.count, 0);
  if (n === 0) return [];
  const share = (value: number) => (distribution.find((d) => d.value === value)?.count ?? 0) / n;
  let x = 100 - (share(1) + share(2) + share(3) / 2) * 100;
  const segments: Segment[] = [];
  for (const d of [...distribution].sort((a, b) => a.value - b.value)) {
    const width = (d.count / n) * 100;
    if (d.count > 0) segments.push({ value: d.value, count: d.count, start: x, width });
    x += width;
  }
  return segments;
}
