// The rest of what the report reads, in modest amounts: the day centres' daily log, open groups with
// attendance (counters and visitor codes), and visitor feedback after sessions and groups.
import { helsinkiAt, millisOf, r, type GenContext } from './synthetic-context.js';
import { ID_TAG } from './synthetic-org.js';
import { uuidV4, uuidV7, weighted } from './sql-random.js';

const FEEDBACK_RESPONSE_TAG = 0xfeed0001;

/** A log for every weekday a day centre is open (not on Christmas or New Year's Day), written as it closes. */
async function daylog(ctx: GenContext): Promise<void> {
  const key = 'b.idx * 100000 + d.d';
  const written = helsinkiAt('d.day', "case when d.dow = 5 then 850 else 940 end");
  await ctx.session.exec(`
    insert into daylog (id, site_id, day, breakfasts, lunches, estimated_visitors, is_closed, opened_at, closed_at, events, created_by, updated_by, created_at, updated_at)
    select ${uuidV7(millisOf('x.written'), ID_TAG.daylog, 'x.key')}, x.site_id, x.day,
      round(x.visitors * 0.58)::int, round(x.visitors * 0.8)::int,
      case when x.unestimated then null else x.visitors end,
      false, '08:00', case when x.dow = 5 then '14:00'::time else '15:30'::time end,
      case when x.held then 'Outreach professional in.' else '' end,
      x.user_id, x.user_id, x.written, x.written
    from (
      select ${key} as key, b.id as site_id, d.day, d.dow, st.user_id, ${written} as written,
        least(10000, round((15 + 70 * sqrt(b.w / (select max(w) from bench_site))) * d.factor * (0.9 + 0.2 * ${r(ctx, key, 81)})))::int as visitors,
        ${r(ctx, key, 82)} < 0.03 as unestimated,
        exists (select 1 from bench_session s where s.site_idx = b.idx and s.d = d.d and not s.is_cancelled) as held
      from bench_site b join bench_dc_staff st on st.site_idx = b.idx cross join bench_day d
      where b.is_day_centre and d.dow <= 5 and to_char(d.day, 'MM-DD') not in ('12-24', '12-25', '12-26', '01-01')
    ) x
    order by x.day, x.site_id;
  `);
}

/**
 * An open group at every day centre (two at the biggest ones), each running for half a year to two
 * years within the history, weekly. About 4 % of meetings cancelled; most of the rest have counters,
 * and regulars (the site's earliest visitor codes) on the roster.
 */
async function groups(ctx: GenContext): Promise<void> {
  const days = `('${ctx.lastDay}'::date - '${ctx.firstDay}'::date)`;
  await ctx.session.exec(`
    create temp table bench_gseries as
    with s as (
      select b.idx as site_idx, b.id as site_id, series_no, row_number() over (order by b.idx, series_no) as gn
      from bench_site b cross join lateral generate_series(0, case when b.idx < 10 then 1 else 0 end) series_no
      where b.is_day_centre
    ), starts as (
      select s.*, case series_no when 0 then 4 else 2 end as weekday,
        '${ctx.firstDay}'::date + floor(${days} * 0.6 * ${r(ctx, 'gn', 51)})::int as not_before,
        26 + floor(78 * ${r(ctx, 'gn', 52)})::int as weeks
      from s
    ), aligned as (
      select starts.*, not_before + ((weekday - extract(isodow from not_before)::int + 7) % 7) as starts_on from starts
    )
    select aligned.*, greatest(starts_on, least('${ctx.lastDay}'::date, starts_on + 7 * (weeks - 1))) as ends_on,
      ${uuidV7(millisOf(helsinkiAt('starts_on - 10', '600')), ID_TAG.groupSeries, 'gn')} as id,
      ${helsinkiAt('starts_on - 10', '600')} as created_at
    from aligned
    where starts_on <= '${ctx.lastDay}'::date;

    insert into group_series (id, region_id, site_id, name, description, target_group, room, facilitators, weekday, starts_at, ends_at, starts_on, ends_on, is_announced, anonymous_repeat_participants, created_by, created_at, updated_at)
    select id, '${ctx.regionId}'::uuid, site_id, 'Open group ' || gn, 'A weekly open discussion group.', 'All visitors', '',
      '[{"role":"Instructor","organisation":"Day centre"},{"role":"Peer worker","organisation":"Association","isPeerWorker":true}]'::jsonb,
      weekday, case series_no when 0 then '12:00'::time else '14:00'::time end, case series_no when 0 then '13:30'::time else '15:30'::time end,
      starts_on, ends_on, true, case when ${r(ctx, 'gn', 53)} < 0.5 then floor(6 * ${r(ctx, 'gn', 54)})::int end, '${ctx.coordinatorId}'::uuid, created_at, created_at
    from bench_gseries order by gn;

    create temp table bench_gsession as
    with m as (
      select g.gn, g.series_no, g.id as series_id, g.site_id, g.created_at, x.day::date as day, row_number() over (order by x.day, g.gn) as gsn
      from bench_gseries g cross join lateral generate_series(g.starts_on, g.ends_on, interval '7 days') x(day)
    )
    select m.*, ${uuidV7(millisOf('m.created_at'), ID_TAG.groupSession, 'm.gsn')} as id,
      ${r(ctx, 'gsn', 55)} < 0.04 as is_cancelled,
      ${r(ctx, 'gsn', 55)} >= 0.04 and ${r(ctx, 'gsn', 56)} < 0.9 as has_counters,
      2 + floor(7 * ${r(ctx, 'gsn', 57)})::int as total
    from m;

    insert into group_sessions (id, series_id, day, starts_at, ends_at, room, theme, is_theme_published, is_cancelled, anonymous_total, anonymous_returning, anonymous_new, created_at, updated_at)
    select id, series_id, day, case series_no when 0 then '12:00'::time else '14:00'::time end, case series_no when 0 then '13:30'::time else '15:30'::time end, '',
      case when ${r(ctx, 'gsn', 58)} < 0.7 then 'Theme ' || (gsn % 40 + 1) else '' end, ${r(ctx, 'gsn', 59)} < 0.5, is_cancelled,
      case when has_counters then total end,
      case when has_counters then floor(total * (0.4 + 0.3 * ${r(ctx, 'gsn', 60)}))::int end,
      case when has_counters then floor((total - floor(total * (0.4 + 0.3 * ${r(ctx, 'gsn', 60)}))) * ${r(ctx, 'gsn', 61)})::int end,
      created_at, ${helsinkiAt('day', '840')}
    from bench_gsession order by gsn;

    -- Regulars: each site's twenty earliest codes; a meeting's roster takes 0–5 of those issued before it.
    create temp table bench_regular as
    select site_id, code, issued_at, rk from (
      select issued_at_site as site_id, code, issued_at, row_number() over (partition by issued_at_site order by issued_at, code) as rk
      from visitor_codes where region_id = '${ctx.regionId}'::uuid
    ) x where rk <= 20;
    insert into group_attendees (session_id, visitor_code)
    select g.id, rg.code
    from bench_gsession g
    cross join lateral generate_series(1, floor(6 * ${r(ctx, 'g.gsn', 62)})::int) j
    join bench_regular rg on rg.site_id = g.site_id and rg.rk = 1 + (floor(20 * ${r(ctx, 'g.gsn', 63)})::int + 7 * j) % 20
      and rg.issued_at < ${helsinkiAt('g.day', '720')}
    where not g.is_cancelled;
  `);
}

/** Meeting-form answer sheets per encounter: about 3 % of visitors fill one in. */
const FEEDBACK_SHARE = 0.03;

/**
 * Paper (mostly), QR-link and kiosk answers to the meeting form after receptions (about 3 % of the
 * encounters, spread over the sessions), and to the group form after most group meetings (1–2 sheets):
 * every statement answered bar a few blanks, mostly 4–5, now and then "does not apply".
 */
async function feedback(ctx: GenContext): Promise<void> {
  const key = 'k.key';
  const [row] = await ctx.session.query<{ n: string }>("select count(*) as n from bench_session where not is_cancelled and kind = 'reception'");
  // Sheets per reception, rounded up or down at random so that the total comes out right.
  const perSession = (FEEDBACK_SHARE * ctx.encounters) / Math.max(1, Number(row?.n ?? 0));
  await ctx.session.exec(`
    create temp table bench_form as
    select f.template_key, v.id as version_id
    from feedback_forms f join feedback_form_versions v on v.form_id = f.id
    where f.region_id = '${ctx.regionId}'::uuid and f.template_key in ('pilot_meeting', 'pilot_group')
      and v.version = (select max(w.version) from feedback_form_versions w where w.form_id = f.id);

    create temp table bench_response as
    select row_number() over (order by x.day, x.src, x.ref, x.j) as rn, x.*
    from (
      select s.day, 1 as src, s.sn as ref, j, s.site_id, s.id as outreach_session_id, null::uuid as group_session_id, 'pilot_meeting' as template_key
      from bench_session s cross join lateral generate_series(1, floor(${perSession.toFixed(6)} + ${r(ctx, 's.sn', 65)})::int) j
      where not s.is_cancelled and s.kind = 'reception'
      union all
      select g.day, 2, g.gsn, j, g.site_id, null, g.id, 'pilot_group'
      from bench_gsession g cross join lateral generate_series(1, 1 + floor(2 * ${r(ctx, 'g.gsn', 67)})::int) j
      where g.has_counters and ${r(ctx, 'g.gsn', 66)} < 0.6
    ) x;

    insert into feedback_responses (id, region_id, site_id, form_version_id, outreach_session_id, group_session_id, channel, locale, submitted_on)
    select ${uuidV4(FEEDBACK_RESPONSE_TAG, 'x.rn')}, '${ctx.regionId}'::uuid, x.site_id, f.version_id, x.outreach_session_id, x.group_session_id,
      ${weighted(r(ctx, 'x.rn', 68), [["'paper'", 80], ["'link'", 15], ["'kiosk'", 5]])},
      ${weighted(r(ctx, 'x.rn', 69), [["'fi'", 88], ["'en'", 8], ["'sv'", 4]])}, x.day
    from bench_response x join bench_form f on f.template_key = x.template_key
    order by x.rn;

    insert into feedback_answers (response_id, item_id, score, is_not_applicable, choices, text_value)
    select ${uuidV4(FEEDBACK_RESPONSE_TAG, 'x.rn')}, i.id,
      case when na.value then null
           when i.kind = 'agreement' then ${weighted(r(ctx, key, 71), [['5', 50], ['4', 31], ['3', 12], ['2', 5], ['1', 2]])}
           else ${weighted(r(ctx, key, 71), [['10', 33], ['9', 25], ['8', 20], ['7', 10], ['6', 5], ['5', 4], ['3', 3]])} end,
      na.value, null, null
    from bench_response x
    join bench_form f on f.template_key = x.template_key
    join feedback_items i on i.version_id = f.version_id and i.kind in ('agreement', 'recommendation')
    cross join lateral (select x.rn * 128 + i.position as key) k
    cross join lateral (select i.allows_not_applicable and ${r(ctx, key, 72)} < 0.05 as value) na
    where i.position = 1 or ${r(ctx, key, 70)} >= 0.04;
  `);
}

export async function createExtras(ctx: GenContext): Promise<void> {
  await daylog(ctx);
  await groups(ctx);
  await feedback(ctx);
}
