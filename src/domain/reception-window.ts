/** The suggested reception window (placeholder: being written). */
export type ReceptionWindow = { fromHour: number; toHour: number; covered: number; total: number };

/**
 * The shortest run of whole hours [fromHour, toHour) that covers at least `share` (0–1) of the
 * encounters counted per hour of the day (24 numbers); null when there are none.
 */
export function suggestedWindow(_hourCounts: readonly number[], _share: number): ReceptionWindow | null {
  return null;
}
