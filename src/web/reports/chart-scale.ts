/**
 * Scaling for the report's charts, apart from the drawing so it can be tested: a "nice" axis, bar
 * lengths, heat-map shades and how many axis labels fit. (The diverging bar's is in charts/diverging.ts.)
 */

export type Scale = { top: number; ticks: number[] };

/** The smallest step of 1, 2 or 5 × 10ⁿ that is at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** An axis from 0 that fits every known value in about `tickCount` nice steps; 0–10 without data. */
export function niceScale(values: readonly (number | null)[], tickCount = 4): Scale {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (max === 0) return { top: 10, ticks: [0, 5, 10] };
  const step = niceStep(max / tickCount);
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + 1e-9; i += 1) ticks.push(Number((i * step).toPrecision(12)));
  return { top, ticks };
}

/** Percents always run 0–100, so two charts of shares can be compared by eye. */
export const percentScale: Scale = { top: 100, ticks: [0, 25, 50, 75, 100] };

/** A value's length on an axis of `length` units; clamped so a bar never leaves the plot. */
export function barLength(value: number, top: number, length: number): number {
  if (top <= 0) return 0;
  return (Math.min(Math.max(value, 0), top) / top) * length;
}

/** One of `steps` shades (0 = none) for a heat-map cell; any value above zero gets at least shade 1. */
export function heatShade(value: number | null, max: number, steps = 5): number {
  if (value === null || value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(steps - 1, Math.ceil((value / max) * (steps - 1))));
}

/** Label every n-th of `count` slots so that at most `maxLabels` labels are drawn. */
export function labelEvery(count: number, maxLabels: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, maxLabels)));
}
