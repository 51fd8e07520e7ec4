// How many encounters each site has on each day: the site's size × the day's weight, more than twice
// as many on a day with a session held. Exactly `encounters` in total: each (day, site) owns the row
// numbers [cstart, cend), so encounter n is always generated the same way, whatever the chunking.
import type { GenContext } from './synthetic-context.js';

/** Share of encounters with a visitor code, and of those the share that use a region-wide "roaming" code. */
export const CODED_SHARE = 0.45;
export const ROAMING_SHARE = 0.08;
// A site's visitors come about this often on average (with a long tail: regulars come weekly, most a few times).
const VISITS_PER_CODE = 5;

export type Pools = { roamingOffset: number; roamingSize: number; total: number };

export async function createPlan(ctx: GenContext): Promise<Pools> {
  const n = ctx.encounters;
  await ctx.session.exec(`
    create temp table bench_plan as
    with weighted as (
      select b.idx as site_idx, d.d, d.day, s.id as session_id, s.starts_min, s.ends_min, s.p1k,
        case when s.is_joint then s.p2k end as p2k,
        s.sn is not null as held,
        b.w * d.factor * (case when s.sn is not null then 2.2 else 1.0 end) as w
      from bench_site b cross join bench_day d
      left join bench_session s on s.site_idx = b.idx and s.d = d.d and not s.is_cancelled
    ), cumulative as (
      select weighted.*, sum(w) over (order by d, site_idx rows between unbounded preceding and current row) as cum from weighted
    ), ends as (
      select cumulative.*, case when cum = max(cum) over () then ${n}::int8 else floor(${n}::float8 * cum / max(cum) over ())::int8 end as cend
      from cumulative
    )
    select site_idx, d, day, session_id, starts_min, ends_min, p1k, p2k, held,
      coalesce(lag(cend) over (order by d, site_idx), 0) as cstart, cend
    from ends;
    create index on bench_plan (d);
    analyze bench_plan;

    update bench_site b set pool_size = greatest(30, ceil(x.n * ${CODED_SHARE * (1 - ROAMING_SHARE)} / ${VISITS_PER_CODE}))
    from (select site_idx, sum(cend - cstart) as n from bench_plan group by site_idx) x where x.site_idx = b.idx;
    update bench_site b set pool_offset = o.off
    from (select idx, coalesce(sum(pool_size) over (order by idx rows between unbounded preceding and 1 preceding), 0) as off from bench_site) o where o.idx = b.idx;
    analyze bench_site;
  `);
  const [row] = await ctx.session.query<{ total: string; planned: string }>('select (select sum(pool_size) from bench_site) as total, (select max(cend) from bench_plan) as planned');
  if (Number(row?.planned) !== n) throw new Error(`the plan holds ${row?.planned} encounters, not ${n}`);
  const roamingOffset = Number(row?.total ?? 0);
  const roamingSize = Math.max(50, Math.ceil((n * CODED_SHARE * ROAMING_SHARE) / (VISITS_PER_CODE * 2)));
  return { roamingOffset, roamingSize, total: roamingOffset + roamingSize };
}

/** Consecutive day ranges of about `chunkRows` encounters each, never splitting a day (see the first-visit rule). */
export async function planChunks(ctx: GenContext): Promise<{ fromD: number; toD: number; rows: number }[]> {
  const days = await ctx.session.query<{ d: number; upto: string }>('select d, max(cend) as upto from bench_plan group by d order by d');
  const chunks: { fromD: number; toD: number; rows: number }[] = [];
  let fromD = 0;
  let done = 0;
  for (const day of days) {
    const upto = Number(day.upto);
    if (upto - done >= ctx.chunkRows || day === days[days.length - 1]) {
      chunks.push({ fromD, toD: Number(day.d), rows: upto - done });
      fromD = Number(day.d) + 1;
      done = upto;
    }
  }
  return chunks;
}
