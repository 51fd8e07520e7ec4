// The organisation of the synthetic region: sites of very different sizes, their professionals and
// day-centre staff, a region-wide coordinator, and the working tables the later steps join on
// (bench_site, bench_staff, bench_day, bench_code, bench_service).
import { millisOf, r, type GenContext } from './synthetic-context.js';
import { text, uuidV7, weighted } from './sql-random.js';

// Id tags (the 12 bits after the version nibble) keep the generated ids of different tables apart.
export const ID_TAG = { site: 0x051, user: 0x052, role: 0x053, series: 0x054, session: 0x055, encounter: 0x0e1, referral: 0x0e2, daylog: 0x0d1, groupSeries: 0x061, groupSession: 0x062 } as const;

const dayCentreHours = JSON.stringify([1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: weekday === 5 ? '14:00' : '15:30' })));

/**
 * Sites: a Zipf-like size (weight) so that a few are big and most are small, every fifth a day centre
 * (with opening hours and a daily log). The size decides how many weekdays have an outreach session
 * (2–5) and how many professionals work there (2–6).
 */
async function createSites(ctx: GenContext): Promise<void> {
  const { session: s } = ctx;
  const kind = weighted(r(ctx, 'i', 2), [["'kela_office'", 15], ["'parish'", 20], ["'shopping_centre'", 10], ["'health_centre'", 20], ["'street'", 15], ["'home_visits'", 10], ["'other'", 10]]);
  await s.exec(`
    create temp table bench_site as
    with raw as (
      select i, (1.0 / power(i + 1, 0.85)) * (0.85 + 0.3 * ${r(ctx, 'i', 1)}) as w from generate_series(0, ${ctx.sites - 1}) i
    ), sized as (
      select i, w, sqrt(w / max(w) over ()) as size from raw
    )
    select i as idx,
      ${uuidV7(millisOf(`'${ctx.firstDay}'::timestamptz`), ID_TAG.site, 'i')} as id,
      w,
      i % 5 = 0 as is_day_centre,
      case when i % 5 = 0 then 'day_centre' else ${kind} end as kind,
      least(5, 2 + floor(3 * size))::int as n_sessions,
      (2 + floor(4 * size))::int as n_staff,
      0::int8 as pool_offset,
      0::int8 as pool_size
    from sized;
    alter table bench_site add primary key (idx);
    insert into sites (id, region_id, name, kind, address, opening_hours, rooms, is_active, created_at, updated_at)
    select id, '${ctx.regionId}'::uuid, 'Synthetic site ' || lpad((idx + 1)::text, 3, '0'), kind, '',
      case when is_day_centre then ${text(dayCentreHours)}::jsonb else '[]'::jsonb end, '[]'::jsonb, true,
      '${ctx.firstDay}'::timestamptz - interval '60 days', '${ctx.firstDay}'::timestamptz - interval '60 days'
    from bench_site order by idx;
  `);
}

/**
 * Professionals: the first of every site is a nurse and the second a social worker (so both registers
 * are present everywhere), the rest of any profession. Each has a professional role at their site.
 * Day centres also have a day-centre staff account, and the region one coordinator (the report reader).
 */
async function createUsers(ctx: GenContext): Promise<void> {
  const { session: s } = ctx;
  const created = `'${ctx.firstDay}'::timestamptz - interval '60 days'`;
  const profession = weighted(r(ctx, 'site_idx * 16 + k', 3), [["'nurse'", 35], ["'social_worker'", 30], ["'social_instructor'", 15], ["'addiction_worker'", 12], ["'peer_worker'", 8]]);
  await s.exec(`
    create temp table bench_staff as
    with slots as (
      select b.idx as site_idx, b.id as site_id, k, row_number() over (order by b.idx, k) as un
      from bench_site b cross join lateral generate_series(0, b.n_staff - 1) k
    )
    select site_idx, site_id, k, un,
      ${uuidV7(millisOf(created), ID_TAG.user, 'un')} as user_id,
      case k when 0 then 'nurse' when 1 then 'social_worker' else ${profession} end as profession
    from slots;
    alter table bench_staff add column register text;
    update bench_staff set register = case when profession = 'nurse' then 'health' else 'social' end;
    alter table bench_staff add primary key (site_idx, k);

    create temp table bench_dc_staff as
    select idx as site_idx, id as site_id, ${uuidV7(millisOf(created), ID_TAG.user, `100000 + idx`)} as user_id from bench_site where is_day_centre;
    alter table bench_dc_staff add primary key (site_idx);

    insert into users (id, region_id, username, display_name, profession, unit_id, password_hash, locale, is_active, created_at, updated_at)
    select user_id, '${ctx.regionId}'::uuid, 'bench.s' || lpad((site_idx + 1)::text, 3, '0') || '.p' || k, 'Professional ' || (site_idx + 1) || '-' || (k + 1), profession, null::uuid, null::text, 'fi', true, ${created}, ${created}
    from bench_staff
    union all
    select user_id, '${ctx.regionId}'::uuid, 'bench.s' || lpad((site_idx + 1)::text, 3, '0') || '.staff', 'Day-centre staff ' || (site_idx + 1), null, null, null, 'fi', true, ${created}, ${created}
    from bench_dc_staff
    union all
    select '${ctx.coordinatorId}'::uuid, '${ctx.regionId}'::uuid, 'bench.coordinator', 'Coordinator', null, null, null, 'fi', true, ${created}, ${created};

    insert into role_assignments (id, user_id, role, site_id)
    select ${uuidV7(millisOf(created), ID_TAG.role, 'un')}, user_id, 'professional', site_id from bench_staff
    union all
    select ${uuidV7(millisOf(created), ID_TAG.role, '100000 + site_idx')}, user_id, 'daycentre_staff', site_id from bench_dc_staff
    union all
    select ${uuidV7(millisOf(created), ID_TAG.role, '200000')}, '${ctx.coordinatorId}'::uuid, 'coordinator', null;
  `);
}

/**
 * The calendar: a weight per day for how busy it is. Weekdays (Friday shorter, weekends nearly
 * empty), summer and Christmas quieter, the first week of the month busier (benefits are paid), and
 * the work growing by half over the years.
 */
async function createDays(ctx: GenContext): Promise<void> {
  await ctx.session.exec(`
    create temp table bench_day as
    with days as (
      select (row_number() over (order by g) - 1)::int as d, g::date as day
      from generate_series('${ctx.firstDay}'::date, '${ctx.lastDay}'::date, interval '1 day') g
    )
    select d, day, extract(isodow from day)::int as dow,
      (case extract(isodow from day)::int when 1 then 1.0 when 2 then 1.05 when 3 then 1.0 when 4 then 1.0 when 5 then 0.8 when 6 then 0.12 else 0.06 end)
      * (case when extract(month from day) = 7 then 0.55 when extract(month from day) in (6, 8) then 0.85
              when to_char(day, 'MM-DD') >= '12-22' or to_char(day, 'MM-DD') <= '01-06' then 0.5 else 1.0 end)
      * (case when extract(day from day) <= 7 then 1.15 else 1.0 end)
      * (0.8 + 0.4 * d / greatest(1, (select count(*) - 1 from days))) as factor
    from days;
    alter table bench_day add primary key (d);
    create unique index on bench_day (day);
  `);
}

/** The active need and support codes per register, and the region's services, numbered for picking. */
async function createLists(ctx: GenContext): Promise<void> {
  await ctx.session.exec(`
    create temp table bench_code as
    select kind, register, code, (row_number() over (partition by kind, register order by sort_order, code) - 1)::int as idx
    from codes where is_active;
    alter table bench_code add primary key (kind, register, idx);
    create temp table bench_code_count as select kind, register, count(*)::int as n from bench_code group by kind, register;
    create temp table bench_service as
    select id, (row_number() over (order by sort_order, code) - 1)::int as idx from services where region_id = '${ctx.regionId}'::uuid and is_active;
    alter table bench_service add primary key (idx);
  `);
  const counts = await ctx.session.query<{ kind: string; register: string; n: number }>('select kind, register, n from bench_code_count');
  for (const kind of ['need', 'support']) {
    for (const register of ['health', 'social']) {
      const found = counts.find((c) => c.kind === kind && c.register === register);
      // Two needs of one register in one encounter must differ, so each list needs at least two codes.
      if (!found || Number(found.n) < 2) throw new Error(`the codes table has fewer than two active ${kind}:${register} codes`);
    }
  }
}

export async function createOrganisation(ctx: GenContext): Promise<void> {
  await createSites(ctx);
  await createUsers(ctx);
  await createDays(ctx);
  await createLists(ctx);
  await ctx.session.exec('analyze bench_site; analyze bench_staff; analyze bench_day; analyze bench_code; analyze bench_service');
}
