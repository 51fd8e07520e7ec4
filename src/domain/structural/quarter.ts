/** A calendar quarter: the period of a municipality's structural report (every three months, seeds/004:515). */
export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

/** The quarter a Helsinki day (yyyy-mm-dd) falls in. */
export function quarterOf(day: string): Quarter {
  const month = Number(day.slice(5, 7));
  return { year: Number(day.slice(0, 4)), quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

/** First and last day of a quarter, inclusive. */
export function quarterBounds(q: Quarter): { first: string; last: string } {
  const firstMonth = (q.quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(q.year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { first: `${q.year}-${pad(firstMonth)}-01`, last: `${q.year}-${pad(lastMonth)}-${pad(lastDay)}` };
}
