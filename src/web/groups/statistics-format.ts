import type { Locale } from '../../domain/org';
import { numberFormat } from '../../domain/intl-cache';

const intlLocales: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** A mean as people read it: at most one decimal, in the reader's notation ("4,6"); a dash when there is none. */
export function formatMean(mean: number | null, locale: Locale): string {
  if (mean === null) return '–';
  return numberFormat(intlLocales[locale], { maximumFractionDigits: 1 }).format(mean);
}

export const formatCount = (n: number | null): string => (n === null ? '–' : String(n));

/** The smallest "nice" axis maximum (1, 2, 5 × 10ⁿ) at or above the largest value; at least 1. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/** Axis ticks 0…max in 2–5 even steps (max is a nice number, so the steps are whole). */
export function axisTicks(max: number): number[] {
  const first = String(max)[0];
  const count = first === '1' ? (max >= 10 ? 5 : 1) : first === '2' ? 4 : 5;
  const step = max / count;
  return Array.from({ length: count + 1 }, (_, i) => Math.round(i * step));
}

export type Bar = { key: string; x: number; width: number; y: number; height: number; value: number | null };
export type ChartLayout = { bars: Bar[]; max: number; ticks: number[]; plotTop: number; plotBottom: number; plotLeft: number; plotRight: number };

/**
 * Where each session's bar goes in a chart of the given size. A session without figures (not
 * recorded or cancelled) keeps its slot, so the weeks stay in order, but gets no bar.
 */
export function chartLayout(values: { key: string; value: number | null }[], size: { width: number; height: number }): ChartLayout {
  const plotLeft = 32;
  const plotRight = size.width - 8;
  const plotTop = 8;
  const plotBottom = size.height - 24;
  const max = niceMax(Math.max(0, ...values.map((v) => v.value ?? 0)));
  const slot = values.length === 0 ? 0 : (plotRight - plotLeft) / values.length;
  const width = slot * 0.6;
  const bars = values.map((v, i) => {
    const height = v.value === null ? 0 : ((plotBottom - plotTop) * v.value) / max;
    return { key: v.key, x: plotLeft + i * slot + (slot - width) / 2, width, y: plotBottom - height, height, value: v.value };
  });
  return { bars, max, ticks: axisTicks(max), plotTop, plotBottom, plotLeft, plotRight };
}
