/**
 * Scaling for the report's charts, apart from the drawing so it can be tested: a "nice" axis, bar
 * lengths, the diverging bar of a 1–5 statement, heat-map shades and how many axis labels fit.
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

export type Segment = { value: number; count: number; start: number; width: number };

/**
 * The diverging bar of answers 1–5 on a 0–100 axis: "neutral" (3) straddles the middle, 1–2 lie to
 * its left and 4–5 to its right. Null when any answer count is hidden (the shares would mislead)
 * or there are no answers.
 */
export function divergingSegments(counts: readonly (number | null)[]): Segment[] | null {
  if (counts.length !== 5 || counts.some((c) => c === null)) return null;
  const known = counts as number[];
  const total = known.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const share = (c: number) => (c / total) * 100;
  const left = share(known[0]!) + share(known[1]!) + share(known[2]!) / 2;
  let start = 50 - left;
  const segments: Segment[] = [];
  known.forEach((count, i) => {
    const width = share(count);
    if (width > 0) segments.push({ value: i + 1, count, start, width });
    start += width;
  });
  return segments;
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
