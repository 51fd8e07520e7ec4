/**
 * Scaling for the trend chart, kept apart from the drawing so it can be tested: a "nice" top of the
 * y axis (1, 2 or 5 × 10ⁿ steps), and points that skip months without data instead of drawing
 * them as zero (a month nobody logged is unknown, not empty).
 */

export type Scale = { top: number; ticks: number[] };

/** The smallest step of 1, 2 or 5 × 10ⁿ that is at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** A y axis from 0 that fits every value in about `tickCount` nice steps; 0–10 when there is no data. */
export function niceScale(values: readonly (number | null)[], tickCount = 4): Scale {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (max === 0) return { top: 10, ticks: [0, 5, 10] };
  const step = Math.max(1, niceStep(max / tickCount));
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  return { top, ticks };
}

export type Plot = { left: number; right: number; top: number; bottom: number };
export type Point = { x: number; y: number; index: number };

/** The x position of the i-th of `count` slots: slot centres spread over the plot's width. */
export function slotX(index: number, count: number, plot: Plot): number {
  const width = plot.right - plot.left;
  return plot.left + (width * (index + 0.5)) / Math.max(1, count);
}

/** The y position of a value on a scale from 0 (bottom) to `top`. */
export function valueY(value: number, top: number, plot: Plot): number {
  const clamped = Math.min(Math.max(value, 0), top);
  return plot.bottom - ((plot.bottom - plot.top) * clamped) / top;
}

/**
 * A line's points, split into runs at missing values: each run is drawn as its own polyline, so a
 * month without data leaves a gap rather than a dip to zero.
 */
export function lineRuns(values: readonly (number | null)[], top: number, plot: Plot): Point[][] {
  const runs: Point[][] = [];
  let run: Point[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (run.length > 0) runs.push(run);
      run = [];
      return;
    }
    run.push({ x: slotX(index, values.length, plot), y: valueY(value, top, plot), index });
  });
  if (run.length > 0) runs.push(run);
  return runs;
}
