/**
 * The day-centre trend over months (domain.md § 4.5: "45 → 60 → 70 a day"): per month, the mean
 * visitors and meals over the days the centre was open and logged. Closed days and days nobody
 * logged are left out, so a short month or a strike week does not drag the mean down.
 */

export type TrendDay = { day: string; breakfasts: number; lunches: number; estimatedVisitors: number | null; isClosed: boolean };

export type MonthTrend = {
  month: string;
  /** Open days with a log entry: the denominator of the meal means. */
  daysLogged: number;
  /** Over the open days that have a visitor estimate; null when none has. */
  meanVisitors: number | null;
  meanBreakfasts: number | null;
  meanLunches: number | null;
};

/** 'YYYY-MM' with a real month, in the years Silta accepts (1900–2999). */
export function isMonth(value: string): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12;
}

const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number): string => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** `month` moved by `n` months. */
export function addMonths(month: string, n: number): string {
  return monthOf(monthIndex(month) + n);
}

/** Every month from `from` to `to`, both included; empty when `to` is earlier. */
export function monthsInRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) months.push(monthOf(i));
  return months;
}

/** A mean to one decimal; integer sums keep the rounding exact enough that 10.05 cannot become 10.0. */
function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  return Math.round((sum * 10) / values.length) / 10;
}

/** One row per month from `from` to `to`, with zeros and nulls for months without data. */
export function monthlyTrend(days: readonly TrendDay[], from: string, to: string): MonthTrend[] {
  const open = new Map<string, TrendDay[]>();
  for (const d of days) {
    if (d.isClosed) continue;
    const month = d.day.slice(0, 7);
    open.set(month, [...(open.get(month) ?? []), d]);
  }
  return monthsInRange(from, to).map((month) => {
    const logged = open.get(month) ?? [];
    const visitors = logged.map((d) => d.estimatedVisitors).filter((v): v is number => v !== null);
    return {
      month,
      daysLogged: logged.length,
      meanVisitors: mean(visitors),
      meanBreakfasts: mean(logged.map((d) => d.breakfasts)),
      meanLunches: mean(logged.map((d) => d.lunches)),
    };
  });
}
