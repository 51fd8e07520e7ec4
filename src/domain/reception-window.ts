/** The suggested reception window: hours [fromHour, toHour) of one day, and how many encounters fall in it. */
export type ReceptionWindow = { fromHour: number; toHour: number; covered: number; total: number };

export const HOURS_PER_DAY = 24;

/**
 * The shortest run of whole hours [fromHour, toHour) (toHour exclusive, within one day: no wrap past
 * midnight) whose encounters cover at least `share` (0–1, clamped) of all encounters counted per hour of
 * the day (24 numbers). Among equally short runs: the one covering most, then the earliest. Null when
 * there are no encounters. Negative or non-numeric counts are read as zero.
 */
export function suggestedWindow(hourCounts: readonly number[], share: number): ReceptionWindow | null {
  if (hourCounts.length !== HOURS_PER_DAY) throw new RangeError(`expected ${HOURS_PER_DAY} hourly counts, got ${hourCounts.length}`);
  const counts = hourCounts.map((n) => (Number.isFinite(n) && n > 0 ? n : 0));
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const wanted = Math.min(1, Math.max(0, Number.isNaN(share) ? 1 : share)) * total;
  // A small tolerance so that float products (0.29 × 100 = 28.999…, 0.1 × 3 = 0.300…04) do not decide the outcome.
  const enough = (covered: number) => covered >= wanted - 1e-9 * total;

  for (let length = 1; length <= HOURS_PER_DAY; length++) {
    let best: ReceptionWindow | null = null;
    for (let fromHour = 0; fromHour + length <= HOURS_PER_DAY; fromHour++) {
      const covered = counts.slice(fromHour, fromHour + length).reduce((sum, n) => sum + n, 0);
      if (enough(covered) && (best === null || covered > best.covered)) best = { fromHour, toHour: fromHour + length, covered, total };
    }
    if (best) return best;
  }
  return null; // unreachable: the whole day covers everything
}
