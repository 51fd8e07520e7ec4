/**
 * The geometry of the diverging bar of a statement's answers 1–5, apart from the drawing so it can
 * be tested. Used by the feedback results page and the evaluation report alike.
 */

export type Segment = { value: number; count: number; start: number; width: number };

/** The axis runs 0 … AXIS with the middle at AXIS / 2: room for 100 % on either side of the middle. */
export const AXIS = 200;

/**
 * Places the answers 1–5 on a 0–200 axis (in percent of the answers, the middle at 100): "neither" (3)
 * straddles the middle, 1–2 lie to its left and 4–5 to its right. Each side has a whole 100 %, so even
 * a bar of only disagreement (or only agreement) stays inside the axis: it reaches an edge at most.
 * Empty answers get no segment. Null when any count is hidden (the shares would mislead) or there
 * are no answers.
 */
export function divergingSegments(counts: readonly (number | null)[]): Segment[] | null {
  if (counts.length !== 5 || counts.some((c) => c === null)) return null;
  const known = counts as number[];
  const total = known.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const share = (c: number) => (c / total) * 100;
  const left = share(known[0]!) + share(known[1]!) + share(known[2]!) / 2;
  let start = AXIS / 2 - left;
  const segments: Segment[] = [];
  known.forEach((count, i) => {
    const width = share(count);
    if (width > 0) segments.push({ value: i + 1, count, start, width });
    start += width;
  });
  return segments;
}
