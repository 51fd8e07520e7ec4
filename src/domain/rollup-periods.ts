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
