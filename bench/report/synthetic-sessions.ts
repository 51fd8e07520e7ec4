// Outreach sessions: a weekly series per site and session weekday (each site has 2–5 weekdays, by size),
// materialised for every week of the history. Mostly receptions, some group and other sessions, about
// 3 % cancelled, about a third staffed by two professionals. Working table bench_session.
import { helsinkiAt, millisOf, r, type GenContext } from './synthetic-context.js';
import { ID_TAG } from './synthetic-org.js';
import { uuidV7, weighted } from './sql-random.js';

const minutesToTime = (minutes: string) => `make_time((${minutes}) / 60, (${minutes}) % 60, 0)`;

export async function createSessions(ctx: GenContext): Promise<void> {
  const seriesKey = 'site_idx * 8 + dow';
  const kind = weighted(r(ctx, seriesKey, 31), [["'reception'", 85], ["'group'", 8], ["'other'", 7]]);
  const length = weighted(r(ctx, seriesKey, 32), [['120', 30], ['180', 50], ['240', 20]]);
  const planned = `'${ctx.firstDay}'::timestamptz - interval '14 days'`;
  await ctx.session.exec(`
    create temp table bench_series as
    with days as (
      -- The site's n_sessions weekdays: a start that differs between sites, then every other weekday.
      select b.idx as site_idx, b.id as site_id, b.n_staff, ((b.idx % 5) + 2 * j) % 5 + 1 as dow
      from bench_site b cross join lateral generate_series(0, b.n_sessions - 1) j
    ), keyed as (
      select days.*, row_number() over (order by site_idx, dow) as sn from days
    )
    select site_idx, site_id, dow, sn,
      ${uuidV7(millisOf(planned), ID_TAG.series, 'sn')} as id,
      ${kind} as kind,
      (9 + floor(4 * ${r(ctx, seriesKey, 33)}))::int * 60 as starts_min,
      ${length} as length_min,
      floor(n_staff * ${r(ctx, seriesKey, 34)})::int as p1k,
      n_staff
    from keyed;
    alter table bench_series add primary key (site_idx, dow);
    -- The second professional of a joint session: another of the site's staff.
    alter table bench_series add column p2k int;
    update bench_series set p2k = (p1k + 1 + floor((n_staff - 1) * ${r(ctx, seriesKey, 35)})::int) % n_staff;

    insert into session_series (id, site_id, room, kind, recurrence, weekday, nth, starts_on, ends_on, starts_at, ends_at, is_announced, public_note, created_by, created_at)
    select id, site_id, '', kind, 'weekly', dow, null, '${ctx.firstDay}', '${ctx.lastDay}', ${minutesToTime('starts_min')}, ${minutesToTime('starts_min + length_min')}, true, '', '${ctx.coordinatorId}'::uuid, ${planned}
    from bench_series order by sn;

    create temp table bench_session as
    with keyed as (
      select x.site_idx, x.site_id, x.id as series_id, x.kind, x.starts_min, x.starts_min + x.length_min as ends_min, x.p1k, x.p2k, d.d, d.day,
        row_number() over (order by d.d, x.site_idx) as sn
      from bench_series x join bench_day d on d.dow = x.dow
    )
    select keyed.*,
      ${uuidV7(millisOf(helsinkiAt('day - 14', '600')), ID_TAG.session, 'sn')} as id,
      ${r(ctx, 'sn', 36)} < 0.03 as is_cancelled,
      ${r(ctx, 'sn', 37)} < 0.35 as is_joint
    from keyed;
    alter table bench_session add primary key (sn);
    create unique index on bench_session (site_idx, d);

    insert into outreach_sessions (id, site_id, series_id, room, kind, day, starts_at, ends_at, is_cancelled, is_announced, public_note, created_by, created_at, updated_at)
    select s.id, s.site_id, s.series_id, '', s.kind, s.day, ${minutesToTime('s.starts_min')}, ${minutesToTime('s.ends_min')}, s.is_cancelled, true, '',
      '${ctx.coordinatorId}'::uuid, ${helsinkiAt('s.day - 14', '600')}, ${helsinkiAt('s.day - 14', '600')}
    from bench_session s order by s.sn;

    -- Hours as planned; the second professional of a joint session is there for at most two hours.
    insert into session_professionals (session_id, user_id, hours)
    select s.id, p.user_id, (s.ends_min - s.starts_min) / 60.0
    from bench_session s join bench_staff p on p.site_idx = s.site_idx and p.k = s.p1k
    union all
    select s.id, p.user_id, least(2, (s.ends_min - s.starts_min) / 60.0)
    from bench_session s join bench_staff p on p.site_idx = s.site_idx and p.k = s.p2k
    where s.is_joint;
    analyze bench_session;
  `);
}
