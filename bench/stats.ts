// Small, dependency-free statistics for benchmark samples.

/** Summary of a set of samples (all in the same unit, usually milliseconds). */
export type Summary = {
  count: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
};

/**
 * Nearest-rank percentile over an ascending-sorted array. Nearest-rank (rather than interpolation)
 * always returns a value that was actually observed, so a p95 of 5 samples is honestly the maximum.
 */
export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  if (p <= 0) return sortedAscending[0] ?? Number.NaN;
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  const index = Math.min(sortedAscending.length - 1, Math.max(0, rank - 1));
  return sortedAscending[index] ?? Number.NaN;
}

/** Sorts a copy, so callers keep their samples in measurement order (useful for spotting drift). */
export function sortedCopy(samples: readonly number[]): number[] {
  return [...samples].sort((a, b) => a - b);
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = sortedCopy(samples);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    min: sorted[0] ?? Number.NaN,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length === 0 ? Number.NaN : total / sorted.length,
  };
}

/** Rounds for reporting: benchmark noise makes more than a few significant digits meaningless. */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A ratio that stays JSON-safe (NaN/Infinity would serialise as null without explanation). */
export function ratio(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return null;
  return round(numerator / denominator, 3);
}
