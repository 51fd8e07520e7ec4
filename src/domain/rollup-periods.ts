import { addDays } from './calendar.js';

/**
 * How the report's rollups cut a period of days into pieces they hold: whole years ('y'), whole months
 * ('m') and single days ('d'). A piece is a run of consecutive rollup rows of one grain, named by the
 * first and last period starts it covers (for 'y' and 'm' the first day of the year or month).
 */
export type Grain = 'd' | 'm' | 'y';
export type PeriodPiece = { grain: Grain; firstStart: string; lastStart: string };

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const yearStart = (day: string) => `${day.slice(0, 4)}-01-01`;
const nextMonth = (start: string) => {
  const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${start.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`;
};
const nextYear = (start: string) => `${String(Number(start.slice(0, 4)) + 1).padStart(4, '0')}-01-01`;
const previousMonth = (start: string) => monthStart(addDays(start, -1));
const previousYear = (start: string) => yearStart(addDays(start, -1));

/**
 * The fewest pieces that cover the days from..to (inclusive) exactly once: the whole years inside,
 * then the whole months inside what is left at either end, then the days left over. Empty when
 * from > to. At most five pieces: days, months, years, months, days.
 */
export function periodPieces(from: string, to: string): PeriodPiece[] {
  if (from > to) return [];
  const pieces: PeriodPiece[] = [];
  // Whole months inside [from, to]: from the first month starting on or after `from` to the last month ending on or before `to`.
  const firstMonth = monthStart(from) === from ? from : nextMonth(monthStart(from));
  const afterLastMonth = monthStart(addDays(to, 1)) === addDays(to, 1) ? addDays(to, 1) : monthStart(to);
  if (firstMonth >= afterLastMonth) return [{ grain: 'd', firstStart: from, lastStart: to }];
  if (from < firstMonth) pieces.push({ grain: 'd', firstStart: from, lastStart: addDays(firstMonth, -1) });
  const firstYear = yearStart(firstMonth) === firstMonth ? firstMonth : nextYear(yearStart(firstMonth));
  const afterLastYear = yearStart(afterLastMonth) === afterLastMonth ? afterLastMonth : yearStart(afterLastMonth);
  if (firstYear < afterLastYear) {
    if (firstMonth < firstYear) pieces.push({ grain: 'm', firstStart: firstMonth, lastStart: previousMonth(firstYear) });
    pieces.push({ grain: 'y', firstStart: firstYear, lastStart: previousYear(afterLastYear) });
    if (afterLastYear < afterLastMonth) pieces.push({ grain: 'm', firstStart: afterLastYear, lastStart: previousMonth(afterLastMonth) });
  } else {
    pieces.push({ grain: 'm', firstStart: firstMonth, lastStart: previousMonth(afterLastMonth) });
  }
  if (afterLastMonth <= to) pieces.push({ grain: 'd', firstStart: afterLastMonth, lastStart: to });
  return pieces;
}

/** The days a piece covers (for tests and small checks; a year piece has hundreds). */
export function daysOfPiece(piece: PeriodPiece): string[] {
  const last = piece.grain === 'd' ? piece.lastStart : addDays(piece.grain === 'm' ? nextMonth(piece.lastStart) : nextYear(piece.lastStart), -1);
  const days: string[] = [];
  for (let d = piece.firstStart; d <= last; d = addDays(d, 1)) days.push(d);
  return days;
}

/** A piece added (+1) or subtracted (-1). */
export type SignedPiece = PeriodPiece & { sign: 1 | -1 };

/** Rows per period a rollup holds, relative to a day's: a month or a year holds about twice a day's keys. */
const ROWS_PER_PERIOD: Record<Grain, number> = { d: 1, m: 2, y: 2 };

const nextStart = (grain: Grain, start: string) => (grain === 'd' ? addDays(start, 1) : grain === 'm' ? nextMonth(start) : nextYear(start));

/** About how many rows a piece reads: its periods that can hold data (starting on or before `dataEnd`), weighed by grain. */
function rowsOf(piece: PeriodPiece, dataEnd: string): number {
  let periods = 0;
  for (let start = piece.firstStart; start <= piece.lastStart && start <= dataEnd; start = nextStart(piece.grain, start)) periods += 1;
  return periods * ROWS_PER_PERIOD[piece.grain];
}

const monthEnd = (start: string) => addDays(nextMonth(start), -1);
const plus = (p: PeriodPiece): SignedPiece => ({ ...p, sign: 1 });

/**
 * Widens the end piece at `index` (days, or months next to a year piece) to its whole month or year
 * and subtracts the part outside the period, when that reads fewer rows: a period ending yesterday
 * reads this month as one month row set less the days from today on (which hold next to nothing),
 * instead of every day so far. The coarser piece beside it (towards the middle of the period) takes in
 * the widened period when they touch.
 */
function widenEnd(pieces: SignedPiece[], index: number, side: 'head' | 'tail', dataEnd: string): void {
  const piece = pieces[index]!;
  const coarser: Grain = piece.grain === 'd' ? 'm' : 'y';
  const start = coarser === 'm' ? monthStart(piece.firstStart) : yearStart(piece.firstStart);
  const last = coarser === 'm' ? monthEnd(start) : `${start.slice(0, 4)}-12-01`;
  const outside: PeriodPiece =
    side === 'head'
      ? { grain: piece.grain, firstStart: start, lastStart: piece.grain === 'd' ? addDays(piece.firstStart, -1) : previousMonth(piece.firstStart) }
      : { grain: piece.grain, firstStart: piece.grain === 'd' ? addDays(piece.lastStart, 1) : nextMonth(piece.lastStart), lastStart: last };
  if (outside.firstStart > outside.lastStart || ROWS_PER_PERIOD[coarser] + rowsOf(outside, dataEnd) >= rowsOf(piece, dataEnd)) return;
  const neighbourIndex = side === 'head' ? index + 1 : index - 1;
  const neighbour = pieces[neighbourIndex];
  if (neighbour?.grain === coarser && neighbour.sign === 1) {
    // The coarser piece beside it starts (or ends) right at the widened period: it takes it in.
    if (side === 'head') neighbour.firstStart = start;
    else neighbour.lastStart = start;
    pieces.splice(index, 1);
  } else {
    pieces.splice(index, 1, { grain: coarser, firstStart: start, lastStart: start, sign: 1 });
  }
  pieces.push({ ...outside, sign: -1 });
}

/**
 * Signed pieces whose sum covers from..to exactly once, reading fewer rows than periodPieces where an
 * end can be read as a whole month (or year) less what lies outside the period. `dataEnd` is the last
 * day that can hold data (today): periods after it cost next to nothing to subtract. Widening is only
 * tried where the period has a coarser piece inside it, so the two ends never widen into the same
 * month or year.
 */
export function signedPieces(from: string, to: string, dataEnd: string): SignedPiece[] {
  const pieces = periodPieces(from, to).map(plus);
  const hasCoarser = pieces.some((p) => p.grain !== 'd');
  const hasYears = pieces.some((p) => p.grain === 'y');
  if (!hasCoarser) return pieces;
  const positive = () => pieces.filter((p) => p.sign === 1);
  // Days first (widening them can create or grow a month piece), then months next to the years.
  const tailDays = positive().at(-1)!;
  if (tailDays.grain === 'd') widenEnd(pieces, pieces.indexOf(tailDays), 'tail', dataEnd);
  const headDays = pieces[0]!;
  if (headDays.grain === 'd' && headDays.sign === 1) widenEnd(pieces, 0, 'head', dataEnd);
  if (hasYears) {
    const tailMonths = positive().at(-1)!;
    if (tailMonths.grain === 'm') widenEnd(pieces, pieces.indexOf(tailMonths), 'tail', dataEnd);
    const headMonths = pieces[0]!;
    if (headMonths.grain === 'm' && headMonths.sign === 1) widenEnd(pieces, 0, 'head', dataEnd);
  }
  return pieces;
}
